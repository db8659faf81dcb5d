package dev.warpsql.driver.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.warpsql.driver.server.ServerConfig.Authentication;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.security.Credential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication, the loopback rule and secrets kept out of logs. */
class ServerSecurityTest {
  @TempDir Path directory;

  private Path usersFile() throws Exception {
    return usersFile(Authentication.BASIC);
  }

  private Path usersFile(Authentication method) throws Exception {
    Path users = directory.resolve("users-" + method + ".properties");
    Files.writeString(users, UsersFile.line(method, "alice", "secret") + "\n");
    return users;
  }

  private static String credentials(String method, String password) {
    return ";authentication=" + method + ";avatica_user=alice;avatica_password=" + password;
  }

  @Test
  void basicAuthAcceptsValidUser() throws Exception {
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, usersFile());
    try (WarpServer server = WarpServer.start(config);
        Connection connection =
            DriverManager.getConnection(server.jdbcUrl() + credentials("BASIC", "secret"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }

  @Test
  void basicAuthRejectsWrongPassword() throws Exception {
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, usersFile());
    try (WarpServer server = WarpServer.start(config)) {
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl() + credentials("BASIC", "wrong")))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("rejected the credentials")
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("28000");
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl()))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("28000");
    }
  }

  @Test
  void digestAuthAcceptsAndRejects() throws Exception {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withAuthentication(Authentication.DIGEST, usersFile(Authentication.DIGEST));
    try (WarpServer server = WarpServer.start(config)) {
      try (Connection connection =
          DriverManager.getConnection(server.jdbcUrl() + credentials("DIGEST", "secret"))) {
        assertThat(connection.isValid(5)).isTrue();
      }
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl() + credentials("DIGEST", "wrong")))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState())
          .isEqualTo("28000");
    }
  }

  @Test
  void cancelCarriesCredentials() throws Exception {
    ServerConfig config =
        ServerConfig.defaults()
            .withPort(0)
            .withTpch(0.01)
            .withMaxQueryTime(60)
            .withAuthentication(Authentication.BASIC, usersFile());
    try (WarpServer server = WarpServer.start(config);
        Connection connection =
            DriverManager.getConnection(server.jdbcUrl() + credentials("BASIC", "secret"));
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(1);
      long started = System.nanoTime();

      assertThatThrownBy(() -> statement.executeQuery(ServerCancelTest.SLOW_QUERY))
          .isInstanceOf(SQLTimeoutException.class);
      assertThat((System.nanoTime() - started) / 1_000_000_000L).isLessThan(30);
    }
  }

  @Test
  void wrongPasswordGetsHttp401() throws Exception {
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, usersFile());
    try (WarpServer server = WarpServer.start(config)) {
      String wrong = Base64.getEncoder().encodeToString("alice:wrong".getBytes(US_ASCII));
      HttpURLConnection http = (HttpURLConnection) new URL(server.url()).openConnection();
      http.setRequestMethod("POST");
      http.setRequestProperty("Authorization", "Basic " + wrong);
      http.setDoOutput(true);
      http.getOutputStream().close();

      assertThat(http.getResponseCode()).isEqualTo(401);
      http.disconnect();
    }
  }

  @Test
  void rejectedCredentialsAreLogged() throws Exception {
    for (Authentication method : List.of(Authentication.BASIC, Authentication.DIGEST)) {
      ServerConfig config =
          ServerConfig.defaults().withPort(0).withAuthentication(method, usersFile(method));
      List<ILoggingEvent> lines;
      try (WarpServer server = WarpServer.start(config);
          LogCapture log = LogCapture.of(RejectedCredentialsLog.class)) {
        try (Connection connection =
            DriverManager.getConnection(server.jdbcUrl() + credentials(method.name(), "secret"))) {
          assertThat(connection.isValid(5)).isTrue();
        }
        assertThat(log.warnings()).as("%s warnings of a valid session", method).isEmpty();

        assertThatThrownBy(
                () ->
                    DriverManager.getConnection(
                        server.jdbcUrl() + credentials(method.name(), "guess-4711")))
            .isInstanceOf(SQLException.class);
        lines = log.warnings();
      }

      assertThat(lines).as("%s warnings of a wrong password", method).hasSize(1);
      String line = lines.get(0).getFormattedMessage();
      assertThat(line).contains("user 'alice'");
      assertThat(line).contains("127.0.0.1");
      assertThat(line).doesNotContain("guess-4711");
    }
  }

  @Test
  void logShowsUserNameOnly() {
    String basic = Base64.getEncoder().encodeToString("alice:pa:ss".getBytes(US_ASCII));
    String noColon = Base64.getEncoder().encodeToString("password".getBytes(US_ASCII));
    String forged = Base64.getEncoder().encodeToString("eve\nINFO fake:x".getBytes(US_ASCII));

    assertThat(RejectedCredentialsLog.userName("Basic " + basic)).isEqualTo("alice");
    assertThat(RejectedCredentialsLog.userName("Basic " + noColon))
        .isEqualTo("(invalid BASIC credentials)");
    assertThat(RejectedCredentialsLog.userName("Basic " + forged)).isEqualTo("eve?INFO fake");
    assertThat(RejectedCredentialsLog.userName("Digest username=\"bob\", realm=\"Avatica\""))
        .isEqualTo("bob");
    assertThat(RejectedCredentialsLog.userName("Bearer abc")).isEqualTo("(Bearer credentials)");
  }

  @Test
  void plainTextPasswordIsRejected() throws Exception {
    Path users = directory.resolve("plain.properties");
    Files.writeString(users, "alice: secret\n");
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, users);

    assertThatThrownBy(() -> WarpServer.start(config))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("user 'alice'")
        .hasMessageContaining("is not hashed")
        .hasMessageContaining("--hash-password")
        .message()
        .doesNotContain("secret");
  }

  @Test
  void obfuscatedAndMalformedPasswordsAreRejected() throws Exception {
    Path users = directory.resolve("obfuscated.properties");
    for (String credential : List.of("OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v", "MD5:1234")) {
      Files.writeString(users, "alice: " + credential + "\n");
      ServerConfig config =
          ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, users);

      assertThatThrownBy(() -> WarpServer.start(config))
          .as("credential %s", credential)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("user 'alice'");
    }
  }

  @Test
  void cryptPasswordIsRejectedForDigest() throws Exception {
    Path users = directory.resolve("crypt.properties");
    Files.writeString(users, "alice: " + Credential.Crypt.crypt("alice", "secret") + "\n");
    ServerConfig digest =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.DIGEST, users);

    assertThatThrownBy(() -> WarpServer.start(digest))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("DIGEST cannot check");
  }

  @Test
  void basicAuthAcceptsCryptPassword() throws Exception {
    Path users = directory.resolve("crypt.properties");
    Files.writeString(users, "alice: " + Credential.Crypt.crypt("alice", "secret") + "\n");
    ServerConfig config =
        ServerConfig.defaults().withPort(0).withAuthentication(Authentication.BASIC, users);
    try (WarpServer server = WarpServer.start(config);
        Connection connection =
            DriverManager.getConnection(server.jdbcUrl() + credentials("BASIC", "secret"))) {
      assertThat(connection.isValid(5)).isTrue();
    }
  }

  @Test
  void authenticationWithoutUsersFileAsksForHashes() {
    Map<Authentication, String> commands =
        Map.of(
            Authentication.BASIC, "'warp serve --hash-password USER'",
            Authentication.DIGEST, "'warp serve --hash-password USER --auth digest'");
    for (Map.Entry<Authentication, String> entry : commands.entrySet()) {
      ServerConfig.Builder builder =
          ServerConfig.defaults().toBuilder().authentication(entry.getKey());

      assertThatThrownBy(builder::build)
          .as("%s", entry.getKey())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--users FILE")
          .hasMessageContaining("hashed passwords")
          .hasMessageContaining(entry.getValue())
          .hasMessageNotContaining("'user: password'");
    }
  }

  @Test
  void otherBindAddressNeedsAuthentication() {
    assertThatThrownBy(() -> ServerConfig.defaults().withBindAddress("0.0.0.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without authentication");
  }

  @Test
  void insecureAllowsOtherBindAddressWithoutAuthentication() {
    ServerConfig config = ServerConfig.defaults().withInsecureBind("0.0.0.0");

    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.isOpenToNetwork()).isTrue();
    assertThat(ServerConfig.defaults().isOpenToNetwork()).isFalse();
  }

  @Test
  void loopbackBindNeedsNoAuthentication() {
    assertThat(ServerConfig.defaults().withBindAddress("::1").bindAddress()).isEqualTo("::1");
  }

  @Test
  void configTextHidesKeystorePassword() throws Exception {
    ServerConfig config = ServerConfig.defaults().withTls(usersFile(), "hunter2");

    assertThat(config.toString()).doesNotContain("hunter2");
  }
}
