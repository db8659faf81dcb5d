package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Queries over the {@code metadata} schema, Calcite's catalog tables, whose rows are Java objects
 * rather than arrays; DBeaver lists the schema beside {@code main}.
 */
class MetadataSchemaTest {
  @Test
  void selectStarFromTablesListsUserTables() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INTEGER, note VARCHAR(20))");

      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("SELECT * FROM \"metadata\".\"TABLES\"")) {
        assertThat(rows.getMetaData().getColumnCount()).isGreaterThan(3);
        while (rows.next()) {
          tables.add(rows.getString("tableSchem") + "." + rows.getString("tableName"));
        }
      }
      assertThat(tables).contains("main.orders");
    }
  }

  @Test
  void selectStarFromColumnsListsColumns() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id INTEGER, note VARCHAR(20))");

      List<String> columns = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT * FROM \"metadata\".\"COLUMNS\" WHERE \"tableName\" = 'orders'")) {
        while (rows.next()) {
          columns.add(rows.getString("columnName"));
        }
      }
      assertThat(columns).containsExactlyInAnyOrder("id", "note");
    }
  }
}
