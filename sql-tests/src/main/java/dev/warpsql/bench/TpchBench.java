package dev.warpsql.bench;

import dev.warpsql.planner.schema.WarpTypeSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code warp bench tpch}: TPC-H on WarpSQL, DuckDB and Calcite's Enumerable engine in one JVM,
 * with the same generated rows, reporting median times, ratios and whether the results agree.
 *
 * <p>Exit status: 0 when every engine returned the same result for every query (a Calcite TIMEOUT
 * counts as no result, not as a disagreement), 1 when there was a MISMATCH or an ERROR, 2 for an
 * invalid command line.
 */
public final class TpchBench {
  /** Runs of the per-statement overhead measurement of a trivial query. */
  private static final int TRIVIAL_RUNS = 20;

  private static final String TRIVIAL_QUERY = "SELECT COUNT(*) FROM region";
  private static final long MEGABYTE = 1024 * 1024;

  private final BenchOptions options;
  private final PrintStream out;
  private final PrintStream progress;

  private TpchBench(BenchOptions options, PrintStream out, PrintStream progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
  }

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (BenchOptions.requestsHelp(arguments)) {
      System.out.print(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(arguments);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status;
    try {
      status = new TpchBench(options, System.out, System.err).run() ? 0 : 1;
    } catch (SQLException | RuntimeException e) {
      System.err.println("error: " + e);
      if ("1".equals(System.getenv("WARP_DEBUG"))) {
        e.printStackTrace();
      }
      status = 1;
    }
    System.out.flush();
    // DuckDB's and Calcite's threads must not keep the JVM alive.
    System.exit(status);
  }

  /** Loads the engines, measures every query and prints the report; returns whether all agreed. */
  private boolean run() throws SQLException {
    out.println(MachineInfo.describe());
    try (HeapSampler heap = new HeapSampler()) {
      long start = System.nanoTime();
      int processors = Runtime.getRuntime().availableProcessors();
      List<TpchRows.Table> rows = TpchRows.generate(options.scaleFactor(), processors);
      out.printf(Locale.ROOT, "generated TPC-H SF %s rows in %.1f s%n", sf(), seconds(start));

      start = System.nanoTime();
      try (DuckDbEngine duckDb = DuckDbEngine.load(rows, options.threads())) {
        out.printf(Locale.ROOT, "loaded DuckDB in %.1f s%n", seconds(start));
        try (CalciteEngine calcite = CalciteEngine.load(rows, options.calciteTimeoutSeconds())) {
          start = System.nanoTime();
          try (WarpEngine warp = WarpEngine.load(options.scaleFactor(), options.device())) {
            out.printf(Locale.ROOT, "loaded WarpSQL in %.1f s%n", seconds(start));
            return measure(warp, duckDb, calcite, heap);
          }
        }
      }
    }
  }

  private boolean measure(
      WarpEngine warp, DuckDbEngine duckDb, CalciteEngine calcite, HeapSampler heap)
      throws SQLException {
    printSettings();
    System.gc();
    long heapAfterLoad = heap.usedBytes();
    heap.reset();
    printTrivialStatementOverhead(warp);

    List<Engine> engines = List.of(warp, duckDb, calcite);
    List<QueryMeasurement> measurements = new ArrayList<>();
    boolean allAgree = true;
    for (String query : options.queries()) {
      progress.println("running " + query + " ...");
      QueryMeasurement measurement =
          new QueryMeasurement(query, readQuery(query), warp, engines, duckDb, options.runs(), out);
      measurement.run();
      measurements.add(measurement);
      allAgree &= measurement.mismatches().isEmpty() && noErrors(measurement);
    }

    BenchReport report = new BenchReport(measurements);
    out.println();
    out.println(
        "WarpSQL prepare and execute, ms (warm_prepare and cached_execute are medians of "
            + options.runs()
            + " runs; statement_exec is the timed median below):");
    report.printWarpPrepareTimes(out);
    out.println();
    printMemory(warp, heap, heapAfterLoad);
    out.println();
    out.printf(
        Locale.ROOT,
        "TPC-H SF %s, median of %d timed runs after 1 warm-up, ms:%n",
        sf(),
        options.runs());
    report.printTimes(out);
    report.printGeometricMeans(out);
    return allAgree;
  }

  private static boolean noErrors(QueryMeasurement measurement) {
    return measurement.times().values().stream().noneMatch(t -> "ERROR".equals(t.failure()));
  }

  private void printSettings() {
    int workers = WarpEngine.workerCount();
    out.printf(
        Locale.ROOT,
        "threads: DuckDB %d (SET threads), WarpSQL %d workers (one per available processor),"
            + " Calcite 1 (its Enumerable engine is single-threaded)%n",
        options.threads(),
        workers);
    if (workers != options.threads()) {
      out.printf(
          Locale.ROOT,
          "NOTE: WarpSQL's worker count is the JVM's available processors (%d), not --threads %d;"
              + " start the JVM with -XX:ActiveProcessorCount=%d, as ./warp bench does, to make"
              + " them equal%n",
          workers,
          options.threads(),
          options.threads());
    }
    out.printf(
        Locale.ROOT,
        "Calcite: plain jdbc:calcite: connection, typeSystem %s, ScannableTable over in-memory"
            + " rows, timeout %d s per execution%n",
        WarpTypeSystem.class.getName() + "#INSTANCE",
        options.calciteTimeoutSeconds());
    out.println("WarpSQL: device=" + options.device());
  }

  /**
   * Prints the median time of a trivial query through prepareStatement and execute, with and
   * without the plan cache, against executing an already prepared statement: the fixed cost of
   * planning a statement and of finding its plan in the cache.
   */
  private void printTrivialStatementOverhead(WarpEngine warp) throws SQLException {
    List<Double> planned = new ArrayList<>();
    List<Double> cachedPlan = new ArrayList<>();
    List<Double> cachedStatement = new ArrayList<>();
    try (PreparedStatement cached = warp.prepare(TRIVIAL_QUERY)) {
      // The first runs load classes and compile the query's kernel; they are not measured.
      for (int run = -TRIVIAL_RUNS / 4; run < TRIVIAL_RUNS; run++) {
        long start = System.nanoTime();
        try (PreparedStatement statement = warp.prepare(TRIVIAL_QUERY)) {
          WarpEngine.execute(statement);
        }
        long second = System.nanoTime();
        try (PreparedStatement statement = warp.prepareCached(TRIVIAL_QUERY)) {
          WarpEngine.execute(statement);
        }
        long third = System.nanoTime();
        WarpEngine.execute(cached);
        long end = System.nanoTime();
        if (run >= 0) {
          planned.add(QueryMeasurement.millisBetween(start, second));
          cachedPlan.add(QueryMeasurement.millisBetween(second, third));
          cachedStatement.add(QueryMeasurement.millisBetween(third, end));
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "WarpSQL per-statement cost, %s, median of %d: prepareStatement + execute %.3f ms"
            + " (planned), %.3f ms (plan from the connection's plan cache), execute of a cached"
            + " PreparedStatement %.3f ms%n",
        TRIVIAL_QUERY,
        TRIVIAL_RUNS,
        EngineTimes.median(planned),
        EngineTimes.median(cachedPlan),
        EngineTimes.median(cachedStatement));
  }

  private void printMemory(WarpEngine warp, HeapSampler heap, long heapAfterLoad) {
    out.printf(
        Locale.ROOT,
        "heap: %d MB used after loading and a full GC (the generated rows that Calcite reads live"
            + " on the heap); max sampled during the queries %d MB (every %d ms; all three engines"
            + " share this JVM's heap, and DuckDB's memory is native, outside it)%n",
        heapAfterLoad / MEGABYTE,
        heap.maxUsedBytes() / MEGABYTE,
        HeapSampler.INTERVAL_MILLIS);
    out.printf(
        Locale.ROOT,
        "WarpSQL Arrow off-heap: tables %d MB; peak of the tables' and the query allocators %d"
            + " MB%n",
        warp.tableArrowBytes() / MEGABYTE,
        warp.peakArrowBytes() / MEGABYTE);
  }

  private String sf() {
    return BigDecimal.valueOf(options.scaleFactor()).stripTrailingZeros().toPlainString();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Reads {@code tpch/QUERY.sql} from the class path and drops its trailing semicolon. */
  static String readQuery(String query) {
    String resource = "tpch/" + query + ".sql";
    try (InputStream in = TpchBench.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "query file " + resource + " is not on the class path; rebuild sql-tests");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
