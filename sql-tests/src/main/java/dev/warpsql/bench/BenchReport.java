package dev.warpsql.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The tables and geometric means that {@code warp bench tpch} prints at the end. */
final class BenchReport {
  private static final String WARP = "warp";
  private static final String DUCKDB = "duckdb";
  private static final String CALCITE = "calcite";

  private final List<QueryMeasurement> measurements;

  BenchReport(List<QueryMeasurement> measurements) {
    this.measurements = List.copyOf(measurements);
  }

  /** Prints the median times and ratios per query, one row per query. */
  void printTimes(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-5s %12s %12s %12s %12s %12s%n",
        "query",
        "warp_ms",
        "duckdb_ms",
        "calcite_ms",
        "warp/duckdb",
        "warp/calcite");
    for (QueryMeasurement measurement : measurements) {
      EngineTimes warp = measurement.times().get(WARP);
      EngineTimes duckDb = measurement.times().get(DUCKDB);
      EngineTimes calcite = measurement.times().get(CALCITE);
      out.printf(
          Locale.ROOT,
          "%-5s %12s %12s %12s %12s %12s%n",
          measurement.query(),
          millis(warp),
          millis(duckDb),
          millis(calcite),
          ratio(warp, duckDb),
          ratio(warp, calcite));
    }
  }

  /** Prints WarpSQL's prepare and re-execution times per query. */
  void printWarpPrepareTimes(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-5s %14s %14s %14s %14s %14s%n",
        "query",
        "cold_prepare",
        "cold_execute",
        "warm_prepare",
        "cached_execute",
        "statement_exec");
    for (QueryMeasurement measurement : measurements) {
      WarpPrepareTimes prepare = measurement.warpPrepareTimes();
      if (prepare == null) {
        out.printf(Locale.ROOT, "%-5s %14s%n", measurement.query(), "ERROR");
        continue;
      }
      out.printf(
          Locale.ROOT,
          "%-5s %14.2f %14.2f %14.2f %14.2f %14s%n",
          measurement.query(),
          prepare.coldPrepare(),
          prepare.coldExecute(),
          prepare.warmPrepare(),
          prepare.cachedExecute(),
          millis(measurement.times().get(WARP)));
    }
  }

  /**
   * Prints how many queries each geometric mean covers, then, as the last line, {@code geomean
   * warp/duckdb=R1 warp/calcite=R2} with two decimals ({@code n/a} when no query has both times).
   */
  void printGeometricMeans(PrintStream out) {
    Ratio duckDb = geometricMean(DUCKDB);
    Ratio calcite = geometricMean(CALCITE);
    out.printf(
        Locale.ROOT,
        "geometric means over the queries where both engines have a time: warp/duckdb over %d of %d,"
            + " warp/calcite over %d of %d%n",
        duckDb.count(),
        measurements.size(),
        calcite.count(),
        measurements.size());
    out.println(
        "WarpSQL's timed runs reuse the plan that the connection cached; with planning in every"
            + " run (statement_exec + warm_prepare) warp/duckdb="
            + planningGeometricMean().formatted());
    out.println(
        "geomean warp/duckdb=" + duckDb.formatted() + " warp/calcite=" + calcite.formatted());
  }

  private record Ratio(double value, int count) {
    String formatted() {
      return count == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", value);
    }
  }

  private Ratio geometricMean(String otherEngine) {
    double logSum = 0;
    int count = 0;
    for (QueryMeasurement measurement : measurements) {
      EngineTimes warp = measurement.times().get(WARP);
      EngineTimes other = measurement.times().get(otherEngine);
      if (warp.hasTime() && other.hasTime()) {
        logSum += Math.log(warp.medianMillis() / other.medianMillis());
        count++;
      }
    }
    return new Ratio(count == 0 ? Double.NaN : Math.exp(logSum / count), count);
  }

  /**
   * Returns the geometric mean of WarpSQL/DuckDB when WarpSQL plans every run: its timed median
   * plus its median planning time with every kernel compiled.
   */
  private Ratio planningGeometricMean() {
    double logSum = 0;
    int count = 0;
    for (QueryMeasurement measurement : measurements) {
      EngineTimes warp = measurement.times().get(WARP);
      EngineTimes duckDb = measurement.times().get(DUCKDB);
      WarpPrepareTimes prepare = measurement.warpPrepareTimes();
      if (warp.hasTime() && duckDb.hasTime() && prepare != null) {
        double planned = warp.medianMillis() + prepare.warmPrepare();
        logSum += Math.log(planned / duckDb.medianMillis());
        count++;
      }
    }
    return new Ratio(count == 0 ? Double.NaN : Math.exp(logSum / count), count);
  }

  private static String millis(EngineTimes times) {
    if (!times.hasTime()) {
      return times.failure() == null ? "-" : times.failure();
    }
    return String.format(Locale.ROOT, "%.2f", times.medianMillis());
  }

  private static String ratio(EngineTimes warp, EngineTimes other) {
    if (!warp.hasTime() || !other.hasTime()) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.2f", warp.medianMillis() / other.medianMillis());
  }
}
