package dev.warpsql.planner.rules;

import dev.warpsql.executor.pipeline.TimeText;
import dev.warpsql.kernels.ir.DataType;
import org.apache.calcite.linq4j.function.Strict;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The text of TIME and TIMESTAMP values for casts to strings that Calcite's Enumerable engine runs,
 * in the format of the kernels' {@link TimeText}: the fraction of a second without trailing zeros.
 * Calcite 1.41 writes no fraction at all there, so {@code CAST(ts AS VARCHAR) || 'x'} lost the
 * milliseconds of {@code ts}.
 *
 * <p>The Enumerable engine stores a TIME as milliseconds of the day in an int and a TIMESTAMP as
 * milliseconds since 1970 in a long. Values with a fraction of a millisecond never reach it,
 * because {@code EnumerableTimeCheck} raises an error for them first. The methods are public
 * because the generated code calls them.
 */
public final class TimeTextFunctions {
  static final SqlOperator TIME_TEXT = operator("WARP_TIME_TEXT", "timeText");
  static final SqlOperator TIMESTAMP_TEXT = operator("WARP_TIMESTAMP_TEXT", "timestampText");

  private TimeTextFunctions() {}

  /** Returns the text function for values of {@code type}, or null when it is no time. */
  static SqlOperator forType(SqlTypeName type) {
    return switch (type) {
      case TIME -> TIME_TEXT;
      case TIMESTAMP -> TIMESTAMP_TEXT;
      default -> null;
    };
  }

  /** Returns whether an expression contains a cast of a TIME or TIMESTAMP to a string. */
  static boolean castsTimeToText(RexNode expression) {
    if (!(expression instanceof RexCall call)) {
      return false;
    }
    if (call.getKind() == SqlKind.CAST
        && SqlTypeUtil.inCharFamily(call.getType())
        && forType(call.getOperands().get(0).getType().getSqlTypeName()) != null) {
      return true;
    }
    for (RexNode operand : call.getOperands()) {
      if (castsTimeToText(operand)) {
        return true;
      }
    }
    return false;
  }

  @Strict
  public static String timeText(int millisOfDay) {
    return TimeText.format(millisOfDay * 1000L, DataType.TIME);
  }

  @Strict
  public static String timestampText(long millis) {
    return TimeText.format(Math.multiplyExact(millis, 1000L), DataType.TIMESTAMP);
  }

  private static SqlOperator operator(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.VARCHAR).andThen(SqlTypeTransforms.TO_NULLABLE),
        null,
        null,
        ScalarFunctionImpl.create(TimeTextFunctions.class, method));
  }
}
