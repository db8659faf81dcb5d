package dev.warpsql.planner.exec;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.kernels.ir.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Reads result values out of Arrow vectors in the Java form that Calcite's JDBC layer expects: DATE
 * as Integer days, TIME as Integer milliseconds, TIMESTAMP as Long milliseconds, DECIMAL as
 * BigDecimal at the column's declared scale, VARCHAR as the decoded String.
 */
final class ResultValues {
  private ResultValues() {}

  /**
   * Raises an error when the TIME or TIMESTAMP value at {@code row} has microseconds, which {@code
   * reader} would cut off. Other types and NULL pass.
   */
  static void checkWholeMilliseconds(
      FieldVector vector, BatchColumn column, int row, String reader) {
    TypeKind kind = column.type().kind();
    if ((kind != TypeKind.TIME && kind != TypeKind.TIMESTAMP) || vector.isNull(row)) {
      return;
    }
    long micros =
        kind == TypeKind.TIME
            ? ((TimeMicroVector) vector).get(row)
            : ((TimeStampMicroVector) vector).get(row);
    if (micros % 1000 == 0) {
      return;
    }
    String text =
        kind == TypeKind.TIME
            ? java.time.LocalTime.ofNanoOfDay(Math.floorMod(micros, 86_400_000_000L) * 1000)
                .toString()
            : String.valueOf(vector.getObject(row)).replace('T', ' ');
    throw new WarpException(
        ErrorCode.UNSUPPORTED,
        "the value "
            + text
            + " of column "
            + column.name()
            + " has microseconds, but "
            + reader
            + " computes with it in milliseconds; write the statement so that it runs as"
            + " kernels (EXPLAIN PLAN FOR names the operator that does not) or round the values"
            + " to milliseconds");
  }

  /**
   * Returns the value at {@code row}, or null for SQL NULL.
   *
   * @param declaredScale scale of the statement's result column, for DECIMAL
   */
  static Object read(FieldVector vector, BatchColumn column, int row, int declaredScale) {
    if (vector.isNull(row)) {
      return null;
    }
    TypeKind kind = column.type().kind();
    return switch (kind) {
      case BOOLEAN -> ((BitVector) vector).get(row) != 0;
      case TINYINT -> ((TinyIntVector) vector).get(row);
      case SMALLINT -> ((SmallIntVector) vector).get(row);
      case INTEGER -> ((IntVector) vector).get(row);
      case BIGINT -> ((BigIntVector) vector).get(row);
      case REAL -> ((Float4Vector) vector).get(row);
      case DOUBLE -> ((Float8Vector) vector).get(row);
      case DECIMAL -> {
        BigDecimal value =
            BigDecimal.valueOf(((BigIntVector) vector).get(row), column.type().scale());
        yield declaredScale == value.scale()
            ? value
            : value.setScale(declaredScale, RoundingMode.HALF_UP);
      }
      case DATE -> ((DateDayVector) vector).get(row);
      case TIME -> (int) Math.floorDiv(((TimeMicroVector) vector).get(row), 1000L);
      // NOTE: Calcite's JDBC layer carries TIMESTAMP as milliseconds, so microseconds that the
      // column stores are cut off here.
      case TIMESTAMP -> Math.floorDiv(((TimeStampMicroVector) vector).get(row), 1000L);
      case VARCHAR -> column.dictionary().value(((IntVector) vector).get(row));
    };
  }
}
