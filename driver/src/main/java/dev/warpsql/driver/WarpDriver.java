package dev.warpsql.driver;

import dev.warpsql.driver.remote.RemoteUrl;
import dev.warpsql.driver.remote.WarpRemoteDriver;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.FileAccess;
import dev.warpsql.executor.load.TpchLoader;
import dev.warpsql.planner.ddl.WarpDdlExecutor;
import dev.warpsql.planner.exec.DeviceChoice;
import dev.warpsql.planner.exec.WarpRuntime;
import dev.warpsql.planner.prepare.PlanCache;
import dev.warpsql.planner.prepare.WarpPrepare;
import dev.warpsql.planner.schema.SchemaSync;
import dev.warpsql.planner.schema.WarpTypeSystem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.jdbc.CalciteMetaTableFactoryImpl;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.jdbc.WarpCalciteMetaImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JDBC driver for {@code jdbc:warp:} URLs, built on Calcite's JDBC stack with WarpSQL's statement
 * preparation.
 *
 * <p>URLs: {@code jdbc:warp:mem:} (a private in-memory database, closed with the connection) and
 * {@code jdbc:warp:mem:NAME} (the named in-memory database of this JVM), optionally followed by
 * {@code ;key=value} properties, as in {@code jdbc:warp:mem:sales;tpch=0.01}. Properties: {@code
 * tpch=SF} loads TPC-H at scale factor SF (from 0.0001 to 1000) into schema {@code main} unless it
 * already contains a {@code lineitem} table; {@code device=auto|cpu|gpu|ptx-sim} chooses where
 * pipelines run ({@code ptx-sim}, the PTX interpreter, only with the kernels test jar on the class
 * path). Unquoted identifiers fold to lower case and names match case-sensitively, as in
 * PostgreSQL.
 *
 * <p>The same driver connects to a WarpSQL server ({@code warp serve}): {@code
 * jdbc:warp:remote:url=http://HOST:PORT} and Avatica's {@code jdbc:avatica:remote:url=...}, each
 * optionally followed by Avatica's {@code ;key=value} properties, go to {@link WarpRemoteDriver}.
 */
public final class WarpDriver extends Driver {
  /** Prefix of every URL this driver accepts. */
  public static final String PREFIX = "jdbc:warp:";

  static final WarpDriver INSTANCE = new WarpDriver();

  private static final Logger LOG = LoggerFactory.getLogger(WarpDriver.class);
  private static final String MEMORY_PREFIX = PREFIX + "mem:";
  private static final String FILE_PREFIX = PREFIX + "file:";
  private static final String DIRECTORY_PROPERTY = "warp.directory";

  /**
   * Connection property: the directories, separated by the platform's path separator, whose files
   * COPY and read_csv may read.
   */
  static final String ALLOW_PATH_PROPERTY = "allow_path";

  private static final String DATABASE_PROPERTY = "warp.database";
  private static final String PRIVATE_PROPERTY = "warp.private";

  static {
    INSTANCE.register();
  }

  public WarpDriver() {
    super(WarpPrepare::new);
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  public CalcitePrepare createPrepare() {
    return new WarpPrepare();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return WarpVersion.DRIVER;
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && (url.startsWith(PREFIX) || RemoteUrl.accepts(url));
  }

  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (RemoteUrl.accepts(url)) {
      return RemoteDriverHolder.DRIVER.connect(url, info);
    }
    if (url == null || !url.startsWith(PREFIX)) {
      return null;
    }
    if (url.startsWith(FILE_PREFIX)) {
      return connectDirectory(url, info);
    }
    if (!url.startsWith(MEMORY_PREFIX)) {
      throw new SQLException(
          "invalid WarpSQL URL "
              + url
              + ": expected jdbc:warp:mem:, jdbc:warp:mem:NAME, jdbc:warp:file:DIRECTORY or"
              + " jdbc:warp:remote:url=http://...",
          "08001");
    }
    String rest = url.substring(MEMORY_PREFIX.length());
    int semicolon = rest.indexOf(';');
    String name = semicolon < 0 ? rest : rest.substring(0, semicolon);
    Properties properties = new Properties();
    if (info != null) {
      properties.putAll(info);
    }
    if (semicolon >= 0) {
      properties.putAll(urlProperties(url, rest.substring(semicolon + 1)));
    }
    if (name.isEmpty()) {
      WarpDatabase database = WarpDatabase.inMemory();
      try {
        return connect(database, properties, true);
      } catch (SQLException | RuntimeException e) {
        database.close();
        throw e;
      }
    }
    return connect(WarpDatabase.named(name), properties, false);
  }

  /** Connects to the database stored in a directory, which the URL names after file:. */
  private Connection connectDirectory(String url, Properties info) throws SQLException {
    String rest = url.substring(FILE_PREFIX.length());
    int semicolon = rest.indexOf(';');
    String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
    if (path.isEmpty()) {
      throw new SQLException(
          "invalid WarpSQL URL " + url + ": name a directory, as in jdbc:warp:file:/data/sales",
          "08001");
    }
    Properties properties = new Properties();
    if (info != null) {
      properties.putAll(info);
    }
    if (semicolon >= 0) {
      properties.putAll(urlProperties(url, rest.substring(semicolon + 1)));
    }
    WarpDatabase database;
    try {
      database = WarpDatabase.openDirectory(Path.of(path));
    } catch (WarpException e) {
      throw new SQLException(e.getMessage(), e.code().sqlState(), e);
    } catch (java.nio.file.InvalidPathException e) {
      throw new SQLException(
          "invalid directory in WarpSQL URL " + url + ": " + e.getMessage(), "08001", e);
    }
    properties.setProperty(DIRECTORY_PROPERTY, "true");
    try {
      return connect(database, properties, false);
    } catch (SQLException | RuntimeException e) {
      database.releaseConnection();
      throw e;
    }
  }

  /**
   * Parses the {@code ;key=value} pairs after the database name with Avatica's connect-string
   * syntax. They override the properties passed to {@code connect}, as in Avatica and Calcite.
   */
  private static Properties urlProperties(String url, String pairs) throws SQLException {
    Properties parsed;
    try {
      parsed = ConnectStringParser.parse(pairs);
    } catch (SQLException e) {
      throw new SQLException("invalid WarpSQL URL " + url + ": " + e.getMessage(), "08001", e);
    }
    if (parsed.containsKey("")) {
      throw new SQLException(
          "invalid WarpSQL URL " + url + ": a property has an empty name; write ;name=value",
          "08001");
    }
    return parsed;
  }

  /** Opens a connection to a database; a private one closes when the connection closes. */
  Connection connect(WarpDatabase database, Properties info, boolean closeWithConnection)
      throws SQLException {
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.UNQUOTED_CASING.camelName(), "TO_LOWER");
    properties.setProperty(CalciteConnectionProperty.QUOTED_CASING.camelName(), "UNCHANGED");
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
    properties.setProperty(CalciteConnectionProperty.QUOTING.camelName(), "DOUBLE_QUOTE");
    properties.setProperty(
        CalciteConnectionProperty.TYPE_SYSTEM.camelName(),
        WarpTypeSystem.class.getName() + "#INSTANCE");
    properties.setProperty(
        CalciteConnectionProperty.PARSER_FACTORY.camelName(),
        WarpDdlExecutor.class.getName() + "#PARSER_FACTORY");
    properties.setProperty(
        CalciteConnectionProperty.META_COLUMN_FACTORY.camelName(),
        WarpMetaColumnFactory.class.getName() + "#INSTANCE");
    properties.putAll(info);
    properties.setProperty(DATABASE_PROPERTY, database.id());
    properties.setProperty(PRIVATE_PROPERTY, Boolean.toString(closeWithConnection));
    Connection calcite = super.connect(PREFIX, properties);
    return calcite == null ? null : new WarpConnection(calcite);
  }

  /**
   * Creates the metadata of a connection: Calcite's, with JDBC's meaning of {@code _} in the
   * patterns of {@code getSchemas}, {@code getTables} and {@code getColumns}.
   */
  @Override
  public Meta createMeta(AvaticaConnection connection) {
    CalciteConnectionConfig config = (CalciteConnectionConfig) connection.config();
    return WarpCalciteMetaImpl.create(
        (CalciteConnection) connection,
        config.metaTableFactory(
            CalciteMetaTableFactory.class, CalciteMetaTableFactoryImpl.INSTANCE),
        config.metaColumnFactory(CalciteMetaColumnFactory.class, WarpMetaColumnFactory.INSTANCE));
  }

  @Override
  protected Handler createHandler() {
    return new HandlerImpl() {
      @Override
      public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        super.onConnectionInit(connection);
        Properties properties = ((CalciteConnection) connection).getProperties();
        WarpDatabase database = WarpDatabase.byId(properties.getProperty(DATABASE_PROPERTY));
        if (database == null) {
          throw new SQLException("database is closed; open a new connection", "08003");
        }
        checkDevice(properties.getProperty("device", "auto"));
        allowPaths(database, properties.getProperty(ALLOW_PATH_PROPERTY));
        int planCache = planCacheCapacity(properties.getProperty(PlanCache.PROPERTY));
        loadTpchIfRequested(database, properties.getProperty("tpch"));
        attachSchemas((CalciteConnection) connection, database.catalog());
        PlanCache.open(root((CalciteConnection) connection), planCache);
      }

      @Override
      public void onConnectionClose(AvaticaConnection connection) {
        super.onConnectionClose(connection);
        PlanCache.release(root((CalciteConnection) connection));
        Properties properties = ((CalciteConnection) connection).getProperties();
        WarpDatabase database = WarpDatabase.byId(properties.getProperty(DATABASE_PROPERTY));
        if (database == null) {
          return;
        }
        if (Boolean.parseBoolean(properties.getProperty(PRIVATE_PROPERTY))) {
          database.close();
        } else if (Boolean.parseBoolean(properties.getProperty(DIRECTORY_PROPERTY))) {
          database.releaseConnection();
        }
      }
    };
  }

  /** Creates the remote driver on the first remote connection, so embedded use never loads it. */
  private static final class RemoteDriverHolder {
    static final WarpRemoteDriver DRIVER = new WarpRemoteDriver();
  }

  private static CalciteSchema root(CalciteConnection connection) {
    return CalciteSchema.from(connection.getRootSchema());
  }

  /** Reads the {@code plan_cache} property: how many query plans the connection keeps. */
  private static int planCacheCapacity(String value) throws SQLException {
    if (value == null) {
      return PlanCache.DEFAULT_CAPACITY;
    }
    String message =
        "invalid "
            + PlanCache.PROPERTY
            + " '"
            + value
            + "': write a number of plans from 0 (no cache) to "
            + PlanCache.MAX_CAPACITY;
    int capacity;
    try {
      capacity = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new SQLException(message, "22023", e);
    }
    if (capacity < 0 || capacity > PlanCache.MAX_CAPACITY) {
      throw new SQLException(message, "22023");
    }
    return capacity;
  }

  private static void attachSchemas(CalciteConnection connection, Catalog catalog)
      throws SQLException {
    CalciteSchema root = root(connection);
    for (CatalogSchema schema : catalog.schemas()) {
      SchemaSync.add(root, schema);
    }
    connection.setSchema(Catalog.DEFAULT_SCHEMA);
  }

  /**
   * Sets the directories whose files the database's statements may read. The setting belongs to the
   * database, so it applies to every connection of it from then on.
   */
  private static void allowPaths(WarpDatabase database, String directories) throws SQLException {
    if (directories == null) {
      return;
    }
    List<Path> paths = new ArrayList<>();
    for (String directory : directories.split(java.io.File.pathSeparator)) {
      if (!directory.isBlank()) {
        paths.add(Path.of(directory.strip()));
      }
    }
    try {
      database.catalog().setFileAccess(FileAccess.allowing(paths));
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "invalid " + ALLOW_PATH_PROPERTY + " '" + directories + "': " + e.getMessage(),
          "22023",
          e);
    }
  }

  /**
   * Checks the {@code device} property and opens the device it chooses, so that a connection to an
   * unavailable device fails at once rather than at its first query.
   */
  private static void checkDevice(String device) throws SQLException {
    DeviceChoice choice;
    try {
      choice = DeviceChoice.parse(device);
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), "22023", e);
    }
    try {
      DeviceRuntime runtime = WarpRuntime.device(choice);
      LOG.debug(
          "device={}: pipelines run on {}",
          choice.value(),
          runtime == null ? "the CPU" : runtime.name());
    } catch (WarpException e) {
      throw new SQLException(e.getMessage(), e.code().sqlState(), e);
    }
  }

  private static void loadTpchIfRequested(WarpDatabase database, String scaleFactor)
      throws SQLException {
    if (scaleFactor == null) {
      return;
    }
    double value = TpchScaleFactor.parse(scaleFactor);
    synchronized (database) {
      CatalogSchema main = database.catalog().schema(Catalog.DEFAULT_SCHEMA);
      if (main.table("lineitem") != null) {
        return;
      }
      try {
        TpchLoader.load(main, value, database.allocator());
      } catch (WarpException e) {
        throw new SQLException(e.getMessage(), e.code().sqlState(), e);
      }
    }
  }
}
