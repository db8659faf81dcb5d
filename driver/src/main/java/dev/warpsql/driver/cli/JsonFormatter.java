package dev.warpsql.driver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Formats results as one JSON array with an object per row, keyed by column label.
 *
 * <p>Integers and DECIMALs are JSON numbers with every digit of the value (a DECIMAL(15,2) 12.30 is
 * written {@code 12.30}). Floating-point values are JSON numbers, except NaN and the infinities,
 * which JSON cannot represent and are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}. BOOLEAN is {@code true} or {@code false}, SQL NULL is {@code null}, DATE,
 * TIME and TIMESTAMP are ISO 8601 strings, and everything else is a string. Rows are written as
 * they are read, one object per line.
 */
final class JsonFormatter implements ResultFormatter {
  @Override
  public void writeResult(ResultSet resultSet, PrintStream out) throws SQLException {
    ResultColumns columns = ResultColumns.of(resultSet);
    boolean first = true;
    StringBuilder line = new StringBuilder();
    while (resultSet.next()) {
      out.println(first ? "[" : ",");
      first = false;

      line.setLength(0);
      line.append("  {");
      for (int i = 0; i < columns.count(); i++) {
        if (i > 0) {
          line.append(", ");
        }
        appendString(line, columns.label(i));
        line.append(": ");
        appendValue(line, columns.kind(i), columns.readText(resultSet, i));
      }
      line.append('}');
      out.print(line);
    }
    out.println(first ? "[]" : "\n]");
  }

  /** Writes nothing, because JSON output contains only rows. */
  @Override
  public void writeUpdateCount(long updateCount, PrintStream out) {}

  private static void appendValue(StringBuilder line, ColumnKind kind, String text) {
    if (text == null) {
      line.append("null");
      return;
    }
    switch (kind) {
      case INTEGER, DECIMAL, BOOLEAN -> line.append(text);
      case FLOATING_POINT -> {
        if (isFinite(text)) {
          line.append(text);
        } else {
          appendString(line, text);
        }
      }
      // SQL writes a space between date and time, ISO 8601 a 'T'.
      case TIMESTAMP -> appendString(line, text.replaceFirst(" ", "T"));
      default -> appendString(line, text);
    }
  }

  private static boolean isFinite(String floatingPointText) {
    return !floatingPointText.equals("NaN") && !floatingPointText.endsWith("Infinity");
  }

  private static void appendString(StringBuilder line, String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> line.append("\\\"");
        case '\\' -> line.append("\\\\");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        case '\t' -> line.append("\\t");
        case '\b' -> line.append("\\b");
        case '\f' -> line.append("\\f");
        default -> {
          if (c < 0x20) {
            line.append(String.format("\\u%04x", (int) c));
          } else {
            line.append(c);
          }
        }
      }
    }
    line.append('"');
  }
}
