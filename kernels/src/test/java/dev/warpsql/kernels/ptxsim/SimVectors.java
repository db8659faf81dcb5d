package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
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
 * Reads and writes physical values (Long, Double, Boolean, or null for NULL) in vectors of the
 * {@code ArrowColumns} layout.
 */
public final class SimVectors {
  private SimVectors() {}

  /** Returns a new nullable vector of {@code values}; the caller closes it. */
  static FieldVector of(
      String name, DataType type, List<Object> values, BufferAllocator allocator) {
    FieldVector vector = ArrowColumns.createVector(name, type, true, 0, allocator);
    vector.setInitialCapacity(values.size());
    vector.allocateNew();
    for (int row = 0; row < values.size(); row++) {
      set(vector, row, values.get(row));
    }
    vector.setValueCount(values.size());
    return vector;
  }

  private static void set(FieldVector vector, int row, Object value) {
    if (value == null) {
      ((BaseFixedWidthVector) vector).setNull(row);
      return;
    }
    if (vector instanceof BitVector v) {
      v.set(row, (Boolean) value ? 1 : 0);
    } else if (vector instanceof Float4Vector v) {
      v.set(row, (float) (double) (Double) value);
    } else if (vector instanceof Float8Vector v) {
      v.set(row, (Double) value);
    } else if (vector instanceof TinyIntVector v) {
      v.set(row, (byte) (long) (Long) value);
    } else if (vector instanceof SmallIntVector v) {
      v.set(row, (short) (long) (Long) value);
    } else if (vector instanceof IntVector v) {
      v.set(row, (int) (long) (Long) value);
    } else if (vector instanceof DateDayVector v) {
      v.set(row, (int) (long) (Long) value);
    } else if (vector instanceof BigIntVector v) {
      v.set(row, (Long) value);
    } else if (vector instanceof TimeMicroVector v) {
      v.set(row, (Long) value);
    } else if (vector instanceof TimeStampMicroVector v) {
      v.set(row, (Long) value);
    } else {
      throw new IllegalArgumentException(vector.getClass().getSimpleName());
    }
  }

  /** Returns the physical value of one row, or null for NULL. */
  static Object value(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof BitVector v) {
      return v.get(row) != 0;
    } else if (vector instanceof Float4Vector v) {
      return (double) v.get(row);
    } else if (vector instanceof Float8Vector v) {
      return v.get(row);
    } else if (vector instanceof TinyIntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof SmallIntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof IntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof DateDayVector v) {
      return (long) v.get(row);
    } else if (vector instanceof BigIntVector v) {
      return v.get(row);
    } else if (vector instanceof TimeMicroVector v) {
      return v.get(row);
    } else if (vector instanceof TimeStampMicroVector v) {
      return v.get(row);
    }
    throw new IllegalArgumentException(vector.getClass().getSimpleName());
  }

  /** Returns the rows of {@code columns}, each a list of values. */
  public static List<List<Object>> rows(List<FieldVector> columns) {
    List<List<Object>> rows = new ArrayList<>();
    int count = columns.isEmpty() ? 0 : columns.get(0).getValueCount();
    for (int row = 0; row < count; row++) {
      List<Object> values = new ArrayList<>();
      for (FieldVector column : columns) {
        values.add(value(column, row));
      }
      rows.add(values);
    }
    return rows;
  }
}
