package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server over a database directory: remote changes survive a restart of the server. */
class ServerDataDirectoryTest {
  @TempDir Path directory;

  @Test
  void remoteChangesSurviveServerRestart() throws Exception {
    ServerConfig config = ServerConfig.defaults().withPort(0).withDataDirectory(directory);
    try (WarpServer server = WarpServer.start(config)) {
      try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE notes (id INTEGER NOT NULL, body VARCHAR)");
        assertThat(statement.executeUpdate("INSERT INTO notes VALUES (1, 'kept'), (2, 'gone')"))
            .isEqualTo(2);
        assertThat(statement.executeUpdate("DELETE FROM notes WHERE id = 2")).isEqualTo(1);
      }
    }

    try (WarpServer server = WarpServer.start(config);
        Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT id, body FROM notes")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
      assertThat(rows.getString(2)).isEqualTo("kept");
      assertThat(rows.next()).isFalse();
    }
  }
}
