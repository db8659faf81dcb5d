package dev.warpsql.executor.write;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import java.util.List;
import java.util.Objects;

/**
 * INSERT: appends the rows of its input to a table and returns their count.
 *
 * <p>The statement runs as one catalog transaction, so the input query reads the committed state
 * and no other change commits between that read and the append. The new version shares every chunk
 * of the old one except a small last chunk, which it rewrites together with the new rows. A value
 * that the table cannot store fails the whole statement and leaves the table unchanged.
 */
public final class AppendStep implements ExecutionStep {
  private final CatalogTable target;
  private final ExecutionStep input;
  private final int[] fields;

  /**
   * An input loaded from a file for this append keeps its chunks when {@link LoadedChunks} allows
   * it, and its values are copied through a {@link TableBuilder} otherwise.
   *
   * @param fields the input column for each table column, in table order
   */
  public AppendStep(CatalogTable target, ExecutionStep input, int[] fields) {
    this.target = Objects.requireNonNull(target, "target");
    this.input = Objects.requireNonNull(input, "input");
    this.fields = fields.clone();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    Catalog catalog = target.catalog();
    try (CatalogTransaction transaction = catalog.begin()) {
      Table base = target.currentForWrite();
      long appended;
      Table next;
      try (Batch batch = input.execute(context);
          TableBuilder builder =
              new TableBuilder(
                  base.name(),
                  base.schema(),
                  base.dictionaries(),
                  catalog.allocator(),
                  TableBuilder.DEFAULT_CHUNK_ROWS)) {
        Chunk tail = TableVersions.smallLastChunk(base);
        List<Chunk> kept = base.chunks();
        if (tail != null) {
          TableVersions.copyChunk(builder, base, tail);
          kept = kept.subList(0, kept.size() - 1);
        }
        List<Chunk> adopted = LoadedChunks.adoptable(batch, fields, base, catalog.allocator());
        if (adopted == null) {
          appended = BatchRows.append(builder, batch, fields, -1, true);
          adopted = List.of();
        } else {
          appended = batch.rowCount();
          if (tail != null && !adopted.isEmpty()) {
            // The small last chunk merges with the first loaded chunk, as with copied rows.
            BatchRows.append(builder, LoadedChunks.single(batch, 0), fields, -1, true);
            adopted = adopted.subList(1, adopted.size());
          }
        }
        context.checkCanceled();
        try (Table added = builder.build()) {
          next = TableVersions.concat(base, kept, added, adopted);
        }
      }
      Transactions.replace(transaction, target, next);
      transaction.commit();
      return RowCounts.of(appended, context.allocator());
    }
  }

  @Override
  public String describe() {
    return "insert into " + target.name();
  }
}
