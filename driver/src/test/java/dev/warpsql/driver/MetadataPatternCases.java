package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JDBC pattern rules of getSchemas, getTables and getColumns, on names that contain {@code _} and
 * {@code %}. Subclasses supply the connection, embedded or remote, after {@link #createObjects}.
 */
public abstract class MetadataPatternCases {
  /** Returns an open connection to a database on which {@link #createObjects} ran. */
  protected abstract Connection connection();

  /** Creates the schemas, tables and columns that the cases look for. */
  protected static void createObjects(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String schema : List.of("sales_2024", "salesx2024", "pct%schema")) {
        statement.execute("CREATE SCHEMA \"" + schema + "\"");
      }
      statement.execute(
          "CREATE TABLE \"sales_2024\".\"order_line\" "
              + "(\"a_b\" INT, \"axb\" INT, \"a%b\" INT, \"ab\" INT)");
      for (String table : List.of("orderxline", "order%line", "orders")) {
        statement.execute("CREATE TABLE \"sales_2024\".\"" + table + "\" (x INT)");
      }
    }
  }

  private DatabaseMetaData metaData() throws SQLException {
    return connection().getMetaData();
  }

  private static List<String> column(ResultSet rows, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        values.add(rows.getString(name));
      }
    }
    return values;
  }

  private List<String> schemas(String pattern) throws SQLException {
    return column(metaData().getSchemas(null, pattern), "TABLE_SCHEM");
  }

  private List<String> tables(String pattern) throws SQLException {
    return column(metaData().getTables(null, "sales\\_2024", pattern, null), "TABLE_NAME");
  }

  private List<String> columns(String pattern) throws SQLException {
    return column(
        metaData().getColumns(null, "sales\\_2024", "order\\_line", pattern), "COLUMN_NAME");
  }

  @Test
  void underscoreMatchesOneCharacterInSchemas() throws SQLException {
    assertThat(schemas("sales_2024")).containsExactly("sales_2024", "salesx2024");
    assertThat(schemas("sale_")).isEmpty();
    assertThat(schemas("_ain")).containsExactly("main");
  }

  @Test
  void escapedUnderscoreMatchesOnlyUnderscore() throws SQLException {
    assertThat(schemas("sales\\_2024")).containsExactly("sales_2024");
    assertThat(tables("order\\_line")).containsExactly("order_line");
    assertThat(columns("a\\_b")).containsExactly("a_b");
  }

  @Test
  void percentMatchesAnyRun() throws SQLException {
    assertThat(schemas("sales%")).containsExactly("sales_2024", "salesx2024");
    assertThat(tables("order%"))
        .containsExactlyInAnyOrder("order_line", "orderxline", "order%line", "orders");
    assertThat(columns("a%b")).containsExactly("a_b", "axb", "a%b", "ab");
    assertThat(columns("%")).hasSize(4);
  }

  @Test
  void escapedPercentMatchesOnlyPercent() throws SQLException {
    assertThat(schemas("pct\\%schema")).containsExactly("pct%schema");
    assertThat(tables("order\\%line")).containsExactly("order%line");
    assertThat(columns("a\\%b")).containsExactly("a%b");
  }

  @Test
  void underscoreMatchesUnderscoreAndPercentInNames() throws SQLException {
    assertThat(tables("order_line"))
        .containsExactlyInAnyOrder("order_line", "orderxline", "order%line");
    assertThat(tables("order_")).containsExactly("orders");
    assertThat(columns("a_b")).containsExactly("a_b", "axb", "a%b");
    assertThat(columns("_")).isEmpty();
  }

  @Test
  void nullPatternMatchesEverything() throws SQLException {
    assertThat(schemas(null)).contains("main", "sales_2024", "salesx2024", "pct%schema");
    assertThat(column(metaData().getTables(null, null, null, null), "TABLE_NAME"))
        .contains("order_line", "orders");
  }
}
