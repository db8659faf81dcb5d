package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metadata calls that DBeaver makes, in its order, when it connects and then opens a table's
 * data tab, over a remote connection; each check is a value that DBeaver shows.
 */
class ServerClientWalkTest {
  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static List<List<Object>> rows(ResultSet resultSet, String... columns)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (resultSet) {
      while (resultSet.next()) {
        List<Object> row = new ArrayList<>();
        for (String column : columns) {
          row.add(resultSet.getObject(column));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void connectWalkShowsDatabaseTree() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      DatabaseMetaData metaData = connection.getMetaData();

      assertThat(metaData.getDatabaseProductName()).isEqualTo("WarpSQL");
      assertThat(metaData.getDatabaseProductVersion()).isEqualTo("0.1.0");
      assertThat(metaData.getDriverName()).isEqualTo("WarpSQL JDBC Driver");
      assertThat(metaData.getDriverVersion()).startsWith("0.1.0");
      assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(metaData.getSearchStringEscape()).isEqualTo("\\");
      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(connection.getSchema()).isEqualTo("main");

      // Calcite's connection has no catalog name, so the one catalog row is null, as are the
      // TABLE_CAT values; DBeaver then shows schemas at the top of the tree.
      List<List<Object>> catalogs = rows(metaData.getCatalogs(), "TABLE_CAT");
      assertThat(catalogs).hasSize(1);
      Object catalog = catalogs.get(0).get(0);
      assertThat(catalog).isNull();

      assertThat(rows(metaData.getSchemas(), "TABLE_SCHEM", "TABLE_CATALOG"))
          .contains(Arrays.asList("main", catalog));

      assertThat(rows(metaData.getTableTypes(), "TABLE_TYPE"))
          .extracting(row -> row.get(0))
          .contains("TABLE", "VIEW");
      List<List<Object>> tables =
          rows(
              metaData.getTables(null, "main", "%", new String[] {"TABLE", "VIEW"}),
              "TABLE_CAT",
              "TABLE_SCHEM",
              "TABLE_NAME",
              "TABLE_TYPE");
      assertThat(tables)
          .extracting(row -> row.get(2))
          .containsExactlyInAnyOrder(
              "customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");
      assertThat(tables).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(catalog));
      assertThat(tables).allSatisfy(row -> assertThat(row.get(1)).isEqualTo("main"));
      assertThat(tables).allSatisfy(row -> assertThat(row.get(3)).isEqualTo("TABLE"));
    }
  }

  @Test
  void openTableWalkShowsColumnsAndData() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
      DatabaseMetaData metaData = connection.getMetaData();

      List<List<Object>> columns =
          rows(
              metaData.getColumns(null, "main", "nation", "%"),
              "COLUMN_NAME",
              "DATA_TYPE",
              "TYPE_NAME",
              "COLUMN_SIZE",
              "DECIMAL_DIGITS",
              "NULLABLE",
              "ORDINAL_POSITION",
              "COLUMN_DEF",
              "REMARKS",
              "IS_AUTOINCREMENT");
      assertThat(columns)
          .containsExactly(
              Arrays.asList(
                  "n_nationkey", Types.BIGINT, "BIGINT", 19, null, 0, 1, null, null, "NO"),
              Arrays.asList("n_name", Types.VARCHAR, "VARCHAR", 25, null, 0, 2, null, null, "NO"),
              Arrays.asList(
                  "n_regionkey", Types.BIGINT, "BIGINT", 19, null, 0, 3, null, null, "NO"),
              Arrays.asList(
                  "n_comment", Types.VARCHAR, "VARCHAR", 152, null, 0, 4, null, null, "NO"));

      assertThat(rows(metaData.getPrimaryKeys(null, "main", "nation"), "COLUMN_NAME")).isEmpty();
      assertThat(rows(metaData.getImportedKeys(null, "main", "nation"), "PKTABLE_NAME")).isEmpty();
      assertThat(rows(metaData.getIndexInfo(null, "main", "nation", false, true), "INDEX_NAME"))
          .isEmpty();

      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(200);
        try (ResultSet data = statement.executeQuery("SELECT * FROM \"main\".\"nation\"")) {
          ResultSetMetaData columnsOfResult = data.getMetaData();
          assertThat(columnsOfResult.getColumnCount()).isEqualTo(4);
          assertResultColumn(columnsOfResult, 1, "n_nationkey", Types.BIGINT, "BIGINT", 19, 0);
          assertResultColumn(columnsOfResult, 2, "n_name", Types.VARCHAR, "VARCHAR", 25, 0);
          assertResultColumn(columnsOfResult, 3, "n_regionkey", Types.BIGINT, "BIGINT", 19, 0);
          assertResultColumn(columnsOfResult, 4, "n_comment", Types.VARCHAR, "VARCHAR", 152, 0);

          int count = 0;
          while (data.next()) {
            count++;
            if (data.getLong(1) == 0) {
              assertThat(data.getString(2)).startsWith("ALGERIA");
              assertThat(data.getLong(3)).isZero();
            }
          }
          assertThat(count).isEqualTo(25);
        }
      }
    }
  }

  @Test
  void decimalAndDateColumnsShowScaleAndType() throws SQLException {
    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.setFetchSize(200);
      try (ResultSet data =
          statement.executeQuery(
              "SELECT o_totalprice, o_orderdate FROM \"main\".\"orders\" ORDER BY o_orderkey")) {
        ResultSetMetaData columns = data.getMetaData();
        assertResultColumn(columns, 1, "o_totalprice", Types.DECIMAL, "DECIMAL", 15, 2);
        assertResultColumn(columns, 2, "o_orderdate", Types.DATE, "DATE", 10, 0);

        int count = 0;
        while (data.next()) {
          count++;
          assertThat(data.getObject(1)).isInstanceOf(BigDecimal.class);
          assertThat(((BigDecimal) data.getObject(1)).scale()).isEqualTo(2);
          assertThat(data.getObject(2)).isInstanceOf(Date.class);
        }
        assertThat(count).isEqualTo(15_000);
      }
    }
  }

  private static void assertResultColumn(
      ResultSetMetaData columns,
      int index,
      String label,
      int type,
      String typeName,
      int precision,
      int scale)
      throws SQLException {
    assertThat(columns.getColumnLabel(index)).as("label of column %s", index).isEqualTo(label);
    assertThat(columns.getColumnName(index)).as("name of column %s", index).isEqualTo(label);
    assertThat(columns.getColumnType(index)).as("type of %s", label).isEqualTo(type);
    assertThat(columns.getColumnTypeName(index)).as("type name of %s", label).isEqualTo(typeName);
    assertThat(columns.getPrecision(index)).as("precision of %s", label).isEqualTo(precision);
    assertThat(columns.getScale(index)).as("scale of %s", label).isEqualTo(scale);
    assertThat(columns.getColumnClassName(index)).as("class of %s", label).isNotBlank();
  }
}
