package dev.warpsql.bench;

import dev.warpsql.driver.server.ServerConfig;
import dev.warpsql.driver.server.WarpServer;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code warp bench server}: how fast a WarpSQL server on loopback serves results, against the
 * embedded driver on the same data in the same JVM.
 *
 * <p>It measures the rows per second of fetching a large result of 8 columns of lineitem (BIGINT,
 * INTEGER, DECIMAL, DATE and VARCHAR) through each driver, reading every value with {@code
 * getObject}, and the round trip of a trivial query over the remote driver at the median and the
 * 99th percentile. Targets: remote fetch at least 40% of embedded, and a median round trip under 2
 * ms.
 */
public final class ServerBench {
  private static final String USAGE =
      """
      Usage: warp bench server [--rows N] [--round-trips N]

      Measures a WarpSQL server on 127.0.0.1 against the embedded driver: rows per
      second of fetching N rows of 8 lineitem columns, and the round trip of a
      trivial query. Loads TPC-H twice, at the scale factor that gives N lineitem
      rows (default 1,000,000 rows: scale factor 0.17).

        --rows N          Rows of the large result (default 1000000).
        --round-trips N   Trivial queries timed (default 2000), after 200 untimed.
      """;

  private static final String WIDE_QUERY =
      "SELECT l_orderkey, l_partkey, l_suppkey, l_linenumber, l_quantity, l_extendedprice,"
          + " l_shipdate, l_comment FROM lineitem LIMIT ?";
  private static final String TRIVIAL_QUERY = "SELECT 1";
  private static final int FETCH_RUNS = 3;
  private static final int WARMUP_ROUND_TRIPS = 200;

  /** Rows that the server sends in one frame: its maximum, which fewer round trips favor. */
  private static final int FETCH_SIZE = 5_000;

  /** lineitem rows at scale factor 1, to find the scale factor that gives enough rows. */
  private static final double LINEITEM_ROWS_AT_SF1 = 6_001_215;

  private final PrintStream out;
  private final long rows;
  private final int roundTrips;

  private ServerBench(PrintStream out, long rows, int roundTrips) {
    this.out = out;
    this.rows = rows;
    this.roundTrips = roundTrips;
  }

  public static void main(String[] args) throws Exception {
    long rows = 1_000_000;
    int roundTrips = 2_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          System.out.print(USAGE);
          return;
        }
        case "--rows" -> rows = Long.parseLong(args[++i]);
        case "--round-trips" -> roundTrips = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("error: unknown option '" + args[i] + "'\n" + USAGE);
          System.exit(2);
        }
      }
    }
    new ServerBench(System.out, rows, roundTrips).run();
    System.exit(0);
  }

  private void run() throws Exception {
    out.println(MachineInfo.describe());
    double scaleFactor = Math.ceil(rows / LINEITEM_ROWS_AT_SF1 * 100) / 100;
    out.printf(Locale.ROOT, "TPC-H scale factor %.2f for %,d rows%n", scaleFactor, rows);

    ServerConfig config = ServerConfig.defaults().withPort(0).withTpch(scaleFactor);
    try (WarpServer server = WarpServer.start(config);
        Connection remote = DriverManager.getConnection(server.jdbcUrl());
        Connection embedded = DriverManager.getConnection("jdbc:warp:mem:;tpch=" + scaleFactor)) {
      double embeddedRate = fetchRate("embedded", embedded);
      double remoteRate = fetchRate("remote", remote);
      out.printf(
          Locale.ROOT,
          "remote fetch: %.0f%% of embedded (target: at least 40%%)%n",
          100 * remoteRate / embeddedRate);

      roundTrip("embedded", embedded);
      double median = roundTrip("remote", remote);
      out.printf(Locale.ROOT, "remote round trip median: %.3f ms (target: under 2 ms)%n", median);
    }
  }

  /** Fetches the wide result {@value #FETCH_RUNS} times after one warm-up; returns rows/s. */
  private double fetchRate(String name, Connection connection) throws SQLException {
    fetchAll(connection);
    double[] seconds = new double[FETCH_RUNS];
    for (int run = 0; run < FETCH_RUNS; run++) {
      long started = System.nanoTime();
      long fetched = fetchAll(connection);
      seconds[run] = (System.nanoTime() - started) / 1e9;
      if (fetched != rows) {
        throw new IllegalStateException(name + " fetched " + fetched + " rows, expected " + rows);
      }
    }
    double median = median(seconds);
    double rate = rows / median;
    out.printf(
        Locale.ROOT,
        "%-8s fetch of %,d rows x 8 columns: median %.2f s, %,.0f rows/s (runs: %s s)%n",
        name,
        rows,
        median,
        rate,
        Arrays.toString(seconds));
    return rate;
  }

  private long fetchAll(Connection connection) throws SQLException {
    long fetched = 0;
    try (PreparedStatement statement = connection.prepareStatement(WIDE_QUERY)) {
      statement.setLong(1, rows);
      statement.setFetchSize(FETCH_SIZE);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          for (int column = 1; column <= 8; column++) {
            result.getObject(column);
          }
          fetched++;
        }
      }
    }
    return fetched;
  }

  /** Times the trivial query and returns the median round trip in milliseconds. */
  private double roundTrip(String name, Connection connection) throws SQLException {
    double[] millis = new double[roundTrips];
    try (Statement statement = connection.createStatement()) {
      for (int i = 0; i < WARMUP_ROUND_TRIPS + roundTrips; i++) {
        long started = System.nanoTime();
        try (ResultSet result = statement.executeQuery(TRIVIAL_QUERY)) {
          result.next();
        }
        if (i >= WARMUP_ROUND_TRIPS) {
          millis[i - WARMUP_ROUND_TRIPS] = (System.nanoTime() - started) / 1e6;
        }
      }
    }
    Arrays.sort(millis);
    double median = millis[millis.length / 2];
    out.printf(
        Locale.ROOT,
        "%-8s round trip of %s: median %.3f ms, 99th percentile %.3f ms over %,d queries%n",
        name,
        TRIVIAL_QUERY,
        median,
        millis[(int) (millis.length * 0.99)],
        roundTrips);
    return median;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
