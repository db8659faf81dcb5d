package dev.warpsql.sqltests;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.load.TpchLoader;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.planner.exec.DeviceChoice;
import dev.warpsql.planner.exec.WarpRuntime;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** WarpSQL databases for the SQL suites. */
public final class WarpTestDatabases {
  /**
   * System property that selects the {@code device} connection property of every suite: auto (the
   * default), cpu, gpu or ptx-sim, so that the same suites run on a GPU or on the PTX interpreter.
   */
  public static final String DEVICE_PROPERTY = "warp.device";

  private WarpTestDatabases() {}

  /** Creates an in-memory database containing the 8 TPC-H tables at a scale factor. */
  public static WarpDatabase tpch(double scaleFactor) {
    return tpch(scaleFactor, TableBuilder.DEFAULT_CHUNK_ROWS);
  }

  /** Creates the 8 TPC-H tables at a scale factor, with {@code chunkRows} rows per chunk. */
  public static WarpDatabase tpch(double scaleFactor, int chunkRows) {
    WarpDatabase database = WarpDatabase.inMemory();
    try {
      TpchLoader.load(
          database.catalog().schema(Catalog.DEFAULT_SCHEMA),
          scaleFactor,
          database.allocator(),
          chunkRows);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  /** Opens a connection on the device that {@link #DEVICE_PROPERTY} selects. */
  public static Connection connect(WarpDatabase database) throws SQLException {
    Properties info = new Properties();
    info.setProperty("device", System.getProperty(DEVICE_PROPERTY, "auto"));
    return database.connect(info);
  }

  /**
   * Prints how many pipelines and sorts ran on the device that {@link #DEVICE_PROPERTY} selects and
   * how many fell back to the CPU since the JVM started, when a device was selected.
   *
   * @throws AssertionError on {@code gpu} or {@code ptx-sim} when no pipeline ran on the device or
   *     any fell back, listing the latest fallbacks, so that a device run never passes on the CPU
   */
  public static void checkDeviceUse(String suite) {
    DeviceChoice choice = DeviceChoice.parse(System.getProperty(DEVICE_PROPERTY, "auto"));
    DeviceRuntime device = WarpRuntime.device(choice);
    if (device == null) {
      return;
    }
    System.out.printf(
        "%s on %s: %d pipelines and %d sorts ran on the device, %d fell back to the CPU%n",
        suite,
        device.name(),
        device.devicePipelines(),
        device.deviceSorts(),
        device.cpuFallbacks());
    if (choice == DeviceChoice.AUTO) {
      return;
    }
    if (device.devicePipelines() == 0 || device.cpuFallbacks() > 0) {
      throw new AssertionError(
          suite
              + " chose device="
              + choice.value()
              + " but "
              + device.devicePipelines()
              + " pipelines ran there and "
              + device.cpuFallbacks()
              + " fell back to the CPU; latest fallbacks: "
              + device.recentFallbacks());
    }
  }
}
