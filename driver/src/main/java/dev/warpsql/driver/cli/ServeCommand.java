package dev.warpsql.driver.cli;

import dev.warpsql.driver.server.ServerConfig;
import dev.warpsql.driver.server.WarpServer;
import java.io.IOException;
import java.sql.SQLException;

/**
 * {@code warp serve}: runs a WarpSQL server until the JVM receives SIGINT or SIGTERM, then stops it
 * cleanly from a shutdown hook.
 */
final class ServeCommand {
  private final ServerConfig config;

  ServeCommand(ServerConfig config) {
    this.config = config;
  }

  void run() throws SQLException, IOException {
    WarpServer server = WarpServer.start(config);
    Thread stopper = new Thread(server::close, "warpsql-server-stop");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      server.close();
    }
  }
}
