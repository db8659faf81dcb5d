package dev.warpsql.driver.cli;

import java.util.Locale;

/** Text of a progress bar for a file load: {@code [##### ] 50% 12.0 of 24.0 MB}. */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final double MEGABYTE = 1024.0 * 1024.0;

  private ProgressBar() {}

  /** Returns the bar for {@code done} of {@code total} bytes; a total of 0 shows a full bar. */
  static String render(long done, long total) {
    double fraction = total <= 0 ? 1.0 : Math.min(1.0, Math.max(0.0, (double) done / total));
    int filled = (int) Math.round(fraction * WIDTH);
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%% %.1f of %.1f MB",
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        Math.min(done, total) / MEGABYTE,
        total / MEGABYTE);
  }
}
