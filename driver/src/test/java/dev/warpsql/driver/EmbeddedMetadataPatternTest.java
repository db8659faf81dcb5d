package dev.warpsql.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Metadata patterns over an embedded connection. */
class EmbeddedMetadataPatternTest extends MetadataPatternCases {
  private static final String NAME = "metadata-patterns";

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    try (Connection setup = DriverManager.getConnection("jdbc:warp:mem:" + NAME)) {
      createObjects(setup);
    }
    connection = DriverManager.getConnection("jdbc:warp:mem:" + NAME);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    WarpDatabase.named(NAME).close();
  }

  @Override
  protected Connection connection() {
    return connection;
  }
}
