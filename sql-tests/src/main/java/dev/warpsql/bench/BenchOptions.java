package dev.warpsql.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Options of {@code warp bench tpch}.
 *
 * @param scaleFactor TPC-H scale factor, positive
 * @param threads worker threads that DuckDB runs with, and that WarpSQL is asked to use
 * @param runs timed runs per query and engine, after one warm-up run
 * @param queries query names such as {@code q1}, in the order they run
 * @param calciteTimeoutSeconds limit on one Calcite execution, in seconds
 * @param device WarpSQL's {@code device} connection property: auto, cpu or gpu
 */
record BenchOptions(
    double scaleFactor,
    int threads,
    int runs,
    List<String> queries,
    int calciteTimeoutSeconds,
    String device) {
  static final int QUERY_COUNT = 22;
  static final int DEFAULT_RUNS = 3;
  static final int DEFAULT_CALCITE_TIMEOUT_SECONDS = 300;

  static final String USAGE =
      """
      Usage: warp bench tpch --sf SF [options]

      Loads TPC-H at scale factor SF into WarpSQL, DuckDB (in-memory JDBC) and Calcite's
      Enumerable engine, all from the same io.trino.tpch generator, runs the TPC-H queries on
      each, checks that the answers agree and prints median times and ratios.

      Options:
        --sf SF                  TPC-H scale factor, a positive number (required).
        --threads T              Worker threads for DuckDB (SET threads). WarpSQL uses one
                                 worker per available processor; the launcher sets the JVM's
                                 processor count to T. Default: the available processors.
        --runs R                 Timed runs per query and engine after one warm-up run
                                 (default 3).
        --queries q1,q3,...      Queries to run, by name (default: q1 to q22).
        --calcite-timeout-s S    Limit on one Calcite execution, in seconds (default 300);
                                 a query over the limit is reported as TIMEOUT.
        --device DEVICE          WarpSQL backend: auto (default), cpu or gpu.
        -h, --help               Print this help and exit.
      """;

  BenchOptions {
    queries = List.copyOf(queries);
  }

  /** Returns whether the arguments ask for the usage text. */
  static boolean requestsHelp(List<String> args) {
    return args.contains("-h") || args.contains("--help");
  }

  /**
   * Parses the arguments that follow {@code bench}: the workload name {@code tpch}, then options.
   *
   * @throws IllegalArgumentException with a one-line message when an argument is invalid
   */
  static BenchOptions parse(List<String> args) {
    if (args.isEmpty() || !args.get(0).equals("tpch")) {
      throw new IllegalArgumentException(
          "missing workload; the only workload is 'tpch': warp bench tpch --sf SF");
    }
    Double scaleFactor = null;
    int threads = Runtime.getRuntime().availableProcessors();
    int runs = DEFAULT_RUNS;
    List<String> queries = allQueries();
    int calciteTimeout = DEFAULT_CALCITE_TIMEOUT_SECONDS;
    String device = "auto";

    for (int i = 1; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args.get(++i);
      switch (option) {
        case "--sf" -> scaleFactor = parseScaleFactor(value);
        case "--threads" -> threads = parsePositiveInt(option, value);
        case "--runs" -> runs = parsePositiveInt(option, value);
        case "--queries" -> queries = parseQueries(value);
        case "--calcite-timeout-s" -> calciteTimeout = parsePositiveInt(option, value);
        case "--device" -> device = parseDevice(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option '" + option + "'; run 'warp bench --help' for the options");
      }
    }
    if (scaleFactor == null) {
      throw new IllegalArgumentException("missing --sf SF, the TPC-H scale factor");
    }
    return new BenchOptions(scaleFactor, threads, runs, queries, calciteTimeout, device);
  }

  static List<String> allQueries() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= QUERY_COUNT; i++) {
      names.add("q" + i);
    }
    return names;
  }

  static double parseScaleFactor(String value) {
    double scaleFactor;
    try {
      scaleFactor = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid --sf '" + value + "'; expected a number", e);
    }
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new IllegalArgumentException(
          "invalid --sf '" + value + "'; expected a positive number such as 0.1 or 1");
    }
    return scaleFactor;
  }

  static int parsePositiveInt(String option, String value) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid " + option + " '" + value + "'; expected a positive integer", e);
    }
    if (number <= 0) {
      throw new IllegalArgumentException(
          "invalid " + option + " '" + value + "'; expected a positive integer");
    }
    return number;
  }

  static List<String> parseQueries(String value) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String name = part.strip().toLowerCase(java.util.Locale.ROOT);
      if (!name.matches("q([1-9]|1[0-9]|2[0-2])")) {
        throw new IllegalArgumentException(
            "invalid query name '" + part.strip() + "' in --queries; expected q1 to q22");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  private static String parseDevice(String value) {
    if (!value.equals("auto") && !value.equals("cpu") && !value.equals("gpu")) {
      throw new IllegalArgumentException(
          "invalid --device '" + value + "'; expected auto, cpu or gpu");
    }
    return value;
  }
}
