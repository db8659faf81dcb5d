package dev.warpsql.driver.cli;

import static java.util.Objects.requireNonNull;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.pipeline.SortKernelLog;
import dev.warpsql.executor.pipeline.SortKernelLog.KeyKernel;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ptx.PtxEmitter;
import dev.warpsql.kernels.ptx.PtxHashBuild;
import dev.warpsql.kernels.ptx.PtxKernel;
import dev.warpsql.kernels.ptx.PtxPrefixSum;
import dev.warpsql.kernels.ptx.PtxRadixSort;
import dev.warpsql.kernels.ptx.PtxSortKeys;
import dev.warpsql.kernels.ptx.PtxSortSelection;
import dev.warpsql.planner.exec.WarpRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code warp kernels}: runs the SQL like {@code warp query} on the CPU backend, discarding the
 * results, then writes the PTX of every kernel that the run compiled, one {@code .ptx} file per
 * kernel named after its pipeline, and of the kernels that build its join hash tables.
 *
 * <p>Running the statements is what compiles every pipeline, including those of subqueries that
 * planning alone would not reach. No GPU is needed: the PTX is only generated.
 *
 * <p>When the statements sorted rows by ORDER BY keys, it also writes the kernels of a device sort:
 * one key kernel per key type and direction ({@code sort_keys_bigint_desc.ptx}), and the fixed
 * kernels of the radix sort, of its selection under a small FETCH and of its scan across blocks
 * ({@code sort_scatter.ptx}, {@code prefix_positions.ptx}, ...). A GPU runs them for sorts of 4,096
 * rows or more; the CPU run records every sort.
 *
 * <p>NOTE: kernels are found as the programs that the process-wide CPU backend cache gained during
 * the run. In a fresh process, as from the command line, that is every kernel of the statements.
 * But a pipeline whose shape an earlier run in the same JVM already compiled is not written again.
 */
final class KernelsCommand {
  static final String USAGE =
      """
      Usage: warp kernels --dir OUT [options] SQL
             warp kernels --dir OUT [options] --file SQLFILE

      Creates a new in-memory database, loads the tables that the options name into
      schema main, runs each SQL statement on the CPU backend without printing its
      result, then writes the PTX of every GPU kernel that the statements compiled
      into the folder OUT, one file per kernel named after its pipeline
      (pipeline1.ptx, ...), then for a pipeline with hash joins the kernels that
      build their tables (pipeline1_build0.ptx, ...), and prints the paths of the
      written files. When a statement sorts rows by ORDER BY keys, it also writes
      the key kernel of each key's type and direction (sort_keys_bigint_desc.ptx,
      ...) and the fixed kernels of the device sort (sort_digit_counts.ptx, ...),
      which a GPU runs for sorts of 4,096 rows or more. No GPU is needed.

      Options:
        --dir OUT          Folder for the .ptx files; created when missing. Files of
                           the same name are overwritten.
        --tpch SF          Load the 8 TPC-H tables, generated at scale factor SF
                           (a positive number: 1 is 6,001,215 lineitem rows).
        --csv NAME=PATH    Load the CSV file PATH as table NAME (lower-cased).
                           Repeat to load several files.
        --file SQLFILE     Read the SQL from SQLFILE; '-' reads standard input.
        -h, --help         Print this help and exit.

      Exit status: 0 on success, 1 if a load, a statement or the PTX generation of
      a kernel fails, 2 if the command line is invalid.
      """;

  private final KernelsOptions options;
  private final InputStream stdin;

  KernelsCommand(KernelsOptions options, InputStream stdin) {
    this.options = requireNonNull(options, "options");
    this.stdin = requireNonNull(stdin, "stdin");
  }

  /** Runs the statements, writes the kernels and prints one written path per line. */
  void run(PrintStream out) throws UsageException, IOException, SQLException {
    long sortsBefore = SortKernelLog.sequence();
    Set<String> compiledBefore = new HashSet<>();
    for (KernelProgram program : WarpRuntime.cpuBackend().compiledPrograms()) {
      compiledBefore.add(program.canonicalText());
    }

    QueryOptions query = options.query();
    QueryOptions onCpu =
        new QueryOptions(
            query.tpchScaleFactor(),
            query.csvTables(),
            OutputFormat.CSV,
            "cpu",
            query.sqlFile(),
            query.sqlText(),
            query.dataDirectory(),
            query.allowedPaths());
    try (PrintStream discarded = new PrintStream(OutputStream.nullOutputStream())) {
      new QueryCommand(onCpu, stdin).run(discarded);
    }

    List<KernelProgram> compiled = new ArrayList<>();
    for (KernelProgram program : WarpRuntime.cpuBackend().compiledPrograms()) {
      if (!compiledBefore.contains(program.canonicalText())) {
        compiled.add(program);
      }
    }
    for (Path file : writeKernels(compiled, SortKernelLog.usedSince(sortsBefore))) {
      out.println(file);
    }
  }

