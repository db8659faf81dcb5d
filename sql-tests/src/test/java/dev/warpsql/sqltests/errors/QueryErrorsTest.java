package dev.warpsql.sqltests.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Invalid statements and failing expressions, run through JDBC on TPC-H data at SF 0.01. */
class QueryErrorsTest {
  private static WarpDatabase database;
  private static Connection connection;

  @BeforeAll
  static void loadData() throws SQLException {
    database = WarpTestDatabases.tpch(0.01);
    connection = WarpTestDatabases.connect(database);
  }

  @AfterAll
  static void closeDatabase() throws SQLException {
    connection.close();
    database.close();
  }

  @Test
  void malformedSqlNamesLineAndColumn() {
    SQLException e = queryError("SELECT l_quantity\nFROM lineitem\nWHERE AND l_tax > 0");

    assertThat(e.getMessage()).contains("line 3, column 7");
    assertThat(e.getSQLState()).isEqualTo("42601");
  }

  @Test
  void unknownTableIsNamed() {
    SQLException e = queryError("SELECT * FROM no_such_table");

    assertThat(e.getMessage()).containsIgnoringCase("no_such_table");
    assertThat(e.getSQLState()).isEqualTo("42P01");
  }

  @Test
  void unknownColumnIsNamed() {
    SQLException e = queryError("SELECT no_such_column FROM lineitem");

    assertThat(e.getMessage()).containsIgnoringCase("no_such_column");
    assertThat(e.getSQLState()).isEqualTo("42703");
  }

  @Test
  void divisionByZeroRaises22012() {
    // The divisor is zero in every row but is not a constant, so the planner cannot fold it.
    SQLException e = queryError("SELECT n_nationkey / (n_regionkey - n_regionkey) FROM nation");

    assertThat(e.getSQLState()).isEqualTo("22012");
  }

  @Test
  void decimalCastOverflowRaises22003() {
    // l_extendedprice goes up to about 100000.00, which DECIMAL(5,2) cannot hold.
    SQLException e = queryError("SELECT CAST(l_extendedprice AS DECIMAL(5,2)) FROM lineitem");

    assertThat(e.getSQLState()).isEqualTo("22003");
  }

  @Test
  void decimalMultiplicationOverflowRaises22003() {
    // About 1e5 * 1e13 = 1e18 with scale 2 is an unscaled 1e20, beyond a 64-bit DECIMAL.
    SQLException e = queryError("SELECT l_extendedprice * 10000000000000 FROM lineitem");

    assertThat(e.getSQLState()).isEqualTo("22003");
  }

  /** Runs a query to its last row and returns the SQLException it raises. */
  private static SQLException queryError(String sql) {
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> {
              try (Statement statement = connection.createStatement();
                  ResultSet resultSet = statement.executeQuery(sql)) {
                while (resultSet.next()) {
                  // Reading every row makes errors in later chunks surface too.
                }
              }
            });
    assertThat((Throwable) e).as("SQLException from %s", sql).isNotNull();
    return e;
  }
}
