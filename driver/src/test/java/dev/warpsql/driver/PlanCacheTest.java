package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.planner.prepare.PlanCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection runs a query text it planned before on the cached plan, and plans again whenever the
 * cached plan may no longer give the result that planning anew would give.
 */
class PlanCacheTest {
  @TempDir Path directory;

  private Connection connection;
  private Statement statement;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:warp:mem:;allow_path=" + directory);
    statement = connection.createStatement();
    statement.execute("CREATE TABLE t (k INTEGER, v VARCHAR(10))");
    statement.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'a')");
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void repeatedQueryReusesPlan() throws SQLException {
    String sql = "SELECT v, SUM(k) FROM t GROUP BY v ORDER BY v";
    assertThat(rows(sql)).containsExactly("a|4", "b|2");
    int plans = planCount();
    assertThat(rows(sql)).containsExactly("a|4", "b|2");
    assertThat(planCount()).isEqualTo(plans);

    statement.execute("INSERT INTO t VALUES (4, 'c')");
    assertThat(rows(sql)).containsExactly("a|4", "b|2", "c|4");
    try (PreparedStatement prepared = connection.prepareStatement(sql);
        ResultSet result = prepared.executeQuery()) {
      assertThat(result.next()).isTrue();
    }
    assertThat(planCount()).isEqualTo(plans);
  }

  @Test
  void tableDroppedAndCreatedAgainIsPlannedAgain() throws SQLException {
    String sql = "SELECT * FROM t ORDER BY k";
    assertThat(rows(sql)).containsExactly("1|a", "2|b", "3|a");

    statement.execute("DROP TABLE t");
    statement.execute("CREATE TABLE t (k VARCHAR(5), v DOUBLE, w BOOLEAN)");
    statement.execute("INSERT INTO t VALUES ('x', 1.5, TRUE)");
    assertThat(rows(sql)).containsExactly("x|1.5|true");
  }

  @Test
  void replacedViewIsPlannedAgain() throws SQLException {
    statement.execute("CREATE VIEW w AS SELECT k FROM t WHERE v = 'a'");
    String sql = "SELECT k FROM w ORDER BY k";
    assertThat(rows(sql)).containsExactly("1", "3");

    statement.execute("DROP VIEW w");
    statement.execute("CREATE VIEW w AS SELECT k FROM t WHERE v = 'b'");
    assertThat(rows(sql)).containsExactly("2");
  }

  @Test
  void fileIsReadAgainWithItsNewColumns() throws Exception {
    Path file = directory.resolve("data.csv");
    Files.writeString(file, "a,b\n1,2\n");
    String sql = "SELECT * FROM read_csv('" + file + "')";
    assertThat(rows(sql)).containsExactly("1|2");

    Files.writeString(file, "a,b,c\n1,2,x\n");
    assertThat(rows(sql)).containsExactly("1|2|x");
  }

  @Test
  void currentTimestampIsReadAtEachExecution() throws Exception {
    String sql = "SELECT CURRENT_TIMESTAMP FROM t WHERE k = 1";
    Timestamp first = timestamp(sql);
    Thread.sleep(20);
    assertThat(timestamp(sql)).isAfter(first);
  }

  @Test
  void otherDefaultSchemaPlansAgain() throws SQLException {
    statement.execute("CREATE SCHEMA other");
    statement.execute("CREATE TABLE other.t (k INTEGER, v VARCHAR(10))");
    statement.execute("INSERT INTO other.t VALUES (7, 'z')");
    String sql = "SELECT k FROM t ORDER BY k";
    assertThat(rows(sql)).containsExactly("1", "2", "3");

    connection.setSchema("other");
    assertThat(rows(sql)).containsExactly("7");
    connection.setSchema("main");
    assertThat(rows(sql)).containsExactly("1", "2", "3");
  }

  @Test
  void cachedPlanRunsInSeveralThreadsAtOnce() throws Exception {
    statement.execute("INSERT INTO t SELECT a.k * 10 + b.k, a.v FROM t a, t b, t c, t d");
    String sql = "SELECT v, COUNT(*), SUM(k) FROM t GROUP BY v ORDER BY v";
    List<String> expected = rows(sql);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        results.add(threads.submit(() -> rows(sql)));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void closedConnectionDropsItsPlans() throws SQLException {
    CalciteSchema root = root();
    rows("SELECT k FROM t");
    assertThat(PlanCache.planCount(root)).isPositive();

    connection.close();
    assertThat(PlanCache.planCount(root)).isZero();
  }

  @Test
  void planCacheOfZeroKeepsNoPlans() throws SQLException {
    try (Connection uncached = DriverManager.getConnection("jdbc:warp:mem:;plan_cache=0");
        Statement query = uncached.createStatement()) {
      query.execute("CREATE TABLE u AS SELECT * FROM (VALUES (1), (2)) AS v(x)");
      try (ResultSet result = query.executeQuery("SELECT SUM(x) FROM u")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getLong(1)).isEqualTo(3);
      }
      CalciteSchema root =
          CalciteSchema.from(uncached.unwrap(CalciteConnection.class).getRootSchema());
      assertThat(PlanCache.planCount(root)).isZero();
    }
  }

  @Test
  void invalidPlanCacheIsRejected() {
    for (String value : new String[] {"-1", "many", "100001"}) {
      assertThatThrownBy(() -> DriverManager.getConnection("jdbc:warp:mem:;plan_cache=" + value))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("invalid plan_cache '" + value + "'")
          .hasMessageContaining("from 0 (no cache) to 100000")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("22023");
    }
  }

  private int planCount() throws SQLException {
    return PlanCache.planCount(root());
  }

  private CalciteSchema root() throws SQLException {
    return CalciteSchema.from(connection.unwrap(CalciteConnection.class).getRootSchema());
  }

  private Timestamp timestamp(String sql) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getTimestamp(1);
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
