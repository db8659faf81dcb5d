package dev.warpsql.sqltests.edge;

import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Rows written by hand after {@code -- expect:}: their parser, which reads values into the Java
 * types that {@link QueryResult} reads results into, and the check of a result against them.
 *
 * <p>The text is {@code no rows}, or rows separated by commas. A row is a parenthesized,
 * comma-separated list of values, or a single value for a one-column row. Values are:
 *
 * <ul>
 *   <li>{@code NULL}, {@code TRUE} and {@code FALSE}, in any case;
 *   <li>integers and decimals such as {@code -12} or {@code 0.50}, read as {@link BigDecimal};
 *   <li>numbers with an exponent such as {@code 1.5e0}, read as {@link Double} for DOUBLE results;
 *   <li>string literals in single quotes, where {@code ''} is one quote;
 *   <li>{@code DATE 'yyyy-mm-dd'}, read as {@link LocalDate}.
 * </ul>
 */
final class ExpectedRows {
  static final String NO_ROWS = "no rows";

  private final String text;
  private int position;

  private ExpectedRows(String text) {
    this.text = text;
  }

  /**
   * Parses rows; every row must have the same number of values.
   *
   * @throws IllegalArgumentException if the text is not rows as described above
   */
  static List<List<Object>> parse(String text) {
    String stripped = text.strip();
    if (stripped.equalsIgnoreCase(NO_ROWS)) {
      return List.of();
    }
    return new ExpectedRows(stripped).rows();
  }

  /**
   * Asserts that WarpSQL's result has a statement's expected rows, in order if the statement is
   * {@code -- ordered} and as multisets otherwise. Values compare as in {@link ResultComparison}.
   *
   * @param actual WarpSQL's result, already sorted by {@link RowOrder} unless ordered
   */
  static void assertReturned(EdgeStatement statement, QueryResult actual) {
    List<List<Object>> rows = statement.expectedRows();
    int width = rows.isEmpty() ? actual.labels().size() : rows.get(0).size();
    List<String> labels = actual.labels();
    if (labels.size() != width) {
      labels = IntStream.rangeClosed(1, width).mapToObj(i -> "column " + i).toList();
    }
    QueryResult expected = new QueryResult(labels, rows);
    if (!statement.ordered()) {
      expected = RowOrder.sorted(expected);
    }
    try {
      ResultComparison.assertSameRows(statement.location() + " -- expect: ", expected, actual);
    } catch (AssertionError e) {
      throw new AssertionError(
          e.getMessage()
              + "\nExpected by hand:\n"
              + EdgeCaseScriptsTest.show(expected)
              + "WarpSQL returned:\n"
              + EdgeCaseScriptsTest.show(actual),
          e);
    }
  }

  private List<List<Object>> rows() {
    List<List<Object>> rows = new ArrayList<>();
    do {
      List<Object> row = row();
      if (!rows.isEmpty() && rows.get(0).size() != row.size()) {
        throw invalid(
            "row "
                + (rows.size() + 1)
                + " has "
                + row.size()
                + " values, row 1 has "
                + rows.get(0).size());
      }
      rows.add(row);
    } while (skipComma());
    skipSpaces();
    if (position < text.length()) {
      throw invalid("expected ',' between rows");
    }
    return List.copyOf(rows);
  }

  private List<Object> row() {
    skipSpaces();
    if (!consume('(')) {
      return Collections.singletonList(value());
    }
    List<Object> values = new ArrayList<>();
    do {
      values.add(value());
    } while (skipComma());
    skipSpaces();
    if (!consume(')')) {
      throw invalid("expected ',' or ')' in a row");
    }
    // Arrays.asList, not List.copyOf, because values may be null.
    return Collections.unmodifiableList(Arrays.asList(values.toArray()));
  }

  private Object value() {
    skipSpaces();
    if (position >= text.length()) {
      throw invalid("missing value");
    }
    char c = text.charAt(position);
    if (c == '\'') {
      return string();
    }
    if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
      return number();
    }
    String word = word().toUpperCase(Locale.ROOT);
    return switch (word) {
      case "NULL" -> null;
      case "TRUE" -> Boolean.TRUE;
      case "FALSE" -> Boolean.FALSE;
      case "DATE" -> date();
      default -> throw invalid("unknown value '" + word + "'");
    };
  }

  private String string() {
    StringBuilder value = new StringBuilder();
    position++;
    while (position < text.length()) {
      char c = text.charAt(position++);
      if (c != '\'') {
        value.append(c);
      } else if (position < text.length() && text.charAt(position) == '\'') {
        value.append('\'');
        position++;
      } else {
        return value.toString();
      }
    }
    throw invalid("string literal without a closing quote");
  }

  private Object number() {
    int start = position;
    position++;
    while (position < text.length()) {
      char c = text.charAt(position);
      boolean exponentSign =
          (c == '-' || c == '+') && Character.toLowerCase(text.charAt(position - 1)) == 'e';
      if (!Character.isLetterOrDigit(c) && c != '.' && !exponentSign) {
        break;
      }
      position++;
    }
    String literal = text.substring(start, position);
    try {
      if (literal.toLowerCase(Locale.ROOT).contains("e")) {
        return Double.valueOf(literal);
      }
      return new BigDecimal(literal);
    } catch (NumberFormatException e) {
      throw invalid("invalid number '" + literal + "'");
    }
  }

  private LocalDate date() {
    skipSpaces();
    if (position >= text.length() || text.charAt(position) != '\'') {
      throw invalid("DATE must be followed by a quoted 'yyyy-mm-dd'");
    }
    String literal = string();
    try {
      return LocalDate.parse(literal);
    } catch (DateTimeParseException e) {
      throw invalid("invalid DATE '" + literal + "', expected 'yyyy-mm-dd'");
    }
  }

  private String word() {
    int start = position;
    while (position < text.length() && Character.isLetter(text.charAt(position))) {
      position++;
    }
    if (start == position) {
      throw invalid("unexpected character '" + text.charAt(position) + "'");
    }
    return text.substring(start, position);
  }

  private boolean skipComma() {
    skipSpaces();
    return consume(',');
  }

  private boolean consume(char expected) {
    if (position < text.length() && text.charAt(position) == expected) {
      position++;
      return true;
    }
    return false;
  }

  private void skipSpaces() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException invalid(String problem) {
    return new IllegalArgumentException(
        "invalid '-- expect:' rows at character " + (position + 1) + ": " + problem);
  }
}
