package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.driver.cli.WarpMain;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Databases in a directory: what survives a restart, a second process, and a crash. */
class DirectoryDatabaseTest {
  /**
   * Rows of the first load, 16 chunks of 65,536. Their commit takes about 0.25 s, estimated from 31
   * chunks that took 0.5 s on a shared 2-core machine, so a kill at the first chunk file lands
   * before the manifest is renamed.
   */
  private static final int FIRST_LOAD_ROWS = 1_000_000;

  @TempDir Path directory;

  @TempDir Path scratch;

  private String url() {
    return "jdbc:warp:file:" + directory;
  }

  @Test
  void everyTypeSurvivesRestart() throws SQLException {
    List<String> before;
    try (Connection connection = DriverManager.getConnection(url())) {
      execute(
          connection,
          "CREATE TABLE every_type (b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER NOT NULL,"
              + " bi BIGINT, r REAL, d DOUBLE, amount DECIMAL(18, 4), dt DATE, tm TIME,"
              + " ts TIMESTAMP, s VARCHAR, s5 VARCHAR(5))");
      execute(
          connection,
          "INSERT INTO every_type VALUES"
              + " (TRUE, 127, -32768, 1, 9223372036854775807, 1.5, -2.25, 12345678901234.5678,"
              + " DATE '2024-02-29', TIME '23:59:59', TIMESTAMP '2024-02-29 12:34:56.123456',"
              + " 'hello', 'five5'),"
              + " (NULL, NULL, NULL, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
      execute(connection, "CREATE VIEW positive AS SELECT i, s FROM every_type WHERE bi > 0");
      before = rows(connection, "SELECT * FROM every_type ORDER BY i");
    }

    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT * FROM every_type ORDER BY i")).isEqualTo(before);
      assertThat(rows(connection, "SELECT * FROM positive")).containsExactly("1|hello");
      String nullIds =
          "INSERT INTO every_type (i) SELECT CASE WHEN i > 9 THEN i END FROM every_type";
      assertThatThrownBy(() -> execute(connection, nullIds))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("23502");
    }
  }

  @Test
  void changesAndDropsSurviveRestart() throws SQLException {
    try (Connection connection = DriverManager.getConnection(url())) {
      execute(connection, "CREATE SCHEMA sales");
      execute(connection, "CREATE TABLE sales.t (id INTEGER, name VARCHAR)");
      execute(connection, "INSERT INTO sales.t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
      execute(connection, "UPDATE sales.t SET name = 'z' WHERE id = 2");
      execute(connection, "DELETE FROM sales.t WHERE id = 3");
      execute(connection, "CREATE TABLE sales.gone AS SELECT * FROM sales.t");
      execute(connection, "DROP TABLE sales.gone");
    }
    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT id, name FROM sales.t ORDER BY id"))
          .containsExactly("1|a", "2|z");
      assertThatThrownBy(() -> rows(connection, "SELECT * FROM sales.gone"))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void connectionsOfOneProcessShareTheDatabase() throws SQLException {
    try (Connection first = DriverManager.getConnection(url());
        Connection second = DriverManager.getConnection(url())) {
      execute(first, "CREATE TABLE t (id INTEGER)");
      execute(first, "INSERT INTO t VALUES (7)");
      assertThat(rows(second, "SELECT id FROM t")).containsExactly("7");
    }
  }

  @Test
  void deleteAndUpdateRewriteOnlyAffectedChunks() throws Exception {
    try (Connection connection = DriverManager.getConnection(url())) {
      execute(connection, "CREATE TABLE t (id INTEGER NOT NULL, v VARCHAR)");
      execute(connection, "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
      // Doubling 15 times makes 131,072 rows with distinct ids, in several chunks.
      for (int i = 0; i < 15; i++) {
        execute(connection, "INSERT INTO t SELECT id + (SELECT MAX(id) FROM t), v FROM t");
      }
      Set<String> before = chunkFiles();
      assertThat(before).hasSizeGreaterThan(1);

      execute(connection, "DELETE FROM t WHERE id = 70000");
      Set<String> afterDelete = chunkFiles();
      assertThat(difference(afterDelete, before)).hasSize(1);
      assertThat(difference(before, afterDelete)).hasSize(1);

      execute(connection, "UPDATE t SET v = 'z' WHERE id = 3");
      Set<String> afterUpdate = chunkFiles();
      assertThat(difference(afterUpdate, afterDelete)).hasSize(1);

      assertThat(rows(connection, "SELECT COUNT(*), SUM(id), COUNT(DISTINCT id) FROM t"))
          .containsExactly("131071|" + (131072L * 131073 / 2 - 70000) + "|131071");
      assertThat(rows(connection, "SELECT v FROM t WHERE id IN (3, 70000, 70001)"))
          .containsExactlyInAnyOrder("z", "a");
    }
    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT COUNT(*), COUNT(*) FILTER (WHERE v = 'z') FROM t"))
          .containsExactly("131071|1");
    }
  }

  /** Returns the names of the chunk files in the database directory. */
  private Set<String> chunkFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("data"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith("chunk-"))
          .collect(Collectors.toSet());
    }
  }

