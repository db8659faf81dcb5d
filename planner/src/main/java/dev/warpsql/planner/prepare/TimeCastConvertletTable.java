package dev.warpsql.planner.prepare;

import dev.warpsql.executor.pipeline.TimeText;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.planner.lower.SecondFractions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.DataContexts;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlTimeLiteral;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Converts a CAST of a string literal to TIME or TIMESTAMP with its microseconds. It also converts
 * a CAST of a TIME or TIMESTAMP literal to a string with its fraction of a second, and delegates
 * every other call to the next table. A time of day with a field out of range, such as {@code
 * '24:00:00'}, raises an error, which Calcite's CAST would carry into the next field.
 *
 * <p>Calcite 1.41 folds such a cast while it converts the statement, parsing the text to
 * milliseconds, so {@code CAST('2024-02-29 12:00:00.000001' AS TIMESTAMP)} became the whole second
 * before any of WarpSQL's own folding could see it. Here the digits past the third are added back
 * from the text. A cast that Calcite leaves unfolded is folded later, exactly, by the planner's
 * executor.
 */
final class TimeCastConvertletTable implements SqlRexConvertletTable {
  private static final RexExecutor EXECUTOR = new RexExecutorImpl(DataContexts.EMPTY);

  private final SqlRexConvertletTable next;

  /**
   * Creates a table that converts casts of text to times and every other call with {@code next}.
   */
  TimeCastConvertletTable(SqlRexConvertletTable next) {
    this.next = Objects.requireNonNull(next, "next");
  }

  @Override
  public SqlRexConvertlet get(SqlCall call) {
    SqlRexConvertlet standard = next.get(call);
    if (standard == null || call.getKind() != SqlKind.CAST) {
      return standard;
    }
    SqlNode operand = call.operand(0);
    if (operand instanceof SqlTimestampLiteral || operand instanceof SqlTimeLiteral) {
      return (context, castCall) -> convertTimeText(standard, context, castCall, operand);
    }
    if (!(operand instanceof SqlCharStringLiteral literal)) {
      return standard;
    }
    String text = literal.getValueAs(String.class);
    return (context, castCall) -> convertCast(standard, context, castCall, text);
  }

  private static RexNode convertCast(
      SqlRexConvertlet standard, SqlRexContext context, SqlCall call, String text) {
    RexNode converted = standard.convertCall(context, call);
    SqlTypeName target = converted.getType().getSqlTypeName();
    if (target == SqlTypeName.TIME) {
      SecondFractions.checkTimeOfDay(text);
    }
    if (target != SqlTypeName.TIME && target != SqlTypeName.TIMESTAMP) {
      return converted;
    }
    long correction = SecondFractions.castCorrection(text);
    if (correction == 0) {
      return converted;
    }
    RexNode folded = fold(context.getRexBuilder(), converted);
    if (!(folded instanceof RexLiteral literal) || literal.isNull()) {
      return converted;
    }
    return SecondFractions.shifted(context.getRexBuilder(), literal, correction, literal.getType());
  }

  /**
   * Converts a cast of a TIME or TIMESTAMP literal to a string into the literal's text with every
   * digit of its fraction, as {@link TimeText} writes it, cut or padded to the target type. Calcite
   * would fold it to the text without any fraction.
   */
  private static RexNode convertTimeText(
      SqlRexConvertlet standard, SqlRexContext context, SqlCall call, SqlNode operand) {
    RexNode converted = standard.convertCall(context, call);
    if (!SqlTypeUtil.inCharFamily(converted.getType())) {
      return converted;
    }
    String text =
        operand instanceof SqlTimestampLiteral timestamp
            ? TimeText.format(
                SecondFractions.timestampMicros(timestamp.getValueAs(TimestampString.class)),
                DataType.TIMESTAMP)
            : TimeText.format(
                SecondFractions.timeMicros(((SqlTimeLiteral) operand).getValueAs(TimeString.class)),
                DataType.TIME);
    RexBuilder rexBuilder = context.getRexBuilder();
    return rexBuilder.makeCast(converted.getType(), rexBuilder.makeLiteral(text), true, false);
  }

  /**
   * Folds the cast with Calcite's executor, which parses the text as every other cast of text does.
   * A text that it rejects stays a cast, so running the statement raises the error.
   */
  private static RexNode fold(RexBuilder rexBuilder, RexNode cast) {
    if (cast instanceof RexLiteral) {
      return cast;
    }
    List<RexNode> folded = new ArrayList<>();
    try {
      EXECUTOR.reduce(rexBuilder, List.of(cast), folded);
    } catch (RuntimeException e) {
      return cast;
    }
    return folded.get(0);
  }
}
