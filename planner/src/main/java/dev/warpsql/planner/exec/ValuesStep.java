package dev.warpsql.planner.exec;

import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Source of a pipeline that produces constant rows, such as {@code VALUES (1, 'a')} or the empty
 * result of a filter that is never true. The rows are built anew for every execution.
 *
 * @param rows the constants in kernel form ({@code Literal}'s physical representation), with
 *     VARCHAR values as Strings and NULL as null
 */
public record ValuesStep(List<ColumnSchema> columns, List<List<Object>> rows)
    implements ExecutionStep {
  public ValuesStep {
    columns = List.copyOf(columns);
    rows =
        rows.stream()
            .map(row -> java.util.Collections.unmodifiableList(new ArrayList<>(row)))
            .toList();
  }

  @Override
  public String describe() {
    return "values (" + rows.size() + " rows)";
  }

  @Override
  public Batch execute(ExecutionContext context) {
    try (TableBuilder builder =
        new TableBuilder("values", new TableSchema(columns), context.allocator())) {
      for (List<Object> row : rows) {
        for (int i = 0; i < row.size(); i++) {
          set(builder, i, row.get(i));
        }
        builder.endRow();
      }
      Table table = builder.build();
      List<BatchColumn> batchColumns = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        ColumnSchema column = columns.get(i);
        batchColumns.add(
            new BatchColumn(column.name(), column.type(), column.nullable(), table.dictionary(i)));
      }
      List<BatchChunk> chunks = new ArrayList<>();
      for (Chunk chunk : table.chunks()) {
        chunks.add(new BatchChunk(chunk.rowCount(), chunk.vectors(), null));
      }
      return new Batch(batchColumns, chunks, true);
    }
  }

  private static void set(TableBuilder builder, int column, Object value) {
    if (value == null) {
      builder.setNull(column);
    } else if (value instanceof Boolean bool) {
      builder.setBoolean(column, bool);
    } else if (value instanceof Double number) {
      builder.setDouble(column, number);
    } else if (value instanceof Long number) {
      builder.setLong(column, number);
    } else {
      builder.setString(column, value.toString());
    }
  }
}
