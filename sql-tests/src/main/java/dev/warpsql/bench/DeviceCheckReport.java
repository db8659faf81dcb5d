package dev.warpsql.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The device check's table of queries and its summary lines. */
final class DeviceCheckReport {
  private static final String ROW_FORMAT =
      "%-5s %9s %11s %11s %9s %10s %10s %10s %9s %5s %10s  %s%n";

  private final PrintStream out;
  private final String reference;
  private final String device;
  private final double bandwidthBytesPerSecond;

  DeviceCheckReport(
      PrintStream out, String reference, String device, double bandwidthBytesPerSecond) {
    this.out = out;
    this.reference = reference;
    this.device = device;
    this.bandwidthBytesPerSecond = bandwidthBytesPerSecond;
  }

  /** Prints what the columns of the table mean. */
  void printLegend() {
    out.printf(
        Locale.ROOT,
        "columns: %1$s_ms and %2$s_ms: the timed execution of a prepared statement after one"
            + " warm-up, reading every row, on %1$s and on %2$s; MB_read: the bytes of the"
            + " columns the query reads, in MB of 10^6 bytes; floor_ms: MB_read at %3$.2f TB/s,"
            + " the device's memory bandwidth; %1$s/floor: how far %1$s is above that floor;"
            + " pipelines: pipeline executions on %1$s in both runs; sorts: ORDER BY sorts on %1$s"
            + " in both runs; compile_ms: the time from"
            + " kernel IR to loaded module of the pipeline shapes that %1$s had not run before%n",
        device,
        reference,
        bandwidthBytesPerSecond / 1e12);
    out.println(ScanBytes.METHOD);
  }

  void printHeader() {
    out.printf(
        Locale.ROOT,
        ROW_FORMAT,
        "query",
        "rows",
        device + "_ms",
        reference + "_ms",
        reference + "/" + device,
        "MB_read",
        "floor_ms",
        device + "/floor",
        "pipelines",
        "sorts",
        "compile_ms",
        "answers");
  }

  /** Prints a query's row, then its detail on the next line when it did not pass. */
  void printRow(QueryCheck check) {
    double floorMillis = check.scanBytes() / bandwidthBytesPerSecond * 1e3;
    boolean ran = check.device() != null;
    double deviceMillis = ran ? check.device().timedMillis() : Double.NaN;
    double referenceMillis = ran ? check.reference().timedMillis() : Double.NaN;
    String rows =
        ran && check.reference().finished()
            ? Integer.toString(check.reference().answer().rows().size())
            : "-";
    out.printf(
        Locale.ROOT,
        ROW_FORMAT,
        check.query(),
        rows,
        number(deviceMillis, "%.2f"),
        number(referenceMillis, "%.2f"),
        number(referenceMillis / deviceMillis, "%.2f"),
        number(check.scanBytes() / 1e6, "%.1f"),
        number(floorMillis, "%.4f"),
        number(deviceMillis / floorMillis, "%.0f"),
        ran ? Long.toString(check.device().devicePipelines()) : "-",
        ran ? Long.toString(check.device().deviceSorts()) : "-",
        ran ? number(check.device().compileMillis(), "%.1f") : "-",
        check.verdict());
    if (check.detail() != null && ran) {
      out.println("      " + check.query() + " " + check.verdict() + ": " + check.detail());
    }
  }

  /** Prints one line that counts the verdicts, such as {@code 21 MATCH, 1 MISMATCH}. */
  void printSummary(String label, List<QueryCheck> checks) {
    Map<String, Integer> counts = new TreeMap<>();
    double deviceMillis = 0;
    double referenceMillis = 0;
    for (QueryCheck check : checks) {
      counts.merge(check.verdict(), 1, Integer::sum);
      if (check.passed()) {
        deviceMillis += check.device().timedMillis();
        referenceMillis += check.reference().timedMillis();
      }
    }
    long passed = checks.stream().filter(QueryCheck::passed).count();
    out.printf(
        Locale.ROOT,
        "summary %s: %d queries, %s; over the %d that match: %s %.1f ms, %s %.1f ms in total%n",
        label,
        checks.size(),
        verdictCounts(counts),
        passed,
        device,
        deviceMillis,
        reference,
        referenceMillis);
  }

  private static String verdictCounts(Map<String, Integer> counts) {
    List<String> parts = new ArrayList<>();
    counts.forEach((verdict, count) -> parts.add(count + " " + verdict));
    return String.join(", ", parts);
  }

  private static String number(double value, String format) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
  }
}
