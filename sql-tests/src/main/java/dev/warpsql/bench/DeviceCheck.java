package dev.warpsql.bench;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.load.TpchLoader;
import dev.warpsql.kernels.cuda.ModuleCache;
import dev.warpsql.planner.exec.DeviceChoice;
import dev.warpsql.planner.exec.WarpRuntime;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The device check: TPC-H on the device under test (normally the GPU) against a reference device
 * (normally the CPU backend), with identical answers required and times set against the memory
 * bandwidth floor. {@code scripts/gpu-check run} starts it on a GPU machine.
 *
 * <p>Each scale factor gets its own in-memory database, closed before the next one loads, so that
 * only one scale factor's tables take memory at a time. The reference and the device under test
 * each have one connection to it, since the {@code device} property is per connection.
 */
public final class DeviceCheck {
  private final DeviceCheckOptions options;
  private final PrintStream out;
  private final PrintStream progress;
  private final long deadlineNanos;
  private final List<QueryCheck> checks = new ArrayList<>();

  private DeviceCheck(DeviceCheckOptions options, PrintStream out, PrintStream progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
    this.deadlineNanos =
        options.budgetSeconds() == 0
            ? Long.MAX_VALUE
            : System.nanoTime() + options.budgetSeconds() * 1_000_000_000L;
  }

  public static void main(String[] args) {
    List<String> arguments = List.of(args);
    if (BenchOptions.requestsHelp(arguments)) {
      System.out.print(DeviceCheckOptions.USAGE);
      return;
    }
    DeviceCheckOptions options;
    try {
      options = DeviceCheckOptions.parse(arguments);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status;
    try {
      status = new DeviceCheck(options, System.out, System.err).run() ? 0 : 1;
    } catch (RuntimeException e) {
      System.err.println("error: " + e);
      e.printStackTrace();
      status = 1;
    }
    System.out.flush();
    // The engine's worker threads are daemons, but a device's threads need not be.
    System.exit(status);
  }

  /** Checks every scale factor and prints the report; returns whether every query passed. */
  private boolean run() {
    out.println(MachineInfo.describe());
    out.println("java.home: " + System.getProperty("java.home"));
    DeviceCheckReport report = report();
    report.printLegend();
    double previousScaleFactor = 0;
    double previousLoadSeconds = 0;
    for (double scaleFactor : options.scaleFactors()) {
      // Loading time grows about linearly with the scale factor, so the previous load predicts it.
      double loadEstimate = previousLoadSeconds * scaleFactor / Math.max(previousScaleFactor, 1e-9);
      if (System.nanoTime() + (long) (loadEstimate * 1e9) > deadlineNanos) {
        out.printf(
            Locale.ROOT,
            "%nSF %s: SKIPPED, loading it would take about %.0f s, past the --budget-s limit%n",
            format(scaleFactor),
            loadEstimate);
        options.queries().forEach(query -> checks.add(QueryCheck.skipped(query, 0)));
        continue;
      }
      long start = System.nanoTime();
      try (WarpDatabase database = WarpDatabase.inMemory()) {
        CatalogSchema schema = database.catalog().schema(Catalog.DEFAULT_SCHEMA);
        TpchLoader.load(schema, scaleFactor, database.allocator());
        previousLoadSeconds = (System.nanoTime() - start) / 1e9;
        previousScaleFactor = scaleFactor;
        out.printf(
            Locale.ROOT,
            "%nTPC-H SF %s: loaded in %.1f s, %d MB of Arrow memory%n",
            format(scaleFactor),
            previousLoadSeconds,
            database.allocator().getAllocatedMemory() / 1_000_000);
        checkScaleFactor(database, schema, scaleFactor, report);
      }
    }
    out.println();
    report.printSummary("all scale factors", checks);
    boolean passed = checks.stream().allMatch(QueryCheck::passed);
    out.println("device check: " + (passed ? "PASS" : "FAIL"));
    return passed;
  }

  private DeviceCheckReport report() {
    return new DeviceCheckReport(
        out,
        options.reference().value(),
        options.device().value(),
        options.bandwidthBytesPerSecond());
  }

  /** Runs every query on both devices of one loaded database and prints its table. */
  private void checkScaleFactor(
      WarpDatabase database, CatalogSchema schema, double scaleFactor, DeviceCheckReport report) {
    List<QueryCheck> scaleFactorChecks = new ArrayList<>();
    try (Connection reference = connect(database, options.reference());
        Connection device = connect(database, options.device())) {
      DeviceRuntime referenceRuntime = WarpRuntime.device(options.reference());
      DeviceRuntime deviceRuntime = WarpRuntime.device(options.device());
      if (deviceRuntime != null) {
        out.println(options.device().value() + ": " + deviceRuntime.api().description());
      }
      report.printHeader();
      Map<String, List<String>> tableColumns = ScanBytes.tableColumns(schema);
      for (String query : options.queries()) {
        String sql = TpchBench.readQuery(query);
        long bytes = ScanBytes.of(schema, QueryColumns.of(sql, tableColumns));
        QueryCheck check;
        if (System.nanoTime() > deadlineNanos) {
          check = QueryCheck.skipped(query, bytes);
        } else {
          progress.println("SF " + format(scaleFactor) + " " + query + " ...");
          DeviceRun onReference =
              DeviceRun.run(reference, referenceRuntime, sql, options.queryTimeoutSeconds());
          DeviceRun onDevice =
              DeviceRun.run(device, deviceRuntime, sql, options.queryTimeoutSeconds());
          check =
              QueryCheck.judge(
                  query, bytes, OrderKeys.of(sql), options.device().value(), onReference, onDevice);
        }
        report.printRow(check);
        scaleFactorChecks.add(check);
      }
      if (deviceRuntime != null) {
        out.println(options.device().value() + " residency: " + deviceRuntime.residency().stats());
        printCompiles(deviceRuntime);
      }
    } catch (SQLException | RuntimeException e) {
      out.println("SF " + format(scaleFactor) + ": cannot run the queries: " + e);
      for (String query :
          options.queries().subList(scaleFactorChecks.size(), options.queries().size())) {
        scaleFactorChecks.add(new QueryCheck(query, 0, null, null, DeviceRun.ERROR, e.toString()));
      }
    }
    report.printSummary("SF " + format(scaleFactor), scaleFactorChecks);
    checks.addAll(scaleFactorChecks);
  }

  /** Prints the modules the device loaded and the slowest, against the 50 ms target. */
  private void printCompiles(DeviceRuntime runtime) {
    ModuleCache modules = runtime.modules();
    ModuleCache.Compile slowest = modules.slowestCompile();
    if (slowest == null) {
      out.println(options.device().value() + " modules: none loaded");
      return;
    }
    out.printf(
        Locale.ROOT,
        "%s modules since the check started: %d loaded in %.1f ms; slowest %s, %.1f ms (emit %.1f ms, load %.1f ms);"
            + " target for a new shape: under 50 ms%n",
        options.device().value(),
        modules.moduleLoads(),
        modules.compileNanos() / 1e6,
        slowest.pipeline(),
        slowest.nanos() / 1e6,
        slowest.emitNanos() / 1e6,
        slowest.loadNanos() / 1e6);
  }

  private static Connection connect(WarpDatabase database, DeviceChoice device)
      throws SQLException {
    Properties info = new Properties();
    info.setProperty(WarpRuntime.DEVICE_PROPERTY, device.value());
    return database.connect(info);
  }

  private static String format(double scaleFactor) {
    return BigDecimal.valueOf(scaleFactor).stripTrailingZeros().toPlainString();
  }
}
