package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.load.CsvLoader;
import dev.warpsql.executor.load.CsvOptions;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Source of a pipeline that reads a CSV file each time it runs, as read_csv and COPY do. For
 * read_csv the file's rows live in the execution's memory until the execution context closes. For
 * COPY they are loaded into the target table's dictionaries and allocator, so that the append can
 * keep the loaded chunks. The path is checked against the database's {@link FileAccess} at every
 * run, since the policy may have changed since the statement was prepared.
 */
public final class CsvScanStep implements ExecutionStep {
  // NOTE: COPY of 1 GB of TPC-H lineitem takes 1.73 times DuckDB's time on a quiet 2-core machine
  // (warp bench load; 1.4 to 2.6 times on a busy one). About 40% of the CPU time goes to encoding
  // mostly distinct strings into the dictionary, one String and one entry per value.

  private final String path;
  private final CsvOptions options;
  private final Supplier<FileAccess> access;
  private final Supplier<Target> target;

  /**
   * Destination of a load for an append: the target table's dictionaries, one per loaded column and
   * null for every column that is not VARCHAR, and the allocator of its chunks. An append can then
   * keep the loaded chunks instead of copying their values.
   */
  public record Target(List<StringDictionary> dictionaries, BufferAllocator allocator) {
    public Target {
      dictionaries = Collections.unmodifiableList(new ArrayList<>(dictionaries));
      Objects.requireNonNull(allocator, "allocator");
    }
  }

  /**
   * @param options the load options, with the declared columns that the plan expects
   * @param access returns the database's current policy
   */
  public CsvScanStep(String path, CsvOptions options, Supplier<FileAccess> access) {
    this(path, options, access, () -> null);
  }

  /**
   * @param target returns, at run time, where the rows go when COPY appends them to a table, or
   *     null to load them into the execution's memory with dictionaries of their own
   */
  public CsvScanStep(
      String path, CsvOptions options, Supplier<FileAccess> access, Supplier<Target> target) {
    this.target = Objects.requireNonNull(target, "target");
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
    Target into = target.get();
    Table table =
        into == null
            ? CsvLoader.load(file.getFileName().toString(), file, options, context.allocator())
            : CsvLoader.load(
                file.getFileName().toString(),
                file,
                options,
                into.dictionaries(),
                into.allocator());
    context.closeWhenDone(table);
    return Batch.ofLoadedTable(table);
  }

  @Override
  public String describe() {
    return "read_csv " + path;
  }
}
