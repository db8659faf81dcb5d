package dev.warpsql.executor.device;

import java.util.Locale;

/**
 * The setting of how much device memory resident column chunks may take before the least recently
 * used are evicted: a percentage of the device's memory ({@code 30%}) or a size in bytes with an
 * optional binary suffix ({@code 24g}, {@code 512m}, {@code 1073741824}).
 */
public final class ResidentMemorySetting {
  /** The JVM system property with the setting, read when a GPU is opened. */
  public static final String PROPERTY = "warp.gpu.resident";

  private ResidentMemorySetting() {}

  /**
   * Returns the bytes that {@code setting} gives on a device of {@code memoryBytes}.
   *
   * @throws IllegalArgumentException naming the value and the accepted forms when the setting is
   *     not a percentage from 1 to 100 or a size from 1 MiB to the device's memory
   */
  public static long bytes(String setting, long memoryBytes) {
    String text = setting.trim().toLowerCase(Locale.ROOT);
    if (text.endsWith("%")) {
      long percent = number(setting, text.substring(0, text.length() - 1));
      if (percent < 1 || percent > 100) {
        throw invalid(setting, "a percentage must be from 1% to 100%");
      }
      return memoryBytes * percent / 100;
    }

    long unit = 1;
    char last = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
    int power = "kmgt".indexOf(last);
    if (power >= 0) {
      unit = 1L << (10 * (power + 1));
      text = text.substring(0, text.length() - 1);
    }
    long count = number(setting, text);
    if (count > Long.MAX_VALUE / unit) {
      throw invalid(setting, "it is larger than the device's " + memoryBytes + " bytes");
    }
    long bytes = count * unit;
    if (bytes < (1L << 20)) {
      throw invalid(setting, "the resident columns need at least 1 MiB (1m)");
    }
    if (bytes > memoryBytes) {
      throw invalid(setting, "it is larger than the device's " + memoryBytes + " bytes");
    }
    return bytes;
  }

  private static long number(String setting, String digits) {
    if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 18) {
      throw invalid(setting, "expected a whole number");
    }
    return Long.parseLong(digits);
  }

  private static IllegalArgumentException invalid(String setting, String reason) {
    return new IllegalArgumentException(
        "invalid -D"
            + PROPERTY
            + "="
            + setting
            + ": "
            + reason
            + ". Use a percentage of the device's memory such as 50% or a size such as 24g,"
            + " 512m or 1073741824");
  }
}
