package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warp shell} running sqlline scripts against embedded databases. */
class ShellCommandTest {
  @TempDir Path directory;

  /** Output, error output and exit status of one run. */
  private record Run(int status, String out, String err) {}

  private static Run shell(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] command = new String[args.length + 1];
    command[0] = "shell";
    System.arraycopy(args, 0, command, 1, args.length);

    int status =
        WarpMain.run(
            command,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);

    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void scriptRunsAgainstEmbeddedUrl() throws Exception {
    Path script = directory.resolve("count.sql");
    Files.writeString(
        script,
        "SELECT COUNT(*) AS region_count FROM region;\n"
            + "SELECT r_name FROM region WHERE r_regionkey = 2;\n"
            + "!quit\n");

    Run run = shell("jdbc:warp:mem:;tpch=0.01", "-f", script.toString());

    assertThat(run.status()).as("exit status; stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("region_count").contains("5");
    assertThat(run.out()).contains("ASIA");
    assertThat(run.out() + run.err()).doesNotContain("isolation");
  }

  @Test
  void failedStatementGivesExitStatusOne() throws Exception {
    Path script = directory.resolve("bad.sql");
    Files.writeString(script, "SELECT missing_column FROM nowhere;\n!quit\n");

    Run run = shell("jdbc:warp:mem:", "-f", script.toString());

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_FAILURE);
    assertThat(run.err()).contains("missing_column");
  }

  @Test
  void parseDefaultsToPrivateInMemoryDatabase() {
    assertThat(ShellCommand.parse(List.of("-e", "SELECT 1;")).sqllineArgs())
        .containsSubsequence("-u", ShellCommand.DEFAULT_URL)
        .endsWith("-e", "SELECT 1;");
  }

  @Test
  void helpDescribesUrls() {
    Run run = shell("--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("jdbc:warp:remote:url=").contains("-f FILE");
  }
}
