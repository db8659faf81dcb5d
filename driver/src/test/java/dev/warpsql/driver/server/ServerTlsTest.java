package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.warpsql.driver.server.ServerConfig.Authentication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A server with TLS and BASIC authentication, over a keystore that {@code keytool} from the running
 * JDK makes for 127.0.0.1, and the log lines of a session with it, which must hold no secret.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerTlsTest {
  private static final String KEYSTORE_PASSWORD = "keystore-pass-7391";
  private static final String TRUSTSTORE_PASSWORD = "truststore-pass-2468";
  private static final String USER_PASSWORD = "user-pass-5150";

  @TempDir static Path directory;

  private static Path truststore;
  private static Path usersFile;
  private static ServerConfig config;

  @BeforeAll
  static void makeKeystores() throws Exception {
    Path keystore = directory.resolve("server.p12");
    Path certificate = directory.resolve("server.crt");
    truststore = directory.resolve("client-truststore.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "warpsql",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD,
        "-keypass",
        KEYSTORE_PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "warpsql",
        "-keystore",
        keystore.toString(),
        "-storepass",
        KEYSTORE_PASSWORD,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "warpsql",
        "-file",
        certificate.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        truststore.toString(),
        "-storepass",
        TRUSTSTORE_PASSWORD);

    usersFile = directory.resolve("users.properties");
    Files.writeString(
        usersFile, UsersFile.line(Authentication.BASIC, "alice", USER_PASSWORD) + "\n");
    config =
        ServerConfig.defaults()
            .withPort(0)
            .withTls(keystore, KEYSTORE_PASSWORD)
            .withAuthentication(Authentication.BASIC, usersFile);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool exit status; output: %s", output).isZero();
  }

  private static String httpsUrl(WarpServer server, String password) {
    return httpsUrl(server, password, truststore, TRUSTSTORE_PASSWORD);
  }

  private static String httpsUrl(
      WarpServer server, String password, Path truststorePath, String truststorePassword) {
    return server.jdbcUrl()
        + ";authentication=BASIC;avatica_user=alice;avatica_password="
        + password
        + ";truststore="
        + truststorePath
        + ";truststore_password="
        + truststorePassword;
  }

  @Test
  void httpsClientWithTruststoreRunsQuery() throws Exception {
    try (WarpServer server = WarpServer.start(config);
        Connection connection = DriverManager.getConnection(httpsUrl(server, USER_PASSWORD));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 6 * 7")) {
      assertThat(server.url()).startsWith("https://127.0.0.1:");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  @Test
  void plainHttpClientFails() throws Exception {
    try (WarpServer server = WarpServer.start(config)) {
      String plain =
          "jdbc:warp:remote:url=http://127.0.0.1:"
              + server.port()
              + ";authentication=BASIC;avatica_user=alice;avatica_password="
              + USER_PASSWORD;

      assertThatThrownBy(() -> DriverManager.getConnection(plain)).isInstanceOf(SQLException.class);
    }
  }

  @Test
  void httpsClientWithoutTruststoreFails() throws Exception {
    try (WarpServer server = WarpServer.start(config)) {
      String untrusted =
          server.jdbcUrl()
              + ";authentication=BASIC;avatica_user=alice;avatica_password="
              + USER_PASSWORD;

      assertThatThrownBy(() -> DriverManager.getConnection(untrusted))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("TLS handshake")
          .hasMessageContaining("truststore")
          .hasMessageNotContaining("'warp serve' runs there");
    }
  }

  @Test
  void wrongTruststorePasswordNamesTruststore() throws Exception {
    try (WarpServer server = WarpServer.start(config)) {
      String url = httpsUrl(server, USER_PASSWORD, truststore, "not-the-password");

      assertThatThrownBy(() -> DriverManager.getConnection(url))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("truststore " + truststore)
          .hasMessageContaining("truststore_password")
          .hasMessageNotContaining("not-the-password")
          .hasMessageNotContaining("'warp serve' runs there");
    }
  }

  @Test
  void missingTruststoreNamesPath() throws Exception {
    Path missing = directory.resolve("no-such-truststore.p12");
    try (WarpServer server = WarpServer.start(config)) {
      String url = httpsUrl(server, USER_PASSWORD, missing, TRUSTSTORE_PASSWORD);

      assertThatThrownBy(() -> DriverManager.getConnection(url))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("truststore " + missing)
          .hasMessageContaining("not found")
          .hasMessageNotContaining("'warp serve' runs there");
    }
  }

  @Test
  void logsHoldNoSecret() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger warp = (Logger) LoggerFactory.getLogger("dev.warpsql");
    Logger avatica = (Logger) LoggerFactory.getLogger("org.apache.calcite.avatica");
    Level rootLevel = root.getLevel();
    Level warpLevel = warp.getLevel();
    Level avaticaLevel = avatica.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    root.addAppender(events);
    // Jetty's and Apache HttpClient's own DEBUG logs print HTTP headers, BASIC credentials
    // included, so the other libraries stay at INFO, as an operator would run them.
    root.setLevel(Level.INFO);
    warp.setLevel(Level.DEBUG);
    avatica.setLevel(Level.DEBUG);
    try (WarpServer server = WarpServer.start(config)) {
      try (Connection connection = DriverManager.getConnection(httpsUrl(server, USER_PASSWORD));
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.executeQuery("SELECT missing_column FROM nowhere"))
            .isInstanceOf(SQLException.class);
      }
      assertThatThrownBy(() -> DriverManager.getConnection(httpsUrl(server, "wrong-pass-1234")))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("28000");
    } finally {
      root.detachAppender(events);
      root.setLevel(rootLevel);
      warp.setLevel(warpLevel);
      avatica.setLevel(avaticaLevel);
    }

    String basicToken =
        Base64.getEncoder()
            .encodeToString(("alice:" + USER_PASSWORD).getBytes(StandardCharsets.ISO_8859_1));
    assertThat(events.list).isNotEmpty();
    for (ILoggingEvent event : events.list) {
      String text =
          event.getFormattedMessage()
              + (event.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(event.getThrowableProxy()));
      assertThat(text)
          .as("log line of %s", event.getLoggerName())
          .doesNotContain(USER_PASSWORD, "wrong-pass-1234", KEYSTORE_PASSWORD, basicToken);
      assertThat(text)
          .as("log line of %s", event.getLoggerName())
          .doesNotContain(TRUSTSTORE_PASSWORD);
    }
  }
}
