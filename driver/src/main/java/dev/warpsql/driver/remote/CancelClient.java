package dev.warpsql.driver.remote;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.sql.SQLException;
import org.apache.calcite.avatica.ConnectionConfig;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.KerberosConnection;

/**
 * Sender of {@link CancelRequest}s to a server's cancel endpoint, through an HTTP client that
 * Avatica's configured factory builds, so that the request carries the connection's credentials and
 * trusts the same TLS certificates. Thread-safe.
 */
final class CancelClient {
  private final String endpoint;
  private final AvaticaHttpClient http;

  CancelClient(ConnectionConfig config, KerberosConnection kerberos) throws SQLException {
    String base = config.url();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.endpoint = base + CancelRequest.PATH;
    URL url;
    try {
      url = new URI(endpoint).toURL();
    } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
      throw new SQLException("invalid server address " + config.url(), "08001", e);
    }
    this.http = config.httpClientFactory().getClient(url, config, kerberos);
  }

  /**
   * Sends a cancel request and waits for the server's reply.
   *
   * @throws SQLException with SQLSTATE 08006 when the request fails
   */
  void send(CancelRequest request) throws SQLException {
    try {
      http.send(request.encode());
    } catch (RuntimeException e) {
      throw new SQLException(
          "cancel request to " + endpoint + " failed: " + e.getMessage(), "08006", e);
    }
  }
}
