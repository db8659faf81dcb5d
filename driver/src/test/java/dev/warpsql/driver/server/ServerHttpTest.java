package dev.warpsql.driver.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP requests to the Avatica endpoint that no JDBC driver would send. */
class ServerHttpTest {
  private static WarpServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = WarpServer.start(ServerConfig.defaults().withPort(0));
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  /** Response of one POST: the status and the body as text. */
  private record Response(int status, String body) {}

  private static Response post(byte[] body) throws IOException {
    HttpURLConnection http = (HttpURLConnection) new URL(server.url() + "/").openConnection();
    try {
      http.setRequestMethod("POST");
      http.setDoOutput(true);
      try (OutputStream out = http.getOutputStream()) {
        out.write(body);
      }
      int status = http.getResponseCode();
      InputStream in = status >= 400 ? http.getErrorStream() : http.getInputStream();
      String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Response(status, text);
    } finally {
      http.disconnect();
    }
  }

  @Test
  void garbageBodyGetsBadRequest() throws Exception {
    byte[] random = new byte[512];
    new Random(42).nextBytes(random);
    List<byte[]> bodies =
        List.of(random, "hello, server".getBytes(StandardCharsets.US_ASCII), new byte[0]);
    for (byte[] body : bodies) {
      Response response;
      List<String> lines;
      try (LogCapture log = LogCapture.of(CancelEndpointHandler.class)) {
        response = post(body);
        lines = log.warnings().stream().map(event -> event.getFormattedMessage()).toList();
      }

      assertThat(response.status()).as("status for %s bytes", body.length).isEqualTo(400);
      assertThat(response.body().strip()).contains("not an Avatica protobuf request");
      assertThat(response.body().strip()).doesNotContain("\n");
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(lines).as("log lines for %s bytes", body.length).hasSize(1);
      assertThat(lines.get(0)).contains("127.0.0.1").contains(body.length + " bytes");
    }
  }

  @Test
  void driverWorksAfterGarbage() throws Exception {
    post("garbage".getBytes(StandardCharsets.US_ASCII));

    try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 6 * 7")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }
}
