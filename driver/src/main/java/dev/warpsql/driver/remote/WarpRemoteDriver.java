package dev.warpsql.driver.remote;

import dev.warpsql.driver.WarpVersion;
import java.net.ConnectException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Avatica's remote driver with WarpSQL's connection, statement and prepared statement classes,
 * which make {@code Statement.cancel()}, query timeouts and {@code isValid} reach the server.
 *
 * <p>Not registered with {@code DriverManager}: {@code WarpDriver} hands it the remote URLs.
 * Loading this class still registers Avatica's own remote driver, through that class's static
 * initializer.
 */
public final class WarpRemoteDriver extends Driver {
  @Override
  protected DriverVersion createDriverVersion() {
    return WarpVersion.DRIVER;
  }

  @Override
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return RemoteFactory.class.getName();
  }

  /**
   * Connects to a WarpSQL server.
   *
   * @param url a URL that {@link RemoteUrl#accepts} accepts
   * @throws SQLException with SQLSTATE 08001 when the server cannot be reached, and 28000 when it
   *     rejects the credentials
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!RemoteUrl.accepts(url)) {
      return null;
    }
    Properties properties = RemoteUrl.properties(url, info);
    try {
      return super.connect(RemoteUrl.AVATICA_PREFIX, properties);
    } catch (RuntimeException e) {
      throw connectFailure(properties, e);
    }
  }

  private static SQLException connectFailure(Properties properties, RuntimeException e) {
    String serverUrl = properties.getProperty("url");
    String message = String.valueOf(e.getMessage());
    if (message.contains("HTTP/401") || message.contains("HTTP/403")) {
      return new SQLException(
          "the server at "
              + serverUrl
              + " rejected the credentials: check avatica_user, "
              + "avatica_password and authentication=BASIC or DIGEST in the URL",
          "28000",
          e);
    }
    if (message.contains("HTTP/400") && serverUrl != null && serverUrl.startsWith("http:")) {
      return new SQLException(
          "the server at "
              + serverUrl
              + " rejected the request (HTTP 400); if it serves TLS, write url=https://...",
          "08001",
          e);
    }
    Optional<String> truststoreProblem = TruststoreCheck.problem(properties);
    if (truststoreProblem.isPresent()) {
      return new SQLException(
          "cannot connect to the WarpSQL server at " + serverUrl + ": " + truststoreProblem.get(),
          "08001",
          e);
    }
    SSLException tls = tlsCause(e);
    if (tls != null) {
      return new SQLException(
          "TLS handshake with the WarpSQL server at "
              + serverUrl
              + " failed: "
              + tls.getMessage()
              + "; check that the truststore property names a truststore that holds the "
              + "server's certificate, and that the certificate names the host in the URL",
          "08001",
          e);
    }
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof ConnectException)) {
      cause = cause.getCause();
    }
    return new SQLException(
        "cannot connect to the WarpSQL server at "
            + serverUrl
            + ": "
            + cause.getMessage()
            + "; check that 'warp serve' runs there and that the address and port are right",
        "08001",
        e);
  }

  /** Returns the first TLS failure among the causes, or null. */
  private static SSLException tlsCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLException tls) {
        return tls;
      }
    }
    return null;
  }
}
