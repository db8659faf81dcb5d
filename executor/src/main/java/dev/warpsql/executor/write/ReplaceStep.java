package dev.warpsql.executor.write;

import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import java.util.Objects;

/**
 * DELETE and UPDATE: replaces a table's contents with the rows of its input and returns how many
 * rows the statement matched.
 *
 * <p>The input has one row per row of the table with its current values, a BOOLEAN column that is
 * TRUE for the rows the statement's condition matched, and for an UPDATE the new values. A DELETE
 * keeps the rows that did not match; an UPDATE keeps every row and takes the new values for the
 * matched ones. Like {@link AppendStep}, the statement is one catalog transaction, and a value the
 * table cannot store leaves the table unchanged. The new version shares the chunks without a
 * matched row (see {@link UnchangedChunks}) and rewrites the others.
 */
public final class ReplaceStep implements ExecutionStep {
  private final CatalogTable target;
  private final ExecutionStep input;
  private final int[] oldFields;
  private final int[] newFields;
  private final int matchedField;

  /**
   * @param oldFields the input column with the current value of each table column, in table order
   * @param newFields for an UPDATE, the input column with the value of each table column for the
   *     matched rows; null for a DELETE
   * @param matchedField the input's BOOLEAN column that marks the matched rows
   */
  public ReplaceStep(
      CatalogTable target,
      ExecutionStep input,
      int[] oldFields,
      int[] newFields,
      int matchedField) {
    this.target = Objects.requireNonNull(target, "target");
    this.input = Objects.requireNonNull(input, "input");
    this.oldFields = oldFields.clone();
    this.newFields = newFields == null ? null : newFields.clone();
    this.matchedField = matchedField;
  }

  @Override
  public Batch execute(ExecutionContext context) {
    Catalog catalog = target.catalog();
    try (CatalogTransaction transaction = catalog.begin()) {
      Table base = target.currentForWrite();
      long matched;
      Table next;
      try (Batch batch = input.execute(context)) {
        matched = BatchRows.countTrue(batch, matchedField);
        if (matched == 0) {
          return RowCounts.of(0, context.allocator());
        }
        UnchangedChunks.Found unchanged =
            UnchangedChunks.find(base, batch, oldFields, matchedField);
        try (TableBuilder builder =
            new TableBuilder(
                base.name(),
                base.schema(),
                base.dictionaries(),
                catalog.allocator(),
                TableBuilder.DEFAULT_CHUNK_ROWS)) {
          if (newFields == null) {
            BatchRows.append(builder, batch, oldFields, matchedField, false, unchanged.inputRows());
          } else {
            BatchRows.appendUpdated(
                builder, batch, oldFields, newFields, matchedField, unchanged.inputRows());
          }
          context.checkCanceled();
          try (Table rewritten = builder.build()) {
            next = TableVersions.concat(base, unchanged.chunks(), rewritten);
          }
        }
      }
      Transactions.replace(transaction, target, next);
      transaction.commit();
      return RowCounts.of(matched, context.allocator());
    }
  }

  @Override
  public String describe() {
    return (newFields == null ? "delete from " : "update ") + target.name();
  }
}
