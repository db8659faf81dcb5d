package dev.warpsql.bench;

import io.trino.tpch.LineItem;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * {@code warp bench load}: CSV ingest of TPC-H lineitem, WarpSQL's {@code COPY} against DuckDB's on
 * the same file and cores in the same run.
 *
 * <p>It writes lineitem at a scale factor as a {@code |}-delimited file without a header (dbgen's
 * layout without the trailing delimiter), then alternates the two engines: each creates an empty
 * table with WarpSQL's TPC-H column types and copies the file into it. Both tables must then agree
 * on the row count and on sums of three columns. The target is a WarpSQL throughput of at least
 * half of DuckDB's; the last line is {@code ingest warp/duckdb=R}, WarpSQL's time over DuckDB's.
 */
public final class LoadBench {
  private static final String USAGE =
      """
      Usage: warp bench load [--sf N] [--runs R] [--dir DIR]

      Writes TPC-H lineitem at scale factor N as a '|'-delimited CSV file and
      times loading it with COPY into WarpSQL and into DuckDB, alternating the
      engines, R timed runs each (default scale factor 1.4, about 1 GB; 3 runs).

        --sf N     Scale factor of the lineitem file (default 1.4).
        --runs R   Timed loads per engine (default 3).
        --dir DIR  Directory for the file (default: a new temporary directory,
                   deleted at the end).
      """;

  private static final String CHECK_QUERY =
      "SELECT COUNT(*), SUM(l_quantity), SUM(l_extendedprice), SUM(l_orderkey) FROM lineitem";

  private final PrintStream out;
  private final double scaleFactor;
  private final int runs;

  private LoadBench(PrintStream out, double scaleFactor, int runs) {
    this.out = out;
    this.scaleFactor = scaleFactor;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    double scaleFactor = 1.4;
    int runs = 3;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default -> {
          System.err.println("error: unknown option '" + args[i] + "'\n" + USAGE);
          System.exit(2);
        }
      }
    }
    if (runs < 1 || !(scaleFactor > 0)) {
      System.err.println("error: --runs must be 1 or more and --sf above 0\n" + USAGE);
      System.exit(2);
    }
    boolean temporary = dir == null;
    Path directory = temporary ? Files.createTempDirectory("warp-load-bench") : dir;
    Path file = directory.resolve("lineitem-sf" + scaleFactor + ".csv");
    try {
      new LoadBench(System.out, scaleFactor, runs).run(file);
    } finally {
      if (temporary) {
        Files.deleteIfExists(file);
        Files.deleteIfExists(directory);
      }
    }
    System.exit(0);
  }

  private void run(Path file) throws IOException, SQLException {
    out.println(MachineInfo.describe());
    long started = System.nanoTime();
    long rows = writeLineitem(file);
    long bytes = Files.size(file);
    out.printf(
        Locale.ROOT,
        "lineitem at scale factor %s: %,d rows, %,d bytes, written in %.1f s%n",
        scaleFactor,
        rows,
        bytes,
        seconds(System.nanoTime() - started));

    List<Double> warpTimes = new ArrayList<>();
    List<Double> duckDbTimes = new ArrayList<>();
    List<Double> warpCpu = new ArrayList<>();
    List<Double> duckDbCpu = new ArrayList<>();
    String warpCheck = null;
    String duckDbCheck = null;
    for (int run = 1; run <= runs; run++) {
      Timed warp = loadWarp(file);
      Timed duckDb = loadDuckDb(file);
      warpTimes.add(warp.seconds);
      duckDbTimes.add(duckDb.seconds);
      warpCpu.add(warp.cpuSeconds);
      duckDbCpu.add(duckDb.cpuSeconds);
      warpCheck = warp.check;
      duckDbCheck = duckDb.check;
      out.printf(
          Locale.ROOT,
          "run %d: warpsql %.2f s (%.2f s CPU), duckdb %.2f s (%.2f s CPU)%n",
          run,
          warp.seconds,
          warp.cpuSeconds,
          duckDb.seconds,
          duckDb.cpuSeconds);
    }
    if (!warpCheck.equals(duckDbCheck)) {
      throw new IllegalStateException(
          "the engines loaded different data: warpsql " + warpCheck + ", duckdb " + duckDbCheck);
    }
    out.println("both engines loaded: " + warpCheck + " (count, sums of three columns)");

    double warp = median(warpTimes);
    double duckDb = median(duckDbTimes);
    double megabytes = bytes / 1e6;
    out.printf(
        Locale.ROOT,
        "median: warpsql %.2f s (%.1f MB/s), duckdb %.2f s (%.1f MB/s)%n",
        warp,
        megabytes / warp,
        duckDb,
        megabytes / duckDb);
    // On a machine that other work keeps busy, the CPU time of each load varies less than its
    // wall time, so its ratio shows what the engines' work costs apart from the other load.
    out.printf(
        Locale.ROOT,
        "median CPU time of the process: warpsql %.2f s, duckdb %.2f s, warp/duckdb=%.2f%n",
        median(warpCpu),
        median(duckDbCpu),
        median(warpCpu) / median(duckDbCpu));
    out.printf(Locale.ROOT, "ingest warp/duckdb=%.2f%n", warp / duckDb);
  }

  /** Writes lineitem as CSV and returns the row count. */
  private long writeLineitem(Path file) throws IOException {
    long rows = 0;
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LineItem item : TpchTable.LINE_ITEM.createGenerator(scaleFactor, 1, 1)) {
        String line = item.toLine();
        // dbgen ends each line with the delimiter, which would read as one more, empty column.
        writer.write(line, 0, line.length() - 1);
        writer.newLine();
        rows++;
      }
    }
    return rows;
  }

  /** A load's wall time, the CPU time of the whole process during it, and its check figures. */
  private record Timed(double seconds, double cpuSeconds, String check) {}

  private Timed loadWarp(Path file) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("allow_path", file.getParent().toString());
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:", properties)) {
      return load(connection, "COPY lineitem FROM '" + file + "' (FORMAT csv, DELIMITER '|')");
    }
  }

  private Timed loadDuckDb(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      return load(connection, "COPY lineitem FROM '" + file + "' (DELIMITER '|', HEADER false)");
    }
  }

  /** Creates lineitem, times the COPY and returns the time with the table's check figures. */
  private static Timed load(Connection connection, String copy) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(createLineitem());
      long cpuStarted = processCpuNanos();
      long started = System.nanoTime();
      statement.executeUpdate(copy);
      double seconds = seconds(System.nanoTime() - started);
      double cpuSeconds = seconds(processCpuNanos() - cpuStarted);
      try (ResultSet check = statement.executeQuery(CHECK_QUERY)) {
        check.next();
        String figures =
            check.getLong(1)
                + " "
                + check.getBigDecimal(2).toPlainString()
                + " "
                + check.getBigDecimal(3).toPlainString()
                + " "
                + check.getLong(4);
        return new Timed(seconds, cpuSeconds, figures);
      }
    }
  }

  private static String createLineitem() {
    StringJoiner columns = new StringJoiner(", ", "CREATE TABLE lineitem (", ")");
    for (TpchColumn<LineItem> column : TpchTable.LINE_ITEM.getColumns()) {
      String name = column.getColumnName();
      TpchRows.Column typed = new TpchRows.Column(name, column.getType());
      columns.add(name + " " + typed.sqlType());
    }
    return columns.toString();
  }

  /**
   * Returns the CPU time of this process so far, every thread included: DuckDB's native threads and
   * the JVM's GC and compiler threads.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double median(List<Double> times) {
    List<Double> sorted = times.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
