package dev.warpsql.driver.server;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.driver.server.ServerConfig.Authentication;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.load.FileAccess;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.jdbc.JdbcMeta.ConnectionCacheSettings;
import org.apache.calcite.avatica.jdbc.JdbcMeta.StatementCacheSettings;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WarpSQL server: Avatica's HTTP server, with protobuf serialization, over a new in-memory
 * database that every client shares.
 *
 * <p>Clients connect with {@code jdbc:warp:remote:url=http://HOST:PORT} or Avatica's {@code
 * jdbc:avatica:remote:url=http://HOST:PORT;serialization=protobuf}. {@link #close()} stops the
 * server, closes every connection and frees the database. Thread-safe.
 */
public final class WarpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarpServer.class);

  /** Any authenticated user may connect, whatever roles the users file gives them. */
  private static final String[] ANY_AUTHENTICATED_USER = {"**"};

  private final ServerConfig config;
  private final WarpDatabase database;
  private final WarpMeta meta;
  private final HttpServer http;
  private final ScheduledExecutorService expiry;
  private final String url;
  private boolean closed;

  private WarpServer(
      ServerConfig config,
      WarpDatabase database,
      WarpMeta meta,
      HttpServer http,
      ScheduledExecutorService expiry) {
    this.config = config;
    this.database = database;
    this.meta = meta;
    this.http = http;
    this.expiry = expiry;
    String scheme = config.tlsKeystore().isPresent() ? "https" : "http";
    String host = config.bindAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.url = scheme + "://" + host + ":" + http.getPort();
  }

  /**
   * Creates the database, loads the requested data and starts listening.
   *
   * @throws SQLException when loading the data fails
   * @throws IOException when the server cannot listen on the address and port, or a users file or
   *     keystore is missing
   */
  public static WarpServer start(ServerConfig config) throws SQLException, IOException {
    checkFiles(config);
    String name = "warpsql-server-" + UUID.randomUUID();
    // The server keeps a directory database open for its whole life, so no other process takes
    // the directory while no client is connected.
    WarpDatabase database =
        config.dataDirectory().isPresent()
            ? openDirectory(config.dataDirectory().get())
            : WarpDatabase.named(name);
    String jdbcUrl =
        config.dataDirectory().isPresent()
            ? "jdbc:warp:file:" + config.dataDirectory().get().toAbsolutePath().normalize()
            : "jdbc:warp:mem:" + name;
    try {
      if (!config.allowedPaths().isEmpty()) {
        database.catalog().setFileAccess(FileAccess.allowing(config.allowedPaths()));
      }
      loadData(database, config);
      WarpMeta meta =
          new WarpMeta(
              database,
              jdbcUrl,
              cacheSettings(config.idleTimeoutSeconds()),
              config.maxQueryTimeSeconds());
      Service service = ErrorReportingService.wrap(new LocalService(meta));
      HttpServer http = listen(config, new CancelEndpointHandler(service, meta));
      ScheduledExecutorService expiry =
          Executors.newSingleThreadScheduledExecutor(WarpServer::expiryThread);
      long period = Math.max(1, Math.min(60, config.idleTimeoutSeconds() / 4));
      expiry.scheduleWithFixedDelay(
          () -> expireIdleSessions(meta), period, period, TimeUnit.SECONDS);
      WarpServer server = new WarpServer(config, database, meta, http, expiry);
      if (config.isOpenToNetwork()) {
        LOG.warn(
            "INSECURE: {} accepts SQL from anyone who reaches it, without authentication "
                + "(--insecure). Every table can be read and changed; use --auth and "
                + "--tls-keystore on any network you do not fully trust",
            server.url());
      }
      LOG.info(
          "WarpSQL server listening on {}: authentication {}, TLS {}, maximum query time {}, "
              + "idle timeout {} s",
          server.url(),
          config.authentication(),
          config.tlsKeystore().isPresent() ? "on" : "off",
          config.maxQueryTimeSeconds() == 0 ? "none" : config.maxQueryTimeSeconds() + " s",
          config.idleTimeoutSeconds());
      return server;
    } catch (SQLException | IOException | RuntimeException e) {
      release(database, config);
      throw e;
    }
  }

  private static WarpDatabase openDirectory(Path directory) throws SQLException {
    try {
      return WarpDatabase.openDirectory(directory);
    } catch (WarpException e) {
      throw new SQLException(e.getMessage(), e.code().sqlState(), e);
    }
  }

  /** Frees an in-memory database, or releases the server's hold on a directory database. */
  private static void release(WarpDatabase database, ServerConfig config) {
    if (config.dataDirectory().isPresent()) {
      database.releaseConnection();
    } else {
      database.close();
    }
  }

  /** Returns the port the server listens on, which differs from the configured 0. */
  public int port() {
    return http.getPort();
  }

  /** Returns the server's address as clients write it in the {@code url} property. */
  public String url() {
    return url;
  }

  /** Returns the JDBC URL of this server for WarpSQL's driver. */
  public String jdbcUrl() {
    return "jdbc:warp:remote:url=" + url();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    http.join();
  }

  WarpMeta meta() {
    return meta;
  }

  /** Stops listening, closes every client connection and frees the database. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    int connections = meta.connectionCount();
    expiry.shutdownNow();
    http.stop();
    meta.closeAll();
    release(database, config);
    LOG.info("WarpSQL server on {} stopped; it closed {} open connections", url(), connections);
  }

  private static void checkFiles(ServerConfig config) throws IOException {
    if (config.usersFile().isPresent()) {
      UsersFile.check(config.usersFile().get(), config.authentication());
    }
    if (config.tlsKeystore().isPresent() && !Files.isReadable(config.tlsKeystore().get())) {
      throw new IOException("keystore " + config.tlsKeystore().get() + " is missing or unreadable");
    }
  }

  private static void loadData(WarpDatabase database, ServerConfig config) throws SQLException {
    if (config.tpchScaleFactor().isEmpty()) {
      return;
    }
    double scaleFactor = config.tpchScaleFactor().getAsDouble();
    LOG.info("loading TPC-H at scale factor {}", scaleFactor);
    long started = System.nanoTime();
    Properties properties = new Properties();
    properties.setProperty("tpch", Double.toString(scaleFactor));
    try (Connection connection = database.connect(properties)) {
      LOG.info(
          "loaded TPC-H at scale factor {} in {} ms",
          scaleFactor,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static Properties cacheSettings(int idleTimeoutSeconds) {
    Properties settings = new Properties();
    settings.setProperty(
        ConnectionCacheSettings.EXPIRY_DURATION.key(), Integer.toString(idleTimeoutSeconds));
    settings.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    settings.setProperty(
        StatementCacheSettings.EXPIRY_DURATION.key(), Integer.toString(idleTimeoutSeconds));
    settings.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.SECONDS.name());
    return settings;
  }

  private static HttpServer listen(ServerConfig config, CancelEndpointHandler handler)
      throws IOException {
    HttpServer.Builder<Server> builder =
        HttpServer.Builder.<Server>newBuilder()
            .withHandler(handler)
            .withPort(config.port())
            .withServerCustomizers(
                List.of(
                    bindTo(config.bindAddress()),
                    WarpServer::answerPlainHttpOnTlsPort,
                    logRejectedCredentials(config.authentication())),
                Server.class);
    String users = config.usersFile().map(Object::toString).orElse(null);
    switch (config.authentication()) {
      case BASIC -> builder.withBasicAuthentication(users, ANY_AUTHENTICATED_USER);
      case DIGEST -> builder.withDigestAuthentication(users, ANY_AUTHENTICATED_USER);
      case NONE -> {}
    }
    if (config.tlsKeystore().isPresent()) {
      // The keystore doubles as the truststore, which Avatica's builder requires but a server
      // that does not ask clients for certificates never reads.
      var keystore = config.tlsKeystore().get().toFile();
      String password = config.tlsPassword().orElseThrow();
      builder.withTLS(keystore, password, keystore, password);
    }

    HttpServer http = builder.build();
    try {
      http.start();
    } catch (RuntimeException e) {
      http.stop();
      throw listenFailure(config, e);
    }
    return http;
  }

  /**
   * Returns a customizer that binds Avatica's connector, which listens on every address by default.
   */
  private static ServerCustomizer<Server> bindTo(String address) {
    return server -> {
      for (Connector connector : server.getConnectors()) {
        ((ServerConnector) connector).setHost(address);
      }
    };
  }

  /**
   * Returns a customizer that puts a {@link RejectedCredentialsLog} around Avatica's handlers,
   * outside the security handler that rejects the requests.
   */
  private static ServerCustomizer<Server> logRejectedCredentials(Authentication method) {
    return server -> {
      if (method != Authentication.NONE) {
        RejectedCredentialsLog log = new RejectedCredentialsLog(method);
        log.setHandler(server.getHandler());
        server.setHandler(log);
      }
    };
  }

  /**
   * Makes a TLS connector respond to a plain-HTTP request with HTTP 400 (see PlainHttpRejector).
   */
  private static void answerPlainHttpOnTlsPort(Server server) {
    for (Connector connector : server.getConnectors()) {
      SslConnectionFactory tls = connector.getConnectionFactory(SslConnectionFactory.class);
      if (tls != null && connector instanceof ServerConnector serverConnector) {
        serverConnector.addFirstConnectionFactory(new PlainHttpRejector(tls));
      }
    }
  }

  private static IOException listenFailure(ServerConfig config, RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof BindException)) {
      cause = cause.getCause();
    }
    return new IOException(
        "cannot listen on "
            + config.bindAddress()
            + ":"
            + config.port()
            + ": "
            + cause.getMessage()
            + "; choose another --port or stop the process that uses it",
        e);
  }

  private static void expireIdleSessions(WarpMeta meta) {
    try {
      meta.expireIdleSessions();
    } catch (RuntimeException e) {
      LOG.warn("closing idle connections and statements failed", e);
    }
  }

  private static Thread expiryThread(Runnable runnable) {
    Thread thread = new Thread(runnable, "warpsql-session-expiry");
    thread.setDaemon(true);
    return thread;
  }
}
