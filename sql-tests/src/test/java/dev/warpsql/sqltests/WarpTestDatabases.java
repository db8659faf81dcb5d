package dev.warpsql.sqltests;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.load.TpchLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** WarpSQL databases for the SQL suites. */
public final class WarpTestDatabases {
  /**
   * System property that selects the {@code device} connection property of every suite: auto (the
   * default), cpu or gpu, so that a machine with a GPU can run the same suites there.
   */
  public static final String DEVICE_PROPERTY = "warp.device";

  private WarpTestDatabases() {}

  /** Creates an in-memory database containing the 8 TPC-H tables at a scale factor. */
  public static WarpDatabase tpch(double scaleFactor) {
    WarpDatabase database = WarpDatabase.inMemory();
    try {
      TpchLoader.load(
          database.catalog().schema(Catalog.DEFAULT_SCHEMA), scaleFactor, database.allocator());
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
}
