package dev.warpsql.bench;

import dev.warpsql.planner.exec.DeviceChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the device check.
 *
 * @param scaleFactors TPC-H scale factors, each positive, in the order they run
 * @param reference the device whose answers count as right, normally {@code cpu}
 * @param device the device under test, normally {@code gpu}
 * @param queries query names such as {@code q1}, in the order they run
 * @param queryTimeoutSeconds limit on one execution, in seconds
 * @param budgetSeconds wall-clock time after which no new query or scale factor starts; 0 for no
 *     limit
 * @param bandwidthBytesPerSecond the device memory bandwidth that the floor divides by
 */
record DeviceCheckOptions(
    List<Double> scaleFactors,
    DeviceChoice reference,
    DeviceChoice device,
    List<String> queries,
    int queryTimeoutSeconds,
    int budgetSeconds,
    double bandwidthBytesPerSecond) {
  /**
   * A device-to-device copy through PyTorch on an H200 of the machines this check is meant for,
   * counting bytes read and written (8.6 GB in 2.0 ms): a measured ceiling, below the datasheet's
   * 4.8 TB/s.
   */
  static final double DEFAULT_BANDWIDTH_TBS = 4.3;

  static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 120;

  static final String USAGE =
      """
      Usage: java dev.warpsql.bench.DeviceCheck [options]

      Loads TPC-H into an in-memory WarpSQL database once per scale factor, runs each query
      on the reference device and on the device under test (one warm-up, then one timed
      execution of a prepared statement on each), checks that the answers are identical and
      prints the times next to the memory-bandwidth floor of the columns the query reads.

      Options:
        --sf SF[,SF...]          TPC-H scale factors (default 1).
        --device REF,DEV         Reference device and device under test (default cpu,gpu);
                                 each one of cpu, gpu, ptx-sim.
        --queries q1,q3,...      Queries to run, by name (default: q1 to q22).
        --query-timeout-s S      Limit on one execution, in seconds (default 120); a query
                                 over it is reported as TIMEOUT.
        --budget-s S             Wall-clock seconds after which no further query or scale
                                 factor starts; the rest is reported as SKIPPED (default 0,
                                 no limit).
        --bandwidth-tbs B        Device memory bandwidth for the floor, in TB/s (default 4.3).
        -h, --help               Print this help and exit.

      Exit status: 0 when every query ran on both devices with identical answers and no
      pipeline fell back to the CPU, 1 otherwise, 2 for an invalid command line.
      """;

  DeviceCheckOptions {
    scaleFactors = List.copyOf(scaleFactors);
    queries = List.copyOf(queries);
  }

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException with a one-line message when an argument is invalid
   */
  static DeviceCheckOptions parse(List<String> args) {
    List<Double> scaleFactors = List.of(1.0);
    DeviceChoice reference = DeviceChoice.CPU;
    DeviceChoice device = DeviceChoice.GPU;
    List<String> queries = BenchOptions.allQueries();
    int queryTimeout = DEFAULT_QUERY_TIMEOUT_SECONDS;
    int budget = 0;
    double bandwidth = DEFAULT_BANDWIDTH_TBS;

    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException("missing value after " + option);
      }
      String value = args.get(++i);
      switch (option) {
        case "--sf" -> scaleFactors = parseScaleFactors(value);
        case "--device" -> {
          List<DeviceChoice> pair = parseDevices(value);
          reference = pair.get(0);
          device = pair.get(1);
        }
        case "--queries" -> queries = BenchOptions.parseQueries(value);
        case "--query-timeout-s" -> queryTimeout = BenchOptions.parsePositiveInt(option, value);
        case "--budget-s" -> budget = parseSeconds(value);
        case "--bandwidth-tbs" -> bandwidth = parseBandwidth(value);
        default ->
            throw new IllegalArgumentException(
                "unknown option '" + option + "'; run with --help for the options");
      }
    }
    return new DeviceCheckOptions(
        scaleFactors, reference, device, queries, queryTimeout, budget, bandwidth * 1e12);
  }

  private static List<Double> parseScaleFactors(String value) {
    List<Double> scaleFactors = new ArrayList<>();
    for (String part : value.split(",")) {
      scaleFactors.add(BenchOptions.parseScaleFactor(part.strip()));
    }
    return scaleFactors;
  }

  private static List<DeviceChoice> parseDevices(String value) {
    String[] parts = value.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "invalid --device '" + value + "'; expected two devices such as cpu,gpu");
    }
    List<DeviceChoice> devices = new ArrayList<>();
    for (String part : parts) {
      DeviceChoice choice = DeviceChoice.parse(part.strip());
      if (choice == DeviceChoice.AUTO) {
        throw new IllegalArgumentException(
            "invalid --device '" + value + "'; name cpu, gpu or ptx-sim, not auto");
      }
      devices.add(choice);
    }
    if (devices.get(0) == devices.get(1)) {
      throw new IllegalArgumentException(
          "invalid --device '" + value + "'; the two devices must differ");
    }
    return devices;
  }

  private static int parseSeconds(String value) {
    try {
      int seconds = Integer.parseInt(value);
      if (seconds >= 0) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new IllegalArgumentException(
        "invalid --budget-s '" + value + "'; expected 0 or a positive number of seconds");
  }

  private static double parseBandwidth(String value) {
    try {
      double terabytes = Double.parseDouble(value);
      if (terabytes > 0 && Double.isFinite(terabytes)) {
        return terabytes;
      }
    } catch (NumberFormatException e) {
      // Reported below with the expected form.
    }
    throw new IllegalArgumentException(
        "invalid --bandwidth-tbs '" + value + "'; expected a positive number such as 4.3");
  }
}
