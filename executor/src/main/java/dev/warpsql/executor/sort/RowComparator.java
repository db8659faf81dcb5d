package dev.warpsql.executor.sort;

import dev.warpsql.executor.storage.PhysicalValues;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Total order on row indexes by a list of sort keys, with the row index as the last key so that
 * equal rows keep their input order. The key values are copied into arrays once, so each comparison
 * reads no vector.
 */
final class RowComparator {
  private final KeyColumn[] keys;

  RowComparator(List<FieldVector> columns, List<SortKey> sortKeys, int rowCount) {
    keys = new KeyColumn[sortKeys.size()];
    for (int i = 0; i < keys.length; i++) {
      SortKey key = sortKeys.get(i);
      if (key.column() >= columns.size()) {
        throw new IllegalArgumentException(
            "sort column " + key.column() + " does not exist, there are " + columns.size());
      }
      keys[i] = KeyColumn.extract(columns.get(key.column()), key, rowCount);
    }
  }

  int compare(int left, int right) {
    for (KeyColumn key : keys) {
      int result = key.compare(left, right);
      if (result != 0) {
        return result;
      }
    }
    return Integer.compare(left, right);
  }

  /** Values and NULLs of one sort key, with its direction. */
  private abstract static class KeyColumn {
    private final boolean[] nulls;
    private final boolean descending;
    private final boolean nullsFirst;

    KeyColumn(boolean[] nulls, SortKey key) {
      this.nulls = nulls;
      this.descending = key.descending();
      this.nullsFirst = key.nullsFirst();
    }

    static KeyColumn extract(FieldVector vector, SortKey key, int rowCount) {
      boolean[] nulls = new boolean[rowCount];
      for (int row = 0; row < rowCount; row++) {
        nulls[row] = vector.isNull(row);
      }
      TypeKind kind = key.type().kind();
      boolean floatingPoint = kind.isApproximateNumeric();
      if (floatingPoint != PhysicalValues.isFloatingPoint(vector)) {
        throw new IllegalArgumentException(
            "sort key type "
                + key.type()
                + " does not match vector "
                + vector.getName()
                + " of type "
                + vector.getMinorType());
      }
      if (floatingPoint) {
        double[] values = new double[rowCount];
        for (int row = 0; row < rowCount; row++) {
          values[row] = PhysicalValues.readDouble(vector, row);
        }
        return new DoubleKey(nulls, key, values);
      }
      long[] values = new long[rowCount];
      for (int row = 0; row < rowCount; row++) {
        values[row] = PhysicalValues.readLong(vector, row);
      }
      if (kind == TypeKind.VARCHAR) {
        rankCodes(values, nulls, key.dictionary());
      }
      return new LongKey(nulls, key, values);
    }

    /** Replaces dictionary codes by their rank in string order among the codes present. */
    private static void rankCodes(long[] codes, boolean[] nulls, StringDictionary dictionary) {
      int[] rank = CodeRanks.of(codes, nulls, dictionary);
      for (int row = 0; row < codes.length; row++) {
        if (!nulls[row]) {
          codes[row] = rank[(int) codes[row]];
        }
      }
    }

    final int compare(int left, int right) {
      boolean leftNull = nulls[left];
      boolean rightNull = nulls[right];
      if (leftNull || rightNull) {
        if (leftNull == rightNull) {
          return 0;
        }
        return leftNull == nullsFirst ? -1 : 1;
      }
      int result = compareValues(left, right);
      return descending ? -result : result;
    }

    abstract int compareValues(int left, int right);
  }

  private static final class LongKey extends KeyColumn {
    private final long[] values;

    LongKey(boolean[] nulls, SortKey key, long[] values) {
      super(nulls, key);
      this.values = values;
    }

    @Override
    int compareValues(int left, int right) {
      return Long.compare(values[left], values[right]);
    }
  }

  private static final class DoubleKey extends KeyColumn {
    private final double[] values;

    DoubleKey(boolean[] nulls, SortKey key, double[] values) {
      super(nulls, key);
      this.values = values;
    }

    /** Orders NaN above every number and after another NaN as equal, and -0.0 equal to 0.0. */
    @Override
    int compareValues(int left, int right) {
      double a = values[left];
      double b = values[right];
      if (a == b) {
        return 0;
      }
      return Double.compare(a, b);
    }
  }
}
