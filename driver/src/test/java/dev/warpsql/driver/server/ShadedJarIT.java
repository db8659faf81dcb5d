package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded driver jar on its own: a separate JVM with only {@code warpsql-jdbc-VERSION.jar} on
 * its class path connects to a server and runs a query. Runs in Maven's integration-test phase,
 * after the package phase has built the jar.
 */
class ShadedJarIT {
  private static final Path TARGET = Path.of("target");

  @Test
  void shadedJarAloneConnectsRemotely() throws Exception {
    Path jar = shadedJar();
    Path check = Path.of("target", "test-classes", "shaded-jar", "RemoteJarCheck.java");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    try (WarpServer server = WarpServer.start(ServerConfig.defaults().withPort(0).withTpch(0.01))) {
      Process process =
          new ProcessBuilder(
                  java.toString(), "-cp", jar.toString(), check.toString(), server.jdbcUrl())
              .redirectErrorStream(true)
              .start();
      boolean finished = process.waitFor(120, TimeUnit.SECONDS);
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!finished) {
        process.destroyForcibly();
      }

      assertThat(finished).as("check finished; output:%n%s", output).isTrue();
      assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
      assertThat(output).contains("driver: WarpSQL JDBC Driver");
      assertThat(output).contains("region rows: 5");
    }
  }

  @Test
  void shadedJarAloneReadsParquet(@TempDir Path directory) throws Exception {
    Path file = directory.resolve("items.parquet");
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute(
          "COPY (SELECT i AS id, 'item ' || i AS name, (i * 0.25)::DECIMAL(9, 2) AS price"
              + " FROM range(1000) t(i)) TO '"
              + file
              + "' (FORMAT parquet, COMPRESSION zstd)");
    }
    Path check = Path.of("target", "test-classes", "shaded-jar", "ParquetJarCheck.java");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp",
                shadedJar().toString(),
                check.toString(),
                directory.toString(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
    }

    assertThat(finished).as("check finished; output:%n%s", output).isTrue();
    assertThat(process.exitValue()).as("exit status; output:%n%s", output).isZero();
    assertThat(output).contains("parquet rows: 1000");
    assertThat(output).contains("max name: item 999");
    assertThat(output).contains("total price: 124875.00");
  }

  @Test
  void shadedJarRegistersOnlyWarpDriver() throws Exception {
    try (var jar = new java.util.jar.JarFile(shadedJar().toFile())) {
      var entry = jar.getEntry("META-INF/services/java.sql.Driver");
      String services =
          new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8).strip();

      assertThat(services).isEqualTo("dev.warpsql.driver.WarpDriver");
      assertThat(jar.getEntry("logback.xml")).isNull();
      assertThat(jar.getEntry("com/google/common/collect/ImmutableList.class")).isNull();
      assertThat(jar.getEntry("org/apache/hadoop/fs/PathFilter.class")).isNull();
      assertThat(jar.getEntry("org/apache/parquet/hadoop/ParquetFileReader.class")).isNull();
      assertThat(jar.getEntry("org/apache/calcite/avatica/proto/Requests.class")).isNotNull();
    }
  }

  private static Path shadedJar() throws IOException {
    try (Stream<Path> files = Files.list(TARGET)) {
      List<Path> jars =
          files
              .filter(path -> path.getFileName().toString().matches("warpsql-jdbc-.*\\.jar"))
              .toList();
      assertThat(jars).as("shaded jars in %s", TARGET.toAbsolutePath()).hasSize(1);
      return jars.get(0);
    }
  }
}
