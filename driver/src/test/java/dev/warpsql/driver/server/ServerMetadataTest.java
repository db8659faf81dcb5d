package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDBC metadata that SQL clients read, over a remote connection to a real server. */
class ServerMetadataTest {
  private static WarpServer server;
  private static Connection connection;
  private static DatabaseMetaData metaData;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01));
    connection = DriverManager.getConnection(server.jdbcUrl());
    metaData = connection.getMetaData();
  }

  @AfterAll
  static void stopServer() throws SQLException {
    connection.close();
    server.close();
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

  @Test
  void productNameAndVersion() throws SQLException {
    assertThat(metaData.getDatabaseProductName()).isEqualTo("WarpSQL");
    assertThat(metaData.getDatabaseProductVersion()).isEqualTo("0.1.0");
    assertThat(metaData.getDriverName()).isEqualTo("WarpSQL JDBC Driver");
  }

  @Test
  void identifierQuoteAndSearchEscape() throws SQLException {
    assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
    assertThat(metaData.getSearchStringEscape()).isEqualTo("\\");
  }

  @Test
  void keywordAndFunctionListsLoad() throws SQLException {
    assertThat(metaData.getSQLKeywords()).isNotNull();
    assertThat(metaData.getNumericFunctions()).isNotNull();
    assertThat(metaData.getStringFunctions()).isNotNull();
    assertThat(metaData.getSystemFunctions()).isNotNull();
    assertThat(metaData.getTimeDateFunctions()).isNotNull();
  }

  @Test
  void catalogsAndSchemas() throws SQLException {
    assertThat(column(metaData.getCatalogs(), "TABLE_CAT")).isNotEmpty();
    assertThat(column(metaData.getSchemas(), "TABLE_SCHEM")).contains("main");
    assertThat(column(metaData.getSchemas(null, "ma%"), "TABLE_SCHEM")).containsExactly("main");
  }

  @Test
  void tablesHonourPatternsAndStandardTypes() throws SQLException {
    assertThat(column(metaData.getTables(null, "main", "%", null), "TABLE_NAME"))
        .contains("lineitem", "orders", "region");
    assertThat(column(metaData.getTables(null, "main", "%", null), "TABLE_TYPE"))
        .containsOnly("TABLE");
    assertThat(column(metaData.getTables(null, "main", "line%", null), "TABLE_NAME"))
        .containsExactly("lineitem");
    assertThat(column(metaData.getTables(null, "main", "%", new String[] {"TABLE"}), "TABLE_NAME"))
        .contains("lineitem");
  }

  @Test
  void escapedPatternsMatchLiterally() throws SQLException {
    assertThat(column(metaData.getColumns(null, "main", "lineitem", "l\\_orderkey"), "COLUMN_NAME"))
        .containsExactly("l_orderkey");
    assertThat(column(metaData.getColumns(null, "main", "lineitem", "l\\%"), "COLUMN_NAME"))
        .isEmpty();
    assertThat(column(metaData.getTables(null, "ma\\%", "%", null), "TABLE_NAME")).isEmpty();
  }

  @Test
  void columnsCarryTypesSizesAndNullability() throws SQLException {
    Map<String, Map<String, Object>> columns = new HashMap<>();
    try (ResultSet rows = metaData.getColumns(null, "main", "lineitem", "%")) {
      while (rows.next()) {
        Map<String, Object> column = new HashMap<>();
        for (String name :
            List.of(
                "DATA_TYPE",
                "TYPE_NAME",
                "COLUMN_SIZE",
                "DECIMAL_DIGITS",
                "NULLABLE",
                "ORDINAL_POSITION",
                "IS_AUTOINCREMENT",
                "IS_GENERATEDCOLUMN",
                "NUM_PREC_RADIX",
                "CHAR_OCTET_LENGTH",
                "IS_NULLABLE")) {
          column.put(name, rows.getObject(name));
        }
        columns.put(rows.getString("COLUMN_NAME"), column);
      }
    }
    assertThat(columns).hasSize(16);

    Map<String, Object> price = columns.get("l_extendedprice");
    assertThat(price.get("DATA_TYPE")).isEqualTo(Types.DECIMAL);
    assertThat(price.get("TYPE_NAME")).isEqualTo("DECIMAL");
    assertThat(price.get("COLUMN_SIZE")).isEqualTo(15);
    assertThat(price.get("DECIMAL_DIGITS")).isEqualTo(2);
    assertThat(price.get("NUM_PREC_RADIX")).isEqualTo(10);
    assertThat(price.get("NULLABLE")).isEqualTo(DatabaseMetaData.columnNoNulls);
    assertThat(price.get("IS_NULLABLE")).isEqualTo("NO");
    assertThat(price.get("IS_AUTOINCREMENT")).isEqualTo("NO");
    assertThat(price.get("IS_GENERATEDCOLUMN")).isEqualTo("NO");

    Map<String, Object> comment = columns.get("l_comment");
    assertThat(comment.get("DATA_TYPE")).isEqualTo(Types.VARCHAR);
    assertThat(comment.get("COLUMN_SIZE")).isEqualTo(44);
    assertThat(comment.get("CHAR_OCTET_LENGTH")).isNotNull();
    assertThat(comment.get("DECIMAL_DIGITS")).isNull();

    Map<String, Object> shipdate = columns.get("l_shipdate");
    assertThat(shipdate.get("DATA_TYPE")).isEqualTo(Types.DATE);
    assertThat(shipdate.get("ORDINAL_POSITION")).isEqualTo(11);
  }

  @Test
  void identifierCaseMatchesEmbedded() throws SQLException {
    try (Connection embedded = DriverManager.getConnection("jdbc:warp:mem:")) {
      DatabaseMetaData expected = embedded.getMetaData();

      assertThat(metaData.storesUpperCaseIdentifiers())
          .isEqualTo(expected.storesUpperCaseIdentifiers());
      assertThat(metaData.storesLowerCaseIdentifiers())
          .isEqualTo(expected.storesLowerCaseIdentifiers());
      assertThat(metaData.storesMixedCaseIdentifiers())
          .isEqualTo(expected.storesMixedCaseIdentifiers());
      assertThat(metaData.supportsMixedCaseIdentifiers())
          .isEqualTo(expected.supportsMixedCaseIdentifiers());
      assertThat(metaData.supportsMixedCaseQuotedIdentifiers())
          .isEqualTo(expected.supportsMixedCaseQuotedIdentifiers());
      assertThat(metaData.storesUpperCaseQuotedIdentifiers())
          .isEqualTo(expected.storesUpperCaseQuotedIdentifiers());
      assertThat(metaData.storesLowerCaseQuotedIdentifiers())
          .isEqualTo(expected.storesLowerCaseQuotedIdentifiers());
      assertThat(metaData.storesMixedCaseQuotedIdentifiers())
          .isEqualTo(expected.storesMixedCaseQuotedIdentifiers());
    }
  }

  @Test
  void urlNamesServer() throws SQLException {
    String url = metaData.getURL();

    assertThat(url).startsWith("jdbc:warp:remote:url=http://");
    assertThat(server.jdbcUrl()).contains(url.substring("jdbc:warp:remote:".length()));
  }

  @Test
  void typeInfoAgreesWithColumns() throws SQLException {
    Map<String, Integer> typeInfo = new HashMap<>();
    try (ResultSet rows = metaData.getTypeInfo()) {
      while (rows.next()) {
        typeInfo.put(rows.getString("TYPE_NAME"), rows.getInt("DATA_TYPE"));
      }
    }
    try (ResultSet rows = metaData.getColumns(null, "main", "%", "%")) {
      while (rows.next()) {
        String typeName = rows.getString("TYPE_NAME");
        assertThat(typeInfo).as("getTypeInfo entry for %s", typeName).containsKey(typeName);
        assertThat(typeInfo.get(typeName))
            .as("DATA_TYPE of %s", typeName)
            .isEqualTo(rows.getInt("DATA_TYPE"));
      }
    }
  }

  @Test
  void keysAndIndexesAreEmpty() throws SQLException {
    assertThat(column(metaData.getPrimaryKeys(null, "main", "lineitem"), "COLUMN_NAME")).isEmpty();
    assertThat(column(metaData.getImportedKeys(null, "main", "lineitem"), "PKCOLUMN_NAME"))
        .isEmpty();
    assertThat(column(metaData.getExportedKeys(null, "main", "orders"), "FKCOLUMN_NAME")).isEmpty();
    assertThat(column(metaData.getIndexInfo(null, "main", "lineitem", false, true), "INDEX_NAME"))
        .isEmpty();
  }

  @Test
  void connectionSettingsAreHarmless() throws SQLException {
    connection.setReadOnly(true);
    connection.setReadOnly(false);
    connection.setAutoCommit(true);
    assertThat(connection.getAutoCommit()).isTrue();
    connection.commit();
    connection.rollback();
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    connection.getTransactionIsolation();
    connection.setHoldability(java.sql.ResultSet.HOLD_CURSORS_OVER_COMMIT);
    assertThat(connection.isValid(5)).isTrue();
  }

  @Test
  void schemaCanBeReadAndChanged() throws SQLException {
    try (Connection other = DriverManager.getConnection(server.jdbcUrl())) {
      assertThat(other.getSchema()).isEqualTo("main");
      other.setSchema("metadata");
      assertThat(other.getSchema()).isEqualTo("metadata");
      try (Statement statement = other.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"TABLES\"")) {
        assertThat(rows.next()).isTrue();
      }
      other.setSchema("main");
      try (Statement statement = other.createStatement();
          ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM region")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(5L);
      }
    }
  }

  @Test
  void clientProbesRun() throws SQLException {
    try (Statement statement =
            connection.createStatement(
                ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY,
                ResultSet.HOLD_CURSORS_OVER_COMMIT);
        ResultSet rows =
            statement.executeQuery("SELECT TRUE AS _ FROM main.region WHERE 1 <> 1 LIMIT 0")) {
      assertThat(rows.next()).isFalse();
      assertThat((Object) statement.getWarnings()).isNull();
    }
  }

  @Test
  void resultSetMetaDataHasLabelsAndPrecision() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT r_name AS region_name, r_regionkey FROM main.region LIMIT 1")) {
      ResultSetMetaData columns = rows.getMetaData();
      assertThat(columns.getColumnLabel(1)).isEqualTo("region_name");
      assertThat(columns.getColumnName(1)).isNotNull();
      assertThat(columns.getColumnTypeName(2)).isEqualTo("BIGINT");
      assertThat(columns.getPrecision(1)).isEqualTo(25);
    }
  }
}
