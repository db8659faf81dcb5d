package dev.warpsql.planner.prepare;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * Converts SQL to row expressions as Calcite's standard table does, but first checks the ESCAPE
 * clause of LIKE and rewrites a pattern whose escape character is itself a wildcard.
 *
 * <p>Calcite 1.41 simplifies LIKE patterns by collapsing runs of {@code %} without regard to the
 * escape character, so {@code s LIKE '%%' ESCAPE '%'}, which matches only the string "%", would
 * match every string. Rewriting such patterns to the escape character {@code \} before Calcite
 * simplifies them keeps their meaning. An ESCAPE that is not one character raises 22019, and a
 * pattern that ends in the escape character or escapes anything but a wildcard or the escape raises
 * 22025, as the SQL standard requires.
 */
final class LikeEscapeConvertletTable implements SqlRexConvertletTable {
  private static final char DEFAULT_ESCAPE = '\\';

  private final SqlRexConvertletTable next;

  /**
   * Creates a table that converts LIKE and delegates every call, LIKE included, to {@code next}.
   */
  LikeEscapeConvertletTable(SqlRexConvertletTable next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    if (call.getKind() != SqlKind.LIKE || call.operandCount() != 3) {
      return next.get(call);
    }
    SqlNode pattern = call.operand(1);
    SqlNode escape = call.operand(2);
    if (!(escape instanceof SqlCharStringLiteral escapeLiteral)) {
      return next.get(call);
    }
    String escapeText = escapeLiteral.getValueAs(String.class);
    if (escapeText.length() != 1) {
      throw new WarpException(
          ErrorCode.INVALID_ESCAPE_CHARACTER,
          "invalid escape character '" + escapeText + "': ESCAPE takes exactly one character");
    }
    char escapeChar = escapeText.charAt(0);
    if (!(pattern instanceof SqlCharStringLiteral patternLiteral)) {
      return next.get(call);
    }
    String rewritten = withDefaultEscape(patternLiteral.getValueAs(String.class), escapeChar);
    SqlParserPos position = call.getParserPosition();
    SqlNode newPattern = SqlLiteral.createCharString(rewritten, patternLiteral.getParserPosition());
    SqlNode newEscape =
        SqlLiteral.createCharString(String.valueOf(DEFAULT_ESCAPE), escape.getParserPosition());
    SqlCall rewrittenCall =
        call.getOperator().createCall(position, List.of(call.operand(0), newPattern, newEscape));
    SqlRexConvertlet standard = next.get(rewrittenCall);
    return (context, ignored) -> standard.convertCall(context, rewrittenCall);
  }

  /** Returns the pattern written with {@code \} as its escape character. */
  static String withDefaultEscape(String pattern, char escape) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == escape) {
        if (i + 1 == pattern.length()) {
          throw invalidSequence(pattern, escape);
        }
        char escaped = pattern.charAt(++i);
        if (escaped != '%' && escaped != '_' && escaped != escape) {
          throw invalidSequence(pattern, escape);
        }
        appendLiteral(result, escaped);
      } else if (c == DEFAULT_ESCAPE) {
        result.append(DEFAULT_ESCAPE).append(DEFAULT_ESCAPE);
      } else {
        result.append(c);
      }
    }
    return result.toString();
  }

  /** Appends one character that must match itself, escaping it if it is special. */
  private static void appendLiteral(StringBuilder result, char literal) {
    if (literal == '%' || literal == '_' || literal == DEFAULT_ESCAPE) {
      result.append(DEFAULT_ESCAPE);
    }
    result.append(literal);
  }

  private static WarpException invalidSequence(String pattern, char escape) {
    return new WarpException(
        ErrorCode.INVALID_ESCAPE_SEQUENCE,
        "invalid escape sequence in LIKE pattern '"
            + pattern
            + "': the escape character '"
            + escape
            + "' must be followed by %, _ or itself");
  }
}
