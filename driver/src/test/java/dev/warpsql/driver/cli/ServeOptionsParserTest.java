package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.driver.server.ServerConfig;
import dev.warpsql.driver.server.ServerConfig.Authentication;
import dev.warpsql.driver.server.UsersFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ServeOptionsParserTest {
  @Test
  void parseReadsEveryOption() throws Exception {
    ServerConfig config =
        ServeOptionsParser.parse(
            List.of(
                "--tpch",
                "0.1",
                "--port=9000",
                "--bind",
                "0.0.0.0",
                "--max-query-time",
                "30",
                "--idle-timeout=120",
                "--auth",
                "DIGEST",
                "--users",
                "users.properties",
                "--tls-keystore",
                "server.p12",
                "--tls-password",
                "changeit"));

    assertThat(config.tpchScaleFactor().getAsDouble()).isEqualTo(0.1);
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.maxQueryTimeSeconds()).isEqualTo(30);
    assertThat(config.idleTimeoutSeconds()).isEqualTo(120);
    assertThat(config.authentication()).isEqualTo(Authentication.DIGEST);
    assertThat(config.usersFile()).contains(Path.of("users.properties"));
    assertThat(config.tlsKeystore()).contains(Path.of("server.p12"));
    assertThat(config.tlsPassword()).contains("changeit");
  }

  @Test
  void defaultsListenOnLoopback() throws Exception {
    ServerConfig config = ServeOptionsParser.parse(List.of());

    assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8765);
    assertThat(config.maxQueryTimeSeconds()).isZero();
    assertThat(config.authentication()).isEqualTo(Authentication.NONE);
  }

  @Test
  void otherBindWithoutAuthIsRejected() {
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--bind", "0.0.0.0")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--auth basic|digest --users FILE");
  }

  @Test
  void insecureAllowsOtherBindWithoutAuth() throws Exception {
    ServerConfig config = ServeOptionsParser.parse(List.of("--bind", "0.0.0.0", "--insecure"));

    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.insecure()).isTrue();
    assertThat(config.isOpenToNetwork()).isTrue();
  }

  @Test
  void hashPasswordPrintsUsersFileLine() {
    for (String method : List.of("basic", "digest")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();

      int status =
          WarpMain.run(
              new String[] {"serve", "--hash-password", "alice", "--auth", method},
              new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              false);

      assertThat(status).as("exit status; stderr: %s", err).isZero();
      String expected =
          UsersFile.line(
              Authentication.valueOf(method.toUpperCase(Locale.ROOT)), "alice", "secret");
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected + "\n");
      assertThat(expected).startsWith("alice: MD5:").doesNotContain("secret");
    }
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--port", "70000")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--port");
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--auth", "kerberos")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("basic or digest");
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--auth", "basic")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--users");
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--tls-keystore", "k.p12")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--tls-password");
    assertThatThrownBy(() -> ServeOptionsParser.parse(List.of("--max-query-time")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("missing value");
  }

  @Test
  void serveHelpNamesUnits() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        WarpMain.run(
            new String[] {"serve", "--help"},
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--max-query-time SECONDS")
        .contains("--idle-timeout SECONDS")
        .contains("default 8765");
  }
}
