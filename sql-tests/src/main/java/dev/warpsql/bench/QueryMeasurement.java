package dev.warpsql.bench;

import java.io.PrintStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures one query on every engine: one warm-up run each, a check that the results agree, then
 * timed runs with the engines in a different order in each run, then WarpSQL's prepare and
 * re-execution times.
 */
final class QueryMeasurement {
  private final String query;
  private final String sql;
  private final WarpEngine warp;
  private final List<Engine> engines;
  private final Engine reference;
  private final int runs;
  private final PrintStream out;

  private final Map<String, EngineTimes> times = new LinkedHashMap<>();
  private final Map<String, ResultRows> warmUpResults = new LinkedHashMap<>();
  private final List<String> mismatches = new ArrayList<>();
  private WarpPrepareTimes warpPrepareTimes;
  private double coldPrepareMillis;
  private double coldExecuteMillis;

  /**
   * @param engines every engine, WarpSQL's included, in the order of the first timed run
   * @param reference the engine whose result the others are checked against
   * @param out where MISMATCH and ERROR lines go as soon as they are found
   */
  QueryMeasurement(
      String query,
      String sql,
      WarpEngine warp,
      List<Engine> engines,
      Engine reference,
      int runs,
      PrintStream out) {
    this.query = query;
    this.sql = sql;
    this.warp = warp;
    this.engines = List.copyOf(engines);
    this.reference = reference;
    this.runs = runs;
    this.out = out;
    for (Engine engine : engines) {
      times.put(engine.name(), new EngineTimes());
    }
  }

  String query() {
    return query;
  }

  /** Returns each engine's times, by engine name, in the order of the engines. */
  Map<String, EngineTimes> times() {
    return times;
  }

  /** Returns the MISMATCH lines of this query; empty when every engine agreed. */
  List<String> mismatches() {
    return mismatches;
  }

  /** Returns WarpSQL's prepare times, or null when WarpSQL failed on this query. */
  WarpPrepareTimes warpPrepareTimes() {
    return warpPrepareTimes;
  }

  /** Runs the warm-up, the check and the timed runs. */
  void run() throws SQLException {
    PreparedStatement prepared = null;
    try {
      for (Engine engine : engines) {
        if (engine == warp) {
          prepared = warmUpWarp();
        } else {
          attempt(engine, () -> engine.execute(sql), true);
        }
      }
      checkAnswers();
      runTimed();
      if (prepared != null && times.get(warp.name()).failure() == null) {
        warpPrepareTimes =
            new WarpPrepareTimes(
                coldPrepareMillis, coldExecuteMillis, warmPrepareMillis(), cachedMillis(prepared));
      }
    } finally {
      if (prepared != null) {
        prepared.close();
      }
    }
  }

  /**
   * Prepares the query and executes the prepared statement once, timing each step; returns the
   * statement, or null when preparing failed.
   */
  private PreparedStatement warmUpWarp() {
    long start = System.nanoTime();
    PreparedStatement statement;
    try {
      statement = warp.prepare(sql);
    } catch (SQLException e) {
      recordFailure(warp, e);
      return null;
    }
    long prepareEnd = System.nanoTime();
    attempt(warp, () -> WarpEngine.execute(statement), true);
    coldPrepareMillis = millisBetween(start, prepareEnd);
    coldExecuteMillis = millisBetween(prepareEnd, System.nanoTime());
    // The timed runs are statements on the connection with the plan cache; this run plans the
    // query there, and its result is the one checked against the other engines.
    attempt(warp, () -> warp.execute(sql), true);
    return statement;
  }

  @FunctionalInterface
  private interface Run {
    ResultRows execute() throws SQLException;
  }

  /**
   * Runs once and records the time, or a TIMEOUT or ERROR that ends this engine's runs of the
   * query.
   *
   * @param warmUp whether this is the warm-up run, whose result is kept for the check and whose
   *     time is not recorded
   */
  private void attempt(Engine engine, Run run, boolean warmUp) {
    long start = System.nanoTime();
    try {
      ResultRows rows = run.execute();
      double elapsed = millisBetween(start, System.nanoTime());
      if (warmUp) {
        warmUpResults.put(engine.name(), rows);
      } else {
        times.get(engine.name()).add(elapsed);
      }
    } catch (SQLTimeoutException e) {
      times.get(engine.name()).timedOut();
    } catch (SQLException e) {
      recordFailure(engine, e);
    }
  }

  private void recordFailure(Engine engine, SQLException e) {
    String message = String.valueOf(e.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ");
    times.get(engine.name()).failed();
    out.println("ERROR " + query + " " + engine.name() + ": " + message);
  }

  private void checkAnswers() {
    Engine expectedEngine = reference;
    ResultRows expected = warmUpResults.get(reference.name());
    if (expected == null) {
      // Without the reference's result, check the others against the first that has one.
      for (Engine engine : engines) {
        if (warmUpResults.containsKey(engine.name())) {
          expectedEngine = engine;
          expected = warmUpResults.get(engine.name());
          break;
        }
      }
    }
    if (expected == null) {
      return;
    }
    Optional<List<Integer>> orderKeys = OrderKeys.of(sql);
    for (Engine engine : engines) {
      ResultRows actual = warmUpResults.get(engine.name());
      if (engine == expectedEngine || actual == null) {
        continue;
      }
      Optional<String> difference = ResultMatcher.difference(expected, actual, orderKeys);
      if (difference.isPresent()) {
        String line =
            "MISMATCH "
                + query
                + " "
                + engine.name()
                + " vs "
                + expectedEngine.name()
                + ": "
                + difference.get();
        mismatches.add(line);
        out.println(line);
      }
    }
  }

  /** Runs the timed runs; run r starts with engine r modulo the engine count. */
  private void runTimed() {
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < engines.size(); i++) {
        Engine engine = engines.get((run + i) % engines.size());
        if (times.get(engine.name()).failure() == null) {
          attempt(engine, () -> engine.execute(sql), false);
        }
      }
    }
  }

  private double warmPrepareMillis() throws SQLException {
    List<Double> millis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      try (PreparedStatement statement = warp.prepare(sql)) {
        millis.add(millisBetween(start, System.nanoTime()));
      }
    }
    return EngineTimes.median(millis);
  }

  private double cachedMillis(PreparedStatement prepared) throws SQLException {
    List<Double> millis = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      long start = System.nanoTime();
      WarpEngine.execute(prepared);
      millis.add(millisBetween(start, System.nanoTime()));
    }
    return EngineTimes.median(millis);
  }

  static double millisBetween(long startNanos, long endNanos) {
    return (endNanos - startNanos) / 1e6;
  }
}