  /** A kernel to write and the name of its file before the extension. */
  private record NamedKernel(String name, PtxKernel kernel) {}

  /**
   * Emits and writes each program's PTX, followed by the kernel that builds the hash table of each
   * of its probe stages ({@code pipeline3_build0}, ...), then the sort kernels, and returns the
   * written files in that order.
   */
  private List<Path> writeKernels(List<KernelProgram> programs, List<KeyKernel> sortKeys)
      throws IOException {
    List<NamedKernel> kernels = new ArrayList<>();
    for (KernelProgram program : programs) {
      kernels.add(new NamedKernel(program.name(), emit(program)));
      for (int p = 0; p < program.probes().size(); p++) {
        List<DataType> keyTypes = program.probes().get(p).keys().stream().map(Expr::type).toList();
        kernels.add(new NamedKernel(program.name() + "_build" + p, PtxHashBuild.emit(keyTypes)));
      }
    }
    kernels.addAll(sortKernels(sortKeys));
    Path directory = options.outputDirectory();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IOException("cannot create folder " + directory + ": " + e.getMessage(), e);
    }
    List<Path> files = new ArrayList<>();
    Set<String> usedNames = new HashSet<>();
    for (NamedKernel kernel : kernels) {
      Path file = directory.resolve(uniqueFileName(kernel.name(), usedNames));
      try {
        Files.writeString(file, kernel.kernel().ptx(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
      }
      files.add(file);
    }
    return files;
  }

  /**
   * Returns the key kernel of each sort key, ordered by name, then the fixed kernels of the radix
   * sort, its selection and its scan across blocks. Returns nothing when no statement sorted by
   * keys.
   */
  private static List<NamedKernel> sortKernels(List<KeyKernel> sortKeys) {
    if (sortKeys.isEmpty()) {
      return List.of();
    }
    List<NamedKernel> kernels = new ArrayList<>();
    for (KeyKernel key : sortKeys) {
      String name =
          "sort_keys_"
              + key.type().kind().name().toLowerCase(Locale.ROOT)
              + (key.descending() ? "_desc" : "");
      kernels.add(new NamedKernel(name, PtxSortKeys.emit(key.type(), key.descending())));
    }
    kernels.sort(Comparator.comparing(NamedKernel::name));
    List<PtxKernel> fixed =
        List.of(
            PtxRadixSort.digitCounts(),
            PtxRadixSort.tileCounts(),
            PtxRadixSort.scan(),
            PtxRadixSort.scatter(),
            PtxSortSelection.prefixCounts(),
            PtxSortSelection.candidates(),
            PtxPrefixSum.blockSums(),
            PtxPrefixSum.totals(),
            PtxPrefixSum.positions());
    for (PtxKernel kernel : fixed) {
      kernels.add(new NamedKernel(kernel.entryName().replaceFirst("^warp_", ""), kernel));
    }
    return kernels;
  }

  private static PtxKernel emit(KernelProgram program) {
    try {
      return PtxEmitter.emit(program);
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      throw new WarpException(
          ErrorCode.UNSUPPORTED,
          "cannot generate PTX for pipeline " + program.name() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Returns {@code NAME.ptx} for a pipeline name with every character other than ASCII letters,
   * digits, '-' and '_' replaced by '_', adding {@code _2}, {@code _3}... when several statements
   * name a pipeline alike.
   */
  static String uniqueFileName(String pipelineName, Set<String> usedNames) {
    StringBuilder base = new StringBuilder();
    for (char c : pipelineName.toCharArray()) {
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      base.append(plain ? c : '_');
    }
    if (base.length() == 0) {
      base.append("kernel");
    }
    String name = base.toString();
    for (int suffix = 2; !usedNames.add(name); suffix++) {
      name = base + "_" + suffix;
    }
    return name + ".ptx";
  }
}
