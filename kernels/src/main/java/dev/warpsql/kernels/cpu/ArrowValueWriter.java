package dev.warpsql.kernels.cpu;

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

/** Writes physical kernel values into the vectors of {@code ArrowColumns}, off the hot path. */
final class ArrowValueWriter {
  private ArrowValueWriter() {}

  /** Sets a value held in an integer register: every kind but REAL and DOUBLE. */
  static void setLong(FieldVector vector, int row, long value) {
    if (vector instanceof BigIntVector v) {
      v.set(row, value);
    } else if (vector instanceof IntVector v) {
      v.set(row, (int) value);
    } else if (vector instanceof DateDayVector v) {
      v.set(row, (int) value);
    } else if (vector instanceof SmallIntVector v) {
      v.set(row, (short) value);
    } else if (vector instanceof TinyIntVector v) {
      v.set(row, (byte) value);
    } else if (vector instanceof TimeMicroVector v) {
      v.set(row, value);
    } else if (vector instanceof TimeStampMicroVector v) {
      v.set(row, value);
    } else if (vector instanceof BitVector v) {
      v.set(row, value != 0 ? 1 : 0);
    } else {
      throw new IllegalArgumentException(
          "cannot write an integer value to " + vector.getClass().getSimpleName());
    }
  }

  /** Sets a REAL or DOUBLE value. */
  static void setDouble(FieldVector vector, int row, double value) {
    if (vector instanceof Float8Vector v) {
      v.set(row, value);
    } else if (vector instanceof Float4Vector v) {
      v.set(row, (float) value);
    } else {
      throw new IllegalArgumentException(
          "cannot write a floating-point value to " + vector.getClass().getSimpleName());
    }
  }
}
