package dev.warpsql.executor.write;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.storage.PhysicalValues;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.BitSet;
import org.apache.arrow.vector.FieldVector;

/**
 * Copies rows of a batch into a {@link TableBuilder}, column by column through the builder's
 * checked setters, so the target's NOT NULL, range, precision and length rules apply to every
 * value. VARCHAR values are encoded into the target's dictionaries.
 */
final class BatchRows {
  private BatchRows() {}

  /**
   * Appends rows of the batch, whose {@code fields[i]} column goes to target column i: every row
   * when {@code selector} is -1, otherwise the rows whose BOOLEAN {@code selector} column is TRUE
   * when {@code keep} is true, and the rows where it is FALSE or NULL when {@code keep} is false.
   *
   * @return the number of rows appended
   */
  static long append(TableBuilder builder, Batch batch, int[] fields, int selector, boolean keep) {
    return append(builder, batch, fields, selector, keep, new BitSet());
  }

  /**
   * Appends rows as {@link #append(TableBuilder, Batch, int[], int, boolean)} does, except the rows
   * at the positions in {@code skipped}, counted from 0 over all chunks of the batch.
   */
  static long append(
      TableBuilder builder, Batch batch, int[] fields, int selector, boolean keep, BitSet skipped) {
    TableSchema schema = builder.schema();
    checkTypes(schema, batch, fields);
    long appended = 0;
    int position = 0;
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++, position++) {
        if (skipped.get(position)) {
          continue;
        }
        if (selector >= 0 && isTrue(chunk.vectors().get(selector), row) != keep) {
          continue;
        }
        for (int column = 0; column < fields.length; column++) {
          int field = fields[column];
          copyValue(builder, column, batch.columns().get(field), chunk.vectors().get(field), row);
        }
        builder.endRow();
        appended++;
      }
    }
    return appended;
  }

  /**
   * Appends every row of the batch, taking target column i from {@code newFields[i]} for the rows
   * whose {@code selector} column is TRUE and from {@code oldFields[i]} for the others.
   */
  static void appendUpdated(
      TableBuilder builder, Batch batch, int[] oldFields, int[] newFields, int selector) {
    appendUpdated(builder, batch, oldFields, newFields, selector, new BitSet());
  }

  /**
   * Appends rows as the method without {@code skipped} does, except the rows at those positions.
   */
  static void appendUpdated(
      TableBuilder builder,
      Batch batch,
      int[] oldFields,
      int[] newFields,
      int selector,
      BitSet skipped) {
    checkTypes(builder.schema(), batch, oldFields);
    checkTypes(builder.schema(), batch, newFields);
    int position = 0;
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++, position++) {
        if (skipped.get(position)) {
          continue;
        }
        int[] fields = isTrue(chunk.vectors().get(selector), row) ? newFields : oldFields;
        for (int column = 0; column < fields.length; column++) {
          int field = fields[column];
          copyValue(builder, column, batch.columns().get(field), chunk.vectors().get(field), row);
        }
        builder.endRow();
      }
    }
  }

  /** Counts the rows whose BOOLEAN column is TRUE. */
  static long countTrue(Batch batch, int column) {
    long count = 0;
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        if (isTrue(chunk.vectors().get(column), row)) {
          count++;
        }
      }
    }
    return count;
  }

  private static boolean isTrue(FieldVector vector, int row) {
    return !vector.isNull(row) && PhysicalValues.readLong(vector, row) != 0;
  }

  private static void copyValue(
      TableBuilder builder, int column, BatchColumn source, FieldVector vector, int row) {
    if (vector.isNull(row)) {
      builder.setNull(column);
      return;
    }
    switch (source.type().kind()) {
      case BOOLEAN -> builder.setBoolean(column, PhysicalValues.readLong(vector, row) != 0);
      case REAL, DOUBLE -> builder.setDouble(column, PhysicalValues.readDouble(vector, row));
      case VARCHAR -> {
        int code = (int) PhysicalValues.readLong(vector, row);
        builder.setString(column, source.dictionary().value(code));
      }
      default -> builder.setLong(column, PhysicalValues.readLong(vector, row));
    }
  }

  /**
   * Checks that each source column has the physical representation of its target column. The
   * planner casts values to the target types, so a mismatch is a planning bug, not a user error.
   */
  private static void checkTypes(TableSchema schema, Batch batch, int[] fields) {
    if (fields.length != schema.size()) {
      throw new IllegalArgumentException(
          fields.length + " source columns for " + schema.size() + " target columns");
    }
    for (int i = 0; i < fields.length; i++) {
      DataType target = schema.type(i);
      DataType source = batch.columns().get(fields[i]).type();
      boolean sameKind = source.kind() == target.kind();
      boolean sameScale = target.kind() != TypeKind.DECIMAL || source.scale() == target.scale();
      if (!sameKind || !sameScale) {
        throw new IllegalStateException(
            "column "
                + schema.column(i).name()
                + " of type "
                + target
                + " received values of type "
                + source);
      }
    }
  }
}
