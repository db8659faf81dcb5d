package dev.warpsql.executor.write;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.PhysicalValues;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The chunks of a table that a DELETE or UPDATE leaves as they are, which the new version shares
 * instead of copying their rows, so that a change to a few rows writes only the chunks they are in.
 *
 * <p>The statement's input has one row per table row, but no part of the plan promises to keep the
 * table's order. A chunk is therefore shared only when the input rows at its positions match none
 * of the statement's condition and hold exactly the chunk's values. Any other chunk is rewritten
 * from the input, so an input in another order costs the sharing, never a wrong row.
 */
final class UnchangedChunks {
  /**
   * @param chunks the table's chunks to share, in table order
   * @param inputRows the positions of the input rows that those chunks stand for, which the rewrite
   *     skips
   */
  record Found(List<Chunk> chunks, BitSet inputRows) {}

  private static final Found NONE = new Found(List.of(), new BitSet());

  private UnchangedChunks() {}

  /**
   * Finds the unchanged chunks of {@code base}.
   *
   * @param oldFields the input column with the current value of each table column
   * @param matchedField the input's BOOLEAN column that is TRUE for the rows the statement changes
   */
  static Found find(Table base, Batch input, int[] oldFields, int matchedField) {
    long inputRows = 0;
    for (BatchChunk chunk : input.chunks()) {
      inputRows += chunk.rowCount();
    }
    if (inputRows != base.rowCount() || inputRows > Integer.MAX_VALUE) {
      return NONE;
    }

    List<Chunk> shared = new ArrayList<>();
    BitSet covered = new BitSet();
    InputCursor cursor = new InputCursor(input);
    int position = 0;
    for (Chunk chunk : base.chunks()) {
      if (isUnchanged(base, chunk, input, cursor, position, oldFields, matchedField)) {
        shared.add(chunk);
        covered.set(position, position + chunk.rowCount());
      }
      position += chunk.rowCount();
    }
    return new Found(shared, covered);
  }

  private static boolean isUnchanged(
      Table base,
      Chunk chunk,
      Batch input,
      InputCursor cursor,
      int position,
      int[] oldFields,
      int matchedField) {
    cursor.seek(position);
    for (int row = 0; row < chunk.rowCount(); row++, cursor.advance()) {
      List<FieldVector> vectors = cursor.vectors();
      if (isTrue(vectors.get(matchedField), cursor.row())) {
        return false;
      }
      for (int column = 0; column < oldFields.length; column++) {
        StringDictionary inputDictionary = input.columns().get(oldFields[column]).dictionary();
        if (!sameValue(
            base.schema().type(column).kind(),
            chunk.vector(column),
            row,
            base.dictionary(column),
            vectors.get(oldFields[column]),
            cursor.row(),
            inputDictionary)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isTrue(FieldVector vector, int row) {
    return !vector.isNull(row) && PhysicalValues.readLong(vector, row) != 0;
  }

  private static boolean sameValue(
      TypeKind kind,
      FieldVector stored,
      int storedRow,
      StringDictionary storedDictionary,
      FieldVector input,
      int inputRow,
      StringDictionary inputDictionary) {
    boolean storedNull = stored.isNull(storedRow);
    if (storedNull || input.isNull(inputRow)) {
      return storedNull && input.isNull(inputRow);
    }
    return switch (kind) {
      case REAL, DOUBLE ->
          Double.doubleToLongBits(PhysicalValues.readDouble(stored, storedRow))
              == Double.doubleToLongBits(PhysicalValues.readDouble(input, inputRow));
      case VARCHAR -> {
        int storedCode = (int) PhysicalValues.readLong(stored, storedRow);
        int inputCode = (int) PhysicalValues.readLong(input, inputRow);
        yield storedDictionary == inputDictionary
            ? storedCode == inputCode
            : storedDictionary.value(storedCode).equals(inputDictionary.value(inputCode));
      }
      default ->
          PhysicalValues.readLong(stored, storedRow) == PhysicalValues.readLong(input, inputRow);
    };
  }

  /** A position in the input's rows, which may be split into chunks other than the table's. */
  private static final class InputCursor {
    private final List<BatchChunk> chunks;
    private int chunk;
    private int row;
    private int chunkStart;

    InputCursor(Batch input) {
      this.chunks = input.chunks();
    }

    /** Moves to the input row at {@code position}, which is at or after the current one. */
    void seek(int position) {
      while (chunk < chunks.size() && position >= chunkStart + chunks.get(chunk).rowCount()) {
        chunkStart += chunks.get(chunk).rowCount();
        chunk++;
      }
      row = position - chunkStart;
    }

    /** Moves to the next input row, past any chunks without rows. */
    void advance() {
      row++;
      while (chunk < chunks.size() && row == chunks.get(chunk).rowCount()) {
        chunkStart += chunks.get(chunk).rowCount();
        chunk++;
        row = 0;
      }
    }

    List<FieldVector> vectors() {
      return chunks.get(chunk).vectors();
    }

    int row() {
      return row;
    }
  }
}
