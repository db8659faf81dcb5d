package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.warpsql.kernels.cuda.DeviceProbe;
import dev.warpsql.kernels.cuda.JCudaDevice;
import dev.warpsql.planner.exec.WarpRuntime;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded driver through plain JDBC calls, over TPC-H at scale factor 0.01. */
class WarpDriverTest {
  private static final String URL = "jdbc:warp:mem:driver-test";

  private static Connection connection;

  @BeforeAll
  static void connect() throws SQLException {
    Properties info = new Properties();
    info.setProperty("tpch", "0.01");
    connection = DriverManager.getConnection(URL, info);
  }

  @AfterAll
  static void close() throws SQLException {
    connection.close();
    WarpDatabase.named("driver-test").close();
  }

  private static List<List<Object>> rows(ResultSet resultSet) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    int columns = resultSet.getMetaData().getColumnCount();
    while (resultSet.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= columns; i++) {
        row.add(resultSet.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<List<Object>> query(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return rows(resultSet);
    }
  }

  @Test
  void otherUrlsAreNotAccepted() throws SQLException {
    assertThat(new WarpDriver().connect("jdbc:postgresql://localhost/x", new Properties()))
        .isNull();
  }

  @Test
  void unknownWarpUrlNamesTheFix() {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:disk:/tmp/x"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("jdbc:warp:mem:")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("08001");
  }

  @Test
  void namedDatabaseIsSharedAndNotReloaded() throws SQLException {
    Properties info = new Properties();
    info.setProperty("tpch", "0.01");
    try (Connection second = DriverManager.getConnection(URL, info);
        Statement statement = second.createStatement();
        ResultSet resultSet = statement.executeQuery("SELECT COUNT(*) FROM lineitem")) {
      assertThat(resultSet.next()).isTrue();
      assertThat(resultSet.getLong(1)).isEqualTo(60175);
    }
  }

  @Test
  void privateDatabaseClosesWithItsConnection() throws SQLException {
    Connection ownConnection = DriverManager.getConnection("jdbc:warp:mem:");
    String id =
        ownConnection
            .unwrap(org.apache.calcite.jdbc.CalciteConnection.class)
            .getProperties()
            .getProperty("warp.database");
    assertThat(WarpDatabase.byId(id)).isNotNull();

    ownConnection.close();

    assertThat(WarpDatabase.byId(id)).isNull();
  }

  @Test
  void unquotedNamesFoldToLowerCase() throws SQLException {
    assertThat(query("SELECT COUNT(*) FROM LineItem WHERE L_ORDERKEY = 1"))
        .containsExactly(List.of(6L));
    assertThatThrownBy(() -> query("SELECT COUNT(*) FROM \"LINEITEM\""))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("42P01");
  }

  @Test
  void preparedStatementReusesItsKernels() throws SQLException {
    String sql =
        "SELECT COUNT(*), SUM(l_quantity) FROM lineitem "
            + "WHERE l_shipdate < ? AND l_discount >= ? AND l_returnflag = ?";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setDate(1, Date.valueOf("1995-01-01"));
      statement.setBigDecimal(2, new BigDecimal("0.05"));
      statement.setString(3, "R");
      List<List<Object>> first = rows(statement.executeQuery());
      long compilations = WarpRuntime.cpuBackend().compilationCount();

      statement.setDate(1, Date.valueOf("1993-01-01"));
      statement.setBigDecimal(2, new BigDecimal("0.09"));
      statement.setString(3, "A");
      List<List<Object>> second = rows(statement.executeQuery());

      assertThat(WarpRuntime.cpuBackend().compilationCount()).isEqualTo(compilations);
      assertThat(first)
          .isEqualTo(
              query(
                  "SELECT COUNT(*), SUM(l_quantity) FROM lineitem "
                      + "WHERE l_shipdate < DATE '1995-01-01' AND l_discount >= 0.05 "
                      + "AND l_returnflag = 'R'"));
      assertThat(second)
          .isEqualTo(
              query(
                  "SELECT COUNT(*), SUM(l_quantity) FROM lineitem "
                      + "WHERE l_shipdate < DATE '1993-01-01' AND l_discount >= 0.09 "
                      + "AND l_returnflag = 'A'"));
      assertThat(first).isNotEqualTo(second);
    }
  }

