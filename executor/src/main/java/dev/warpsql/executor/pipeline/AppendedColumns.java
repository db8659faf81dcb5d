package dev.warpsql.executor.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The batch of a step that appends computed columns to its input's batch, such as {@link
 * StringPairStep} and {@link TimeTextStep}. The new batch takes over the input's vectors, so the
 * input must own them.
 */
final class AppendedColumns {
  /** Computes one appended column of a chunk. */
  interface Encoder {
    /** Returns the column's vector for a chunk; the caller owns it. */
    FieldVector encode(BatchChunk chunk, ExecutionContext context);
  }

  private AppendedColumns() {}

  /**
   * Returns {@code batch} with one column per encoder appended. On failure it closes {@code batch}
   * and every vector it created.
   *
   * @param step description of the step, for errors
   * @param appended the appended columns, one per encoder
   */
  static Batch append(
      String step,
      Batch batch,
      List<BatchColumn> appended,
      List<Encoder> encoders,
      ExecutionContext context) {
    List<BatchChunk> chunks = new ArrayList<>();
    List<FieldVector> created = new ArrayList<>();
    try {
      if (!batch.ownsVectors()) {
        throw new IllegalStateException(step + " needs a batch that owns its vectors");
      }
      List<BatchColumn> columns = new ArrayList<>(batch.columns());
      columns.addAll(appended);
      for (BatchChunk chunk : batch.chunks()) {
        context.checkCanceled();
        List<FieldVector> vectors = new ArrayList<>(chunk.vectors());
        for (Encoder encoder : encoders) {
          FieldVector encoded = encoder.encode(chunk, context);
          created.add(encoded);
          vectors.add(encoded);
        }
        chunks.add(new BatchChunk(chunk.rowCount(), vectors, null));
      }
      // The new batch takes over the input's vectors, so the input batch is not closed.
      return new Batch(columns, chunks, true);
    } catch (RuntimeException e) {
      created.forEach(FieldVector::close);
      batch.close();
      throw e;
    }
  }
}
