package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metadata patterns over an embedded connection, and of getFunctions, which only embedded
 * connections list: Avatica's protocol (1.27) has no request for functions.
 */
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

  private static List<String> functions(String pattern) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getFunctions(null, null, pattern)) {
      while (rows.next()) {
        names.add(rows.getString("FUNCTION_NAME"));
      }
    }
    return names;
  }

  @Test
  void underscoreMatchesOneCharacterInFunctions() throws SQLException {
    assertThat(functions("CURRENT_USER")).containsExactly("CURRENT_USER");
    assertThat(functions("CURRENT_USE_")).containsExactly("CURRENT_USER");
    assertThat(functions("CURRENT\\_USER")).containsExactly("CURRENT_USER");
    assertThat(functions("S%\\_USER")).containsExactly("SESSION_USER", "SYSTEM_USER");
    assertThat(functions("CURRENT_US")).isEmpty();
  }
}
