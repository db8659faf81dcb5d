package dev.warpsql.planner.rules;

import java.util.List;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.runtime.SqlFunctions;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * CHAR_LENGTH, SUBSTRING, POSITION and OVERLAY counted in Unicode code points, as the SQL standard
 * counts characters and DuckDB and PostgreSQL do. Calcite 1.41's own functions count UTF-16 units,
 * so a character above U+FFFF, such as an emoji, counted twice: {@code CHAR_LENGTH('😀a')} was 3,
 * and {@code SUBSTRING('😀ab' FROM 2 FOR 1)} returned half of the emoji.
 *
 * <p>{@link #rewrite} replaces those calls in an expression before Calcite compiles it, wherever
 * WarpSQL evaluates strings with Calcite's code: constant folding, string lookups and Enumerable
 * fallbacks. The methods are public because the generated code calls them.
 */
public final class CodePointFunctions {
  private static final SqlOperator CHAR_LENGTH = operator("WARP_CHAR_LENGTH", "charLength");
  private static final SqlOperator SUBSTRING_FROM = operator("WARP_SUBSTRING", "substringFrom");
  private static final SqlOperator SUBSTRING_FROM_FOR =
      operator("WARP_SUBSTRING", "substringFromFor");
  private static final SqlOperator POSITION = operator("WARP_POSITION", "position");
  private static final SqlOperator POSITION_FROM = operator("WARP_POSITION", "positionFrom");
  private static final SqlOperator OVERLAY = operator("WARP_OVERLAY", "overlay");
  private static final SqlOperator OVERLAY_FOR = operator("WARP_OVERLAY", "overlayFor");

  private CodePointFunctions() {}

  /** Returns {@code node} with its string functions counted in code points. */
  public static RexNode rewrite(RexBuilder rexBuilder, RexNode node) {
    return node.accept(new Rewrite(rexBuilder));
  }

  /**
   * Returns the code point form of {@code call} itself, leaving its operands as they are, or the
   * call unchanged. Shuttles that already visit every call of an expression use it.
   */
  static RexNode replaceCall(RexBuilder rexBuilder, RexCall call) {
    SqlOperator replacement = Rewrite.replacementOf(call);
    if (replacement == null) {
      return call;
    }
    return rexBuilder.makeCall(call.getType(), replacement, call.getOperands());
  }

  @Strict
  public static int charLength(String s) {
    return s.codePointCount(0, s.length());
  }

  /** SUBSTRING(s FROM from): the characters from {@code from} on. */
  @Strict
  public static String substringFrom(String s, int from) {
    int start = Math.max(from, 1);
    int length = charLength(s);
    if (start > length) {
      return "";
    }
    return s.substring(s.offsetByCodePoints(0, start - 1));
  }

  /**
   * SUBSTRING(s FROM from FOR count): the characters from {@code from} up to, not including, {@code
   * from + count}.
   */
  @Strict
  public static String substringFromFor(String s, int from, int count) {
    if (count < 0) {
      // Raises the error that Calcite raises for a negative length.
      return SqlFunctions.substring(s, from, count);
    }
    long end = (long) from + count;
    int start = Math.max(from, 1);
    int length = charLength(s);
    int last = (int) Math.min(end, length + 1L);
    if (start >= last) {
      return "";
    }
    int begin = s.offsetByCodePoints(0, start - 1);
    return s.substring(begin, s.offsetByCodePoints(begin, last - start));
  }

  @Strict
  public static int position(String needle, String haystack) {
    int index = haystack.indexOf(needle);
    return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
  }

  /** POSITION(needle IN haystack FROM from), counted from character {@code from}. */
  @Strict
  public static int positionFrom(String needle, String haystack, int from) {
    if (from < 1 || from > charLength(haystack) + 1) {
      return 0;
    }
    int offset = haystack.offsetByCodePoints(0, from - 1);
    int index = haystack.indexOf(needle, offset);
    return index < 0 ? 0 : haystack.codePointCount(0, index) + 1;
  }

  @Strict
  public static String overlay(String s, String replacement, int from) {
    return overlayFor(s, replacement, from, charLength(replacement));
  }

  /** OVERLAY(s PLACING replacement FROM from FOR count). */
  @Strict
  public static String overlayFor(String s, String replacement, int from, int count) {
    return substringFromFor(s, 1, from - 1) + replacement + substringFrom(s, from + count);
  }

  /** Returns whether an operand is a character string or an exact integer. */
  private static boolean isStringOrInteger(RexNode operand) {
    RelDataType type = operand.getType();
    return SqlTypeUtil.inCharFamily(type) || SqlTypeUtil.isIntType(type);
  }

  private static SqlOperator operator(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.ARG0,
        null,
        null,
        ScalarFunctionImpl.create(CodePointFunctions.class, method));
  }

  /** Replaces Calcite's string functions by their code point forms, keeping each call's type. */
  private static final class Rewrite extends RexShuttle {
    private final RexBuilder rexBuilder;

    Rewrite(RexBuilder rexBuilder) {
      this.rexBuilder = rexBuilder;
    }

    @Override
    public RexNode visitCall(RexCall call) {
      return replaceCall(rexBuilder, (RexCall) super.visitCall(call));
    }

    /** Returns the code point form of a call on strings, or null for any other call. */
    private static SqlOperator replacementOf(RexCall call) {
      SqlOperator operator = call.getOperator();
      List<RexNode> operands = call.getOperands();
      if (operands.isEmpty()
          || !operands.stream().allMatch(CodePointFunctions::isStringOrInteger)) {
        return null;
      }
      boolean three = operands.size() == 3;
      if (operator == SqlStdOperatorTable.CHAR_LENGTH
          || operator == SqlStdOperatorTable.CHARACTER_LENGTH) {
        return CHAR_LENGTH;
      }
      if (operator == SqlStdOperatorTable.SUBSTRING) {
        return three ? SUBSTRING_FROM_FOR : SUBSTRING_FROM;
      }
      if (operator == SqlStdOperatorTable.POSITION) {
        return three ? POSITION_FROM : POSITION;
      }
      if (operator == SqlStdOperatorTable.OVERLAY) {
        return operands.size() == 4 ? OVERLAY_FOR : OVERLAY;
      }
      return null;
    }
  }
}
