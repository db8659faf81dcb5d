package dev.warpsql.driver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats results as an aligned text table for people to read: a header, a separator line, one line
 * per row with numbers right-aligned and NULL shown as {@code NULL}, then a row count.
 *
 * <p>The whole result is held in memory to size the columns, so large results are better written as
 * CSV or JSON, which stream. Line breaks and tabs inside values are printed as {@code \n}, {@code
 * \r} and {@code \t} so that each row stays on one line.
 */
final class TableFormatter implements ResultFormatter {
  static final String NULL_TEXT = "NULL";

  @Override
  public void writeResult(ResultSet resultSet, PrintStream out) throws SQLException {
    ResultColumns columns = ResultColumns.of(resultSet);
    int[] widths = new int[columns.count()];
    for (int i = 0; i < columns.count(); i++) {
      widths[i] = displayWidth(columns.label(i));
    }

    List<String[]> rows = new ArrayList<>();
    while (resultSet.next()) {
      String[] row = new String[columns.count()];
      for (int i = 0; i < columns.count(); i++) {
        String text = columns.readText(resultSet, i);
        row[i] = text == null ? NULL_TEXT : escapeControlCharacters(text);
        widths[i] = Math.max(widths[i], displayWidth(row[i]));
      }
      rows.add(row);
    }

    String[] header = new String[columns.count()];
    for (int i = 0; i < columns.count(); i++) {
      header[i] = escapeControlCharacters(columns.label(i));
    }
    writeLine(header, columns, widths, out);
    writeSeparator(widths, out);
    for (String[] row : rows) {
      writeLine(row, columns, widths, out);
    }
    out.println(rows.size() == 1 ? "(1 row)" : "(" + rows.size() + " rows)");
  }

  @Override
  public void writeUpdateCount(long updateCount, PrintStream out) {
    out.println(updateCount == 1 ? "(1 row affected)" : "(" + updateCount + " rows affected)");
  }

  private static void writeLine(
      String[] cells, ResultColumns columns, int[] widths, PrintStream out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? " " : " | ");
      int padding = widths[i] - displayWidth(cells[i]);
      boolean last = i == cells.length - 1;
      if (columns.kind(i).isNumeric()) {
        line.append(" ".repeat(padding)).append(cells[i]);
      } else if (last) {
        // No trailing blanks after the last column.
        line.append(cells[i]);
      } else {
        line.append(cells[i]).append(" ".repeat(padding));
      }
    }
    out.println(line);
  }

  private static void writeSeparator(int[] widths, PrintStream out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      line.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
    }
    out.println(line);
  }

  private static int displayWidth(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String escapeControlCharacters(String text) {
    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
      return text;
    }
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }
}
