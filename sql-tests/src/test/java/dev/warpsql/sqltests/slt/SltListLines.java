package dev.warpsql.sqltests.slt;

import java.util.List;

/**
 * The lines that count in the runner's list files (the CI subset, the baseline and the known
 * differences): stripped, without blank lines and without comment lines, which start with {@code
 * #}.
 */
final class SltListLines {
  private SltListLines() {}

  static List<String> of(String text) {
    return text.lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }
}