  private static Set<String> difference(Set<String> from, Set<String> without) {
    Set<String> left = new HashSet<>(from);
    left.removeAll(without);
    return left;
  }

  @Test
  void secondProcessIsRejectedWhileFirstHasIt() throws Exception {
    Process writer = startWriter();
    try {
      new WriterProgress(writer).awaitFirstCommit();
      assertThatThrownBy(() -> DriverManager.getConnection(url()))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("is open in another process")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("55P03");
    } finally {
      writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Kills a writer that alternates INSERTs and COPY loads at random moments, 20 times unless the
   * system property {@code warp.crash.rounds} sets another count. After each kill the reopened
   * database contains whole statements only, and every statement the writer reported as committed.
   */
  @Test
  void killedWriterLeavesWholeStatements() throws Exception {
    int rounds = Integer.getInteger("warp.crash.rounds", 20);
    long seed = Long.getLong("warp.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    int reportedBatches = 0;
    int reportedLoads = 0;
    for (int round = 1; round <= rounds; round++) {
      String context = "round " + round + " of seed " + seed;
      Process writer = startWriter();
      try {
        WriterProgress progress = new WriterProgress(writer);
        progress.awaitFirstCommit();
        // A kill at a random moment after the first commit lands anywhere in a later statement:
        // while it evaluates, writes chunk files, or swaps the manifest.
        Thread.sleep(random.nextInt(400));
        writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        progress.awaitEnd();
        reportedBatches = Math.max(reportedBatches, progress.lastBatch + 1);
        reportedLoads += progress.loads;
      } finally {
        writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }

      try (Connection connection = DriverManager.getConnection(url())) {
        checkBatches(connection, reportedBatches, context);
        reportedLoads = checkLoads(connection, reportedLoads, context);
      }
    }
  }

  /**
   * Kills {@code warp load} into a new directory while its first commit writes chunk files. The
   * directory then opens as an empty database, and opening removes the chunk files.
   */
  @Test
  void killedFirstLoadLeavesEmptyDatabase() throws Exception {
    killFirstLoad();

    assertThat(directory.resolve("manifest.json")).as("initial manifest").isRegularFile();
    assertThat(dataFiles()).as("chunk files after the kill").isNotEmpty();
    checkEmptyAndUsable();
  }

  /**
   * As {@link #killedFirstLoadLeavesEmptyDatabase}, but without the empty manifest that opening a
   * new directory writes: data files and no manifest at all. The store cannot tell them from a
   * database whose manifest was deleted, so it rejects the directory and keeps every file.
   */
  @Test
  void dataFilesWithoutManifestAreRejectedAndKept() throws Exception {
    killFirstLoad();
    Files.deleteIfExists(directory.resolve("manifest.json"));
    List<Path> before = dataFiles();
    assertThat(before).as("chunk files after the kill").isNotEmpty();

    assertThatThrownBy(() -> DriverManager.getConnection(url()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("data files but no manifest.json");
    assertThat(dataFiles()).containsExactlyInAnyOrderElementsOf(before);
  }

  /**
   * Starts {@code warp load} of a CSV file into a new table of the new directory, and kills it with
   * SIGKILL ({@code destroyForcibly} on Linux) as soon as the first chunk file appears, while the
   * commit still writes the others.
   */
  private void killFirstLoad() throws Exception {
    Path csv = writeFirstLoadFile();
    Path log = scratch.resolve("load.log");
    ProcessBuilder builder =
        javaProcess(
            WarpMain.class,
            "load",
            "--data",
            directory.toString(),
            "--header",
            "big",
            csv.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Process loader = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (!hasChunkFile()) {
        assertThat(loader.isAlive())
            .as("loader running before its first chunk file: %s", readLog(log))
            .isTrue();
        assertThat(System.nanoTime()).as("first chunk file in time").isLessThan(deadline);
        Thread.sleep(1);
      }
      loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } finally {
      loader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    Path manifest = directory.resolve("manifest.json");
    if (Files.exists(manifest)) {
      assertThat(Files.readString(manifest))
          .as("manifest after the kill, which came before the commit point")
          .doesNotContain("\"big\"");
    }
  }

  /** Checks that the database has no table big and no data files, and that it commits. */
  private void checkEmptyAndUsable() throws SQLException, IOException {
    try (Connection connection = DriverManager.getConnection(url())) {
      assertThatThrownBy(() -> rows(connection, "SELECT COUNT(*) FROM big"))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("42P01");
      assertThat(dataFiles()).as("data files after reopening").isEmpty();
      execute(connection, "CREATE TABLE t AS SELECT * FROM (VALUES (1), (2)) AS v(id)");
    }
    try (Connection connection = DriverManager.getConnection(url())) {
      assertThat(rows(connection, "SELECT SUM(id) FROM t")).containsExactly("3");
    }
  }

  /** Writes a CSV file whose load commits enough chunk files to take a while. */
  private Path writeFirstLoadFile() throws IOException {
    Path csv = scratch.resolve("big.csv");
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write("id,v\n");
      for (int line = 0; line < FIRST_LOAD_ROWS; line++) {
        out.write(line + "," + (line * 7_919L) + "\n");
      }
    }
    return csv;
  }

  private boolean hasChunkFile() throws IOException {
    Path data = directory.resolve("data");
    if (!Files.isDirectory(data)) {
      return false;
    }
    try (Stream<Path> files = Files.list(data)) {
      return files.anyMatch(file -> file.getFileName().toString().startsWith("chunk-"));
    }
  }

  private List<Path> dataFiles() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("data"))) {
      return files.toList();
    }
  }

  private static String readLog(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * Checks that {@code batches} contains batches 0 to n-1, each whole, with n at least reported.
   */
  private static void checkBatches(Connection connection, int reported, String context)
      throws SQLException {
    String[] figures =
        rows(
                connection,
                "SELECT COUNT(*), COUNT(DISTINCT batch), COALESCE(MIN(batch), 0),"
                    + " COALESCE(MAX(batch), -1), COALESCE(SUM(seq), 0), COUNT(tag) FROM batches")
            .get(0)
            .split("\\|");
    long count = Long.parseLong(figures[0]);
    long batches = Long.parseLong(figures[1]);
    int perBatch = DirectoryWriterProcess.ROWS_PER_BATCH;
    assertThat(count).as("rows of batches, %s", context).isEqualTo(batches * perBatch);
    assertThat(Long.parseLong(figures[2])).as("first batch, %s", context).isZero();
    assertThat(Long.parseLong(figures[3])).as("last batch, %s", context).isEqualTo(batches - 1);
    assertThat(Long.parseLong(figures[4]))
        .as("sum of seq, %s", context)
        .isEqualTo(batches * perBatch * (perBatch - 1L) / 2);
    assertThat(Long.parseLong(figures[5])).as("tags, %s", context).isEqualTo(count);
    assertThat(batches)
        .as("batches against those reported, %s", context)
        .isGreaterThanOrEqualTo(reported);
  }

  /**
   * Checks that {@code loads} contains whole copies of the CSV file, at least as many as reported,
   * and returns how many it contains.
   */
  private static int checkLoads(Connection connection, int reported, String context)
      throws SQLException {
    String[] figures =
        rows(connection, "SELECT COUNT(*), COALESCE(SUM(v), 0), COUNT(DISTINCT line) FROM loads")
            .get(0)
            .split("\\|");
    long count = Long.parseLong(figures[0]);
    int perLoad = DirectoryWriterProcess.ROWS_PER_LOAD;
    assertThat(count % perLoad).as("rows of loads modulo a load, %s", context).isZero();
    long loads = count / perLoad;
    assertThat(Long.parseLong(figures[1]))
        .as("sum of v, %s", context)
        .isEqualTo(loads * DirectoryWriterProcess.loadChecksum());
    assertThat(Long.parseLong(figures[2]))
        .as("distinct lines, %s", context)
        .isEqualTo(loads == 0 ? 0 : perLoad);
    assertThat(loads)
        .as("loads against those reported, %s", context)
        .isGreaterThanOrEqualTo(reported);
    return (int) loads;
  }

  private Process startWriter() throws IOException {
    ProcessBuilder builder =
        javaProcess(DirectoryWriterProcess.class, directory.toString(), scratch.toString());
    builder.redirectErrorStream(true);
    return builder.start();
  }

  /** Returns a builder of a child JVM, with this JVM's class path, that runs a main class. */
  private static ProcessBuilder javaProcess(Class<?> mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  /**
   * What a writer reported, read by a thread of its own while the test waits and kills: the last
   * batch inserted and the number of loads.
   */
  private static final class WriterProgress {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstCommit = new CountDownLatch(1);
    private final Thread reader;
    private volatile int lastBatch = -1;
    private volatile int loads;

    WriterProgress(Process writer) {
      BufferedReader output =
          new BufferedReader(
              new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
      reader = new Thread(() -> readAll(output), "writer-output");
      reader.start();
    }

    private void readAll(BufferedReader output) {
      try {
        String line;
        while ((line = output.readLine()) != null) {
          lines.add(line);
          if (line.startsWith("committed insert ")) {
            lastBatch = Integer.parseInt(line.substring("committed insert ".length()));
            firstCommit.countDown();
          } else if (line.equals("committed load")) {
            loads++;
            firstCommit.countDown();
          }
        }
      } catch (IOException e) {
        // The killed process closed its output; what was read before counts.
        lines.add("output closed: " + e.getMessage());
      } finally {
        firstCommit.countDown();
      }
    }

    /** Waits until the writer committed a statement, or fails the test when it exited first. */
    void awaitFirstCommit() throws InterruptedException {
      assertThat(firstCommit.await(60, TimeUnit.SECONDS)).as("writer committed in time").isTrue();
      assertThat(lastBatch >= 0 || loads > 0).as("writer output: %s", lines).isTrue();
    }

    /** Waits until the killed writer's output ends. */
    void awaitEnd() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(30));
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(result.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
