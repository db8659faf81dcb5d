package dev.warpsql.sqltests.ptx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.planner.exec.DeviceChoice;
import dev.warpsql.planner.exec.WarpRuntime;
import dev.warpsql.sqltests.DuckDbTpch;
import dev.warpsql.sqltests.QueryPlans;
import dev.warpsql.sqltests.QueryResult;
import dev.warpsql.sqltests.ResultComparison;
import dev.warpsql.sqltests.SqlResources;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 22 TPC-H queries at SF 0.01 with {@code device=ptx-sim}: every pipeline's PTX runs in the PTX
 * interpreter through the GPU runtime (residency, memory pool, module cache, argument packing and
 * result decoding), and the rows must match DuckDB's. A query passes only when all its pipelines
 * ran on the simulated device, with no fallback to the CPU.
 */
class PtxSimTpchTest {
  private static final double SCALE_FACTOR = 0.01;
  private static final int CHUNK_ROWS = 4096;

  /** Milliseconds of each query on the simulated device, for the line printed after the run. */
  private static final Map<String, Long> TIMES = new TreeMap<>();

  private static WarpDatabase warp;
  private static Connection warpConnection;
  private static Connection duckDb;
  private static DeviceRuntime device;

  @BeforeAll
  static void loadData() throws SQLException {
    duckDb = DuckDbTpch.open(SCALE_FACTOR);
    // Small chunks make every table but region and nation span several chunks, so the launch per
    // chunk, the merge of per-chunk aggregates and the residency of many chunks all run.
    warp = WarpTestDatabases.tpch(SCALE_FACTOR, CHUNK_ROWS);
    Properties info = new Properties();
    info.setProperty(WarpRuntime.DEVICE_PROPERTY, DeviceChoice.PTX_SIM.value());
    warpConnection = warp.connect(info);
    device = WarpRuntime.device(DeviceChoice.PTX_SIM);
  }

  @AfterAll
  static void closeDatabases() throws SQLException {
    try (Connection duckDbConnection = duckDb;
        WarpDatabase warpDatabase = warp;
        Connection connection = warpConnection) {
      // try-with-resources closes the connection, then WarpSQL's database, then DuckDB.
    }
  }

  @AfterAll
  static void printTimes() {
    long total = TIMES.values().stream().mapToLong(Long::longValue).sum();
    System.out.println(
        "TPC-H on ptx-sim at SF "
            + SCALE_FACTOR
            + ": "
            + TIMES.size()
            + " queries in "
            + total
            + " ms "
            + TIMES
            + ", "
            + device.devicePipelines()
            + " pipelines on the device, "
            + device.cpuFallbacks()
            + " fell back, resident "
            + device.residency().stats());
  }

  static List<String> queries() {
    return IntStream.rangeClosed(1, 22).mapToObj(i -> "q" + i).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  void queryOnSimulatedDeviceMatchesDuckDb(String query) throws SQLException {
    String sql = SqlResources.readStatement("tpch/" + query + ".sql");
    long fallbacks = device.cpuFallbacks();
    long pipelines = device.devicePipelines();

    QueryResult expected = QueryResult.run(duckDb, sql);
    long start = System.nanoTime();
    QueryResult actual = QueryResult.run(warpConnection, sql);
    TIMES.put(query, (System.nanoTime() - start) / 1_000_000);

    ResultComparison.assertSameRows(query + " on ptx-sim: ", expected, actual);
    assertThat(device.cpuFallbacks())
        .as("CPU fallbacks of %s; latest: %s", query, device.recentFallbacks())
        .isEqualTo(fallbacks);
    assertThat(device.devicePipelines())
        .as("pipelines of %s on the device", query)
        .isGreaterThan(pipelines);
  }

  @Test
  void explainNamesSimulatedDevice() throws SQLException {
    String plan = QueryPlans.explain(warpConnection, SqlResources.readStatement("tpch/q3.sql"));

    List<String> pipelines = plan.lines().filter(line -> line.contains(": ")).toList();
    assertThat(pipelines).as("pipeline lines of q3:%n%s", plan).isNotEmpty();
    assertThat(pipelines)
        .allMatch(
            line ->
                line.endsWith("[on ptx-sim]")
                    || line.endsWith("[on cpu, keeps the order of the sort]"));
    assertThat(pipelines).anyMatch(line -> line.endsWith("[on ptx-sim]"));
  }
}
