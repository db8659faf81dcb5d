package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.load.ParquetLoader;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Source of a pipeline that reads a Parquet file each time it runs, as read_parquet and COPY do.
 * The file's rows live in the execution's memory until the execution context closes. The path is
 * checked against the database's {@link FileAccess} at every run, since the policy may have changed
 * since the statement was prepared.
 */
public final class ParquetScanStep implements ExecutionStep {
  private final String path;
  private final List<ColumnSchema> columns;
  private final Supplier<FileAccess> access;

  /**
   * @param columns the columns that the plan expects, which the file's columns load into by
   *     position
   * @param access returns the database's current policy
   */
  public ParquetScanStep(String path, List<ColumnSchema> columns, Supplier<FileAccess> access) {
    this.path = Objects.requireNonNull(path, "path");
    this.columns = List.copyOf(columns);
    this.access = Objects.requireNonNull(access, "access");
  }

  @Override
  public Batch execute(ExecutionContext context) {
    context.checkCanceled();
    Path file = access.get().check(path);
    Table table =
        ParquetLoader.load(
            file.getFileName().toString(),
            file,
            columns,
            TableBuilder.DEFAULT_CHUNK_ROWS,
            context.allocator());
    context.closeWhenDone(table);
    return Batch.ofTable(table);
  }

  @Override
  public String describe() {
    return "read_parquet " + path;
  }
}
