package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory database in a JVM started without the option that Arrow IPC writes need: the
 * connection fails with a SQLException that names the option, and nothing is written.
 */
class DirectoryJvmOptionTest {
  private static final String OPTION = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  @TempDir Path scratch;

  @Test
  void connectionWithoutOptionFailsBeforeWriting() throws Exception {
    Path directory = scratch.resolve("db");

    String output = runChild(directory, List.of());

    String outcome = outcome(output);
    assertThat(outcome).as(output).startsWith("SQLException 55000 ");
    assertThat(outcome).as(output).contains("cannot write Arrow IPC files");
    assertThat(outcome).as(output).contains("Start Java with the option " + OPTION);
    assertThat(outcome).as(output).contains("dbeaver.ini");
    assertThat(directory).doesNotExist();
  }

  @Test
  void connectionWithOptionCommits() throws Exception {
    Path directory = scratch.resolve("db");

    String output = runChild(directory, List.of(OPTION));

    assertThat(outcome(output)).as(output).isEqualTo("committed");
    assertThat(directory.resolve("manifest.json")).isRegularFile();
  }

  /** Runs {@link DirectoryConnectProcess} with the given JVM options and returns its output. */
  private static String runChild(Path directory, List<String> jvmOptions)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DirectoryConnectProcess.class.getName());
    command.add(directory.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    // Options in these variables would reach the child too and hide the missing option.
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.redirectErrorStream(true);
    Process child = builder.start();
    try {
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited in time").isTrue();
      return output;
    } finally {
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Returns the line that {@link DirectoryConnectProcess} prints last, its outcome. */
  private static String outcome(String output) {
    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }
}
