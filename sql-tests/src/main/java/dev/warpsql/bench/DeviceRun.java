package dev.warpsql.bench;

import dev.warpsql.executor.device.DeviceRuntime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.List;

/**
 * One query on one device: a warm-up execution, then a timed one, of a statement prepared once.
 *
 * @param failure null when both executions finished, otherwise TIMEOUT or ERROR
 * @param message the error of a failure, null otherwise
 * @param timedMillis the timed execution, reading every row, in milliseconds; NaN on failure
 * @param answers the warm-up's and the timed execution's answers, those that finished
 * @param devicePipelines pipeline executions that ran on the device in both executions; 0 on the
 *     CPU
 * @param deviceSorts ORDER BY sorts that ran on the device in both executions; 0 on the CPU
 * @param fallbackCount pipeline executions that fell back to the CPU in both executions
 * @param fallbacks the latest of those fallbacks, each with its reason
 * @param modulesLoaded modules that the device loaded for pipeline shapes it had not seen before
 * @param compileMillis the time from program to loaded module of those modules, in milliseconds
 */
record DeviceRun(
    String failure,
    String message,
    double timedMillis,
    List<AnswerText> answers,
    long devicePipelines,
    long deviceSorts,
    long fallbackCount,
    List<String> fallbacks,
    long modulesLoaded,
    double compileMillis) {
  static final String TIMEOUT = "TIMEOUT";
  static final String ERROR = "ERROR";

  DeviceRun {
    answers = List.copyOf(answers);
    fallbacks = List.copyOf(fallbacks);
  }

  boolean finished() {
    return failure == null;
  }

  /** Returns the timed execution's answer; valid only when {@link #finished()}. */
  AnswerText answer() {
    return answers.get(answers.size() - 1);
  }

  /**
   * Prepares and runs a query twice on a connection.
   *
   * @param runtime the device that the connection's pipelines run on, for its counters; null for
   *     the CPU
   */
  static DeviceRun run(
      Connection connection, DeviceRuntime runtime, String sql, int timeoutSeconds) {
    long pipelinesBefore = runtime == null ? 0 : runtime.devicePipelines();
    long sortsBefore = runtime == null ? 0 : runtime.deviceSorts();
    long fallbacksBefore = runtime == null ? 0 : runtime.cpuFallbacks();
    long loadsBefore = runtime == null ? 0 : runtime.modules().moduleLoads();
    long compileBefore = runtime == null ? 0 : runtime.modules().compileNanos();
    AnswerText warmUp = null;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(timeoutSeconds);
      warmUp = execute(statement);
      long start = System.nanoTime();
      AnswerText timed = execute(statement);
      double millis = (System.nanoTime() - start) / 1e6;
      return new DeviceRun(
          null,
          null,
          millis,
          List.of(warmUp, timed),
          pipelines(runtime, pipelinesBefore),
          sorts(runtime, sortsBefore),
          fallbackCount(runtime, fallbacksBefore),
          fallbacks(runtime, fallbacksBefore),
          modulesLoaded(runtime, loadsBefore),
          compileMillis(runtime, compileBefore));
    } catch (SQLException | RuntimeException e) {
      boolean timeout =
          e instanceof SQLTimeoutException
              || (e instanceof SQLException failure && "57014".equals(failure.getSQLState()));
      return new DeviceRun(
          timeout ? TIMEOUT : ERROR,
          e.toString(),
          Double.NaN,
          warmUp == null ? List.of() : List.of(warmUp),
          pipelines(runtime, pipelinesBefore),
          sorts(runtime, sortsBefore),
          fallbackCount(runtime, fallbacksBefore),
          fallbacks(runtime, fallbacksBefore),
          modulesLoaded(runtime, loadsBefore),
          compileMillis(runtime, compileBefore));
    }
  }

  private static AnswerText execute(PreparedStatement statement) throws SQLException {
    try (ResultSet resultSet = statement.executeQuery()) {
      return AnswerText.read(resultSet);
    }
  }

  private static long pipelines(DeviceRuntime runtime, long before) {
    return runtime == null ? 0 : runtime.devicePipelines() - before;
  }

  private static long sorts(DeviceRuntime runtime, long before) {
    return runtime == null ? 0 : runtime.deviceSorts() - before;
  }

  private static long modulesLoaded(DeviceRuntime runtime, long before) {
    return runtime == null ? 0 : runtime.modules().moduleLoads() - before;
  }

  private static double compileMillis(DeviceRuntime runtime, long nanosBefore) {
    return runtime == null ? 0 : (runtime.modules().compileNanos() - nanosBefore) / 1e6;
  }

  private static long fallbackCount(DeviceRuntime runtime, long before) {
    return runtime == null ? 0 : runtime.cpuFallbacks() - before;
  }

  /**
   * Returns the reasons of the fallbacks since a count, from the runtime's recent ones. Another
   * connection's query on the same device would mix in, but the check runs one query at a time.
   */
  private static List<String> fallbacks(DeviceRuntime runtime, long before) {
    if (runtime == null) {
      return List.of();
    }
    int count = (int) Math.min(Integer.MAX_VALUE, fallbackCount(runtime, before));
    List<String> recent = runtime.recentFallbacks();
    return recent.subList(Math.max(0, recent.size() - count), recent.size());
  }
}
