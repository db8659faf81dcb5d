package dev.warpsql.executor.pipeline;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Text of TIME and TIMESTAMP values for {@code CAST(x AS VARCHAR)}: {@code HH:MM:SS} and {@code
 * YYYY-MM-DD HH:MM:SS}, followed by the fraction of a second without trailing zeros, or by nothing
 * for a whole second. DuckDB 1.4 writes the same text, such as {@code 2024-01-02 03:04:05.1234}.
 */
public final class TimeText {
  private static final long MICROS_PER_SECOND = 1_000_000;

  private TimeText() {}

  /** Returns whether {@link #format} accepts values of the type. */
  public static boolean canFormat(DataType type) {
    return type.kind() == TypeKind.TIME || type.kind() == TypeKind.TIMESTAMP;
  }

  /**
   * Returns the text of a TIME, in microseconds since midnight, or of a TIMESTAMP, in microseconds
   * since 1970-01-01 00:00:00.
   */
  public static String format(long micros, DataType type) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder text = new StringBuilder(26);
    if (type.kind() == TypeKind.TIMESTAMP) {
      text.append(
          String.format(
              "%04d-%02d-%02d ", time.getYear(), time.getMonthValue(), time.getDayOfMonth()));
    } else if (type.kind() != TypeKind.TIME) {
      throw new IllegalArgumentException("expected a TIME or TIMESTAMP, got " + type);
    }
    text.append(
        String.format("%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond()));
    if (fraction != 0) {
      String digits = String.format(".%06d", fraction);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      text.append(digits, 0, end);
    }
    return text.toString();
  }
}
