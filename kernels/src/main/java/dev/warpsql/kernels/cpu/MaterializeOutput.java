package dev.warpsql.kernels.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Columns that a materializing kernel appends its passing rows to, one vector per output of the
 * {@code MaterializeSink}.
 *
 * <p>The vectors start empty and grow by doubling as rows are appended, so there is no fixed
 * capacity. Until {@link #finish()} the vectors belong to this object and {@link #close()} releases
 * them; {@code finish()} hands them to the caller. One thread uses an output at a time.
 *
 * <p>Kernels append in three steps per run: {@link #reserve(int)} room for the most rows the run
 * can write, write values straight into {@link #dataBuffer(int)} and {@link #validityBuffer(int)},
 * then {@link #commit(int)} the rows written. A run that fails commits nothing, so the output keeps
 * only the rows of successful runs. A join probe that matches several build rows can write more
 * rows than its run reserved, so such a run reserves again before it writes past the reservation.
 * Growing keeps the rows written since the last commit.
 */
public final class MaterializeOutput implements AutoCloseable {
  private static final int MIN_ALLOCATION = 1024;

  private final List<FieldVector> vectors;
  private final BaseFixedWidthVector[] fixedWidthVectors;
  private int rowCount;
  private boolean released;

  /**
   * Takes ownership of empty vectors created with {@code ArrowColumns}, one per sink output in
   * order.
   */
  public MaterializeOutput(List<FieldVector> vectors) {
    this.vectors = List.copyOf(Objects.requireNonNull(vectors, "vectors"));
    this.fixedWidthVectors = new BaseFixedWidthVector[this.vectors.size()];
    for (int i = 0; i < fixedWidthVectors.length; i++) {
      FieldVector vector = this.vectors.get(i);
      if (!(vector instanceof BaseFixedWidthVector fixedWidth)) {
        throw new IllegalArgumentException(
            "output vector "
                + i
                + " must be a fixed-width vector from ArrowColumns, got "
                + vector.getClass().getSimpleName());
      }
      if (vector.getValueCount() != 0) {
        throw new IllegalArgumentException(
            "output vector " + i + " must be empty, has " + vector.getValueCount() + " values");
      }
      fixedWidthVectors[i] = fixedWidth;
    }
  }

  /** Returns the number of rows committed so far. */
  public int rowCount() {
    return rowCount;
  }

  /**
   * Ensures room for {@code rows} rows after the committed ones and returns the index of the first
   * of them. Values written but not yet committed are kept, so a run may call this again with a
   * larger count when its first reservation is full. Buffers may move, so data and validity buffers
   * must be fetched again after each call.
   */
  public int reserve(int rows) {
    checkOpen();
    long needed = (long) rowCount + rows;
    if (rows < 0 || needed > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "cannot reserve " + rows + " rows after " + rowCount + " rows");
    }
    if (rows == 0) {
      return rowCount;
    }
    for (BaseFixedWidthVector vector : fixedWidthVectors) {
      if (vector.getValueCapacity() == 0) {
        vector.allocateNew(Math.max((int) needed, MIN_ALLOCATION));
      }
      while (vector.getValueCapacity() < needed) {
        vector.reAlloc();
      }
    }
    return rowCount;
  }

  /** Returns the data buffer of output {@code column}, valid until the next reserve. */
  public ArrowBuf dataBuffer(int column) {
    return fixedWidthVectors[column].getDataBuffer();
  }

  /** Returns the validity buffer of output {@code column}, valid until the next reserve. */
  public ArrowBuf validityBuffer(int column) {
    return fixedWidthVectors[column].getValidityBuffer();
  }

  /** Adds {@code rows} written rows, which must lie within the last reservation. */
  public void commit(int rows) {
    checkOpen();
    if (rows < 0) {
      throw new IllegalArgumentException("cannot commit " + rows + " rows");
    }
    rowCount += rows;
  }

  /** Sets the value counts and hands the vectors to the caller, who then must close them. */
  public List<FieldVector> finish() {
    checkOpen();
    for (FieldVector vector : vectors) {
      vector.setValueCount(rowCount);
    }
    released = true;
    return new ArrayList<>(vectors);
  }

  /** Releases the vectors unless {@link #finish()} handed them over. */
  @Override
  public void close() {
    if (!released) {
      released = true;
      for (FieldVector vector : vectors) {
        vector.close();
      }
    }
  }

  List<FieldVector> vectors() {
    return vectors;
  }

  private void checkOpen() {
    if (released) {
      throw new IllegalStateException("materialize output was already finished or closed");
    }
  }
}
