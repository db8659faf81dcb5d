package dev.warpsql.driver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Formats results as CSV: a header row, then one record per row, quoted as RFC 4180 describes.
 *
 * <p>A field that contains a comma, a double quote, CR or LF is enclosed in double quotes with
 * inner quotes doubled. SQL NULL is an empty field and the empty string is {@code ""}, so the two
 * stay distinct. Records end with LF, not the CRLF of RFC 4180, as Unix tools expect. Rows are
 * written as they are read, so results of any size stream.
 */
final class CsvFormatter implements ResultFormatter {
  @Override
  public void writeResult(ResultSet resultSet, PrintStream out) throws SQLException {
    ResultColumns columns = ResultColumns.of(resultSet);
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.count(); i++) {
      appendField(line, i, columns.label(i));
    }
    out.println(line);

    while (resultSet.next()) {
      line.setLength(0);
      for (int i = 0; i < columns.count(); i++) {
        appendField(line, i, columns.readText(resultSet, i));
      }
      out.println(line);
    }
  }

  /** Writes nothing, because CSV output contains only rows. */
  @Override
  public void writeUpdateCount(long updateCount, PrintStream out) {}

  private static void appendField(StringBuilder line, int index, String value) {
    if (index > 0) {
      line.append(',');
    }
    if (value == null) {
      return;
    }
    if (value.isEmpty() || needsQuotes(value)) {
      line.append('"').append(value.replace("\"", "\"\"")).append('"');
    } else {
      line.append(value);
    }
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
