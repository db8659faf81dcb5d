package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.storage.Table;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Source of a pipeline that reads a CSV file each time it runs, as read_csv and COPY do. The file's
 * rows live in the execution's memory until the execution context closes. The path is checked
 * against the database's {@link FileAccess} at every run, since the policy may have changed since
 * the statement was prepared.
 */
public final class CsvScanStep implements ExecutionStep {
  // TODO: COPY of TPC-H lineitem takes 4 to 8 times DuckDB's time (warp bench load). The file is
  // parsed on one thread into a table of its own, and the append then copies every value again
  // through TableBuilder's checked setters, encoding each string a second time. Parsing line
  // ranges in parallel and appending the parsed vectors with remapped dictionary codes would
  // remove most of it.

  private final String path;
  private final CsvOptions options;
  private final Supplier<FileAccess> access;

  /**
   * @param options the load options, with the declared columns that the plan expects
   * @param access returns the database's current policy
   */
  public CsvScanStep(String path, CsvOptions options, Supplier<FileAccess> access) {
    this.path = Objects.requireNonNull(path, "path");
    this.options = Objects.requireNonNull(options, "options");
    this.access = Objects.requireNonNull(access, "access");
    if (options.columns() == null) {
      throw new IllegalArgumentException("a CSV scan needs the columns its plan was made for");
    }
  }

  @Override
  public Batch execute(ExecutionContext context) {
    context.checkCanceled();
    Path file = access.get().check(path);
    Table table = CsvLoader.load(file.getFileName().toString(), file, options, context.allocator());
    context.closeWhenDone(table);
    return Batch.ofTable(table);
  }

  @Override
  public String describe() {
    return "read_csv " + path;
  }
}