  @Test
  void limitFromParameter() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT l_orderkey FROM lineitem ORDER BY l_orderkey DESC LIMIT ?")) {
      statement.setInt(1, 2);
      assertThat(rows(statement.executeQuery())).hasSize(2);
    }
  }

  @Test
  void aggregateOverNoRowsReturnsOneRow() throws SQLException {
    List<List<Object>> rows =
        query("SELECT COUNT(*), SUM(l_quantity), MIN(l_shipdate) FROM lineitem WHERE 1 = 0");

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isEqualTo(0L);
    assertThat(rows.get(0).get(1)).isNull();
    assertThat(rows.get(0).get(2)).isNull();
  }

  @Test
  void decimalAndDateColumnsKeepTheirJdbcTypes() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet =
            statement.executeQuery(
                "SELECT l_extendedprice, l_shipdate FROM lineitem WHERE l_orderkey = 1 "
                    + "ORDER BY l_linenumber LIMIT 1")) {
      assertThat(resultSet.next()).isTrue();
      assertThat(resultSet.getObject(1)).isInstanceOf(BigDecimal.class);
      assertThat(resultSet.getBigDecimal(1).scale()).isEqualTo(2);
      assertThat(resultSet.getMetaData().getPrecision(1)).isEqualTo(15);
      assertThat(resultSet.getMetaData().getScale(1)).isEqualTo(2);
      assertThat(resultSet.getDate(2).toLocalDate().getYear()).isBetween(1992, 1998);
    }
  }

  @Test
  void fallbackIsVisibleInExplain() throws SQLException {
    String sql =
        "SELECT l_returnflag || CAST(l_linenumber AS VARCHAR) FROM lineitem WHERE l_orderkey = 1";
    List<List<Object>> plan = query("EXPLAIN PLAN FOR " + sql);
    String text = plan.get(0).get(0).toString();

    assertThat(text)
        .contains("EnumerableCalc")
        .contains("WarpToEnumerableConverter")
        .contains("WarpFromEnumerable");
    assertThat(query(sql))
        .hasSize(6)
        .allSatisfy(row -> assertThat(row.get(0).toString()).hasSize(2));
  }

  @Test
  void metadataListsTablesAndDecimalColumns() throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet resultSet = metaData.getTables(null, "main", "%", null)) {
      while (resultSet.next()) {
        tables.add(resultSet.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("lineitem", "orders", "region");

    try (ResultSet columns = metaData.getColumns(null, "main", "lineitem", "l_tax")) {
      assertThat(columns.next()).isTrue();
      assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(15);
      assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(2);
    }
  }

  @Test
  void gpuDeviceWithoutGpuIsRejectedWithTheFix() {
    DeviceProbe probe = JCudaDevice.probe();
    assumeFalse(probe.available(), "this machine has a GPU: " + probe.detail());
    Properties info = new Properties();
    info.setProperty("device", "gpu");

    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("device=gpu is not available")
        .hasMessageContaining(probe.detail())
        .hasMessageContaining("device=cpu")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("58000");
  }

  @Test
  void ptxSimWithoutTestJarIsRejected() {
    Properties info = new Properties();
    info.setProperty("device", "ptx-sim");

    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("device=ptx-sim is not available")
        .hasMessageContaining("test jar of warpsql-kernels")
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("58000");
  }

  @Test
  void explainListsSortKeysAndDevice() throws SQLException {
    try (Connection cpu = DriverManager.getConnection(URL + ";device=cpu");
        Statement statement = cpu.createStatement();
        ResultSet plan =
            statement.executeQuery(
                "EXPLAIN PLAN FOR SELECT r_name, r_regionkey FROM region"
                    + " ORDER BY r_name DESC, r_regionkey NULLS FIRST")) {
      assertThat(plan.next()).isTrue();
      assertThat(plan.getString(1))
          .contains("sort1: order by r_name DESC NULLS FIRST, r_regionkey NULLS FIRST [on cpu]");
    }
  }

  @Test
  void explainKeepsProjectionAfterSortOnCpu() throws SQLException {
    try (Connection cpu = DriverManager.getConnection(URL + ";device=cpu");
        Statement statement = cpu.createStatement();
        ResultSet plan =
            statement.executeQuery(
                "EXPLAIN PLAN FOR SELECT r_regionkey + 1, r_name || r_comment FROM region"
                    + " ORDER BY r_name LIMIT 3")) {
      assertThat(plan.next()).isTrue();
      assertThat(plan.getString(1))
          .contains("-> materialize [on cpu, keeps the order of the sort]");
    }
  }

  @Test
  void autoDeviceWithoutGpuRunsOnCpu() throws SQLException {
    assumeFalse(JCudaDevice.probe().available(), "this machine has a GPU");

    try (Connection auto = DriverManager.getConnection(URL + ";device=AUTO");
        Statement statement = auto.createStatement();
        ResultSet plan =
            statement.executeQuery(
                "EXPLAIN PLAN FOR SELECT COUNT(*) FROM region WHERE r_regionkey > 1")) {
      assertThat(plan.next()).isTrue();
      assertThat(plan.getString(1)).contains("-> aggregate [on cpu]").doesNotContain("fallback");
    }
  }

  @Test
  void unknownDeviceIsRejected() {
    Properties info = new Properties();
    info.setProperty("device", "tpu");

    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:", info))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("tpu");
  }

  @Test
  void parameterThatDoesNotFitItsTypeIsRejected() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM lineitem WHERE l_quantity = ?")) {
      statement.setBigDecimal(1, new BigDecimal("17.001"));

      assertThatThrownBy(statement::executeQuery)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("17.001")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22018");
    }
  }

  @Test
  void stringParameterIsNotCutToColumnLength() throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT COUNT(*) FROM lineitem WHERE l_returnflag = ?")) {
      statement.setString(1, "RX");

      assertThat(rows(statement.executeQuery())).containsExactly(List.of(0L));
    }
  }

  @Test
  void constantOverflowRaisesInsteadOfWrapping() {
    assertThatThrownBy(() -> query("SELECT CAST(9223372036854775807 AS BIGINT) + 1 FROM region"))
        .isInstanceOf(SQLException.class)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo("22003");
  }

  @Test
  void fractionalLimitRoundsHalfUp() throws SQLException {
    assertThat(query("SELECT COUNT(*) FROM (SELECT l_orderkey FROM lineitem LIMIT 1.5)"))
        .containsExactly(List.of(2L));
  }

  @Test
  void queryTimeoutStopsRunningKernels() throws SQLException {
    String crossJoin =
        "SELECT COUNT(*) FROM lineitem a, lineitem b WHERE a.l_orderkey + b.l_orderkey = -1";
    try (Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.nanoTime();

      assertThatThrownBy(() -> statement.executeQuery(crossJoin))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("57014");
      long elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(elapsedSeconds).isLessThan(30);
    }
  }
}
