package dev.warpsql.driver.remote;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectStringParser;
import org.apache.calcite.avatica.remote.Driver.Serialization;

/**
 * The two URL forms of a connection to a WarpSQL server: {@code
 * jdbc:warp:remote:url=http://host:port[;property=value...]} and Avatica's own {@code
 * jdbc:avatica:remote:url=...}. The properties after the prefix are Avatica's remote properties,
 * such as {@code authentication}, {@code avatica_user} and {@code truststore}.
 */
public final class RemoteUrl {
  /** Prefix of WarpSQL's remote URL. */
  public static final String WARP_PREFIX = "jdbc:warp:remote:";

  /** Prefix of Avatica's remote URL, which WarpSQL's driver accepts too. */
  public static final String AVATICA_PREFIX = "jdbc:avatica:remote:";

  private static final String SERIALIZATION = BuiltInConnectionProperty.SERIALIZATION.camelName();
  private static final String URL = BuiltInConnectionProperty.URL.camelName();

  private RemoteUrl() {}

  /** Returns whether the URL is one of the two remote forms. */
  public static boolean accepts(String url) {
    return url != null && (url.startsWith(WARP_PREFIX) || url.startsWith(AVATICA_PREFIX));
  }

  /**
   * Returns the connection properties of a remote URL: those of {@code info}, overridden by the
   * URL's, with {@code serialization=protobuf} unless the URL sets it.
   *
   * @throws SQLException with SQLSTATE 08001 when the URL has no {@code url} property or asks for
   *     JSON serialization, which a WarpSQL server does not speak
   */
  public static Properties properties(String url, Properties info) throws SQLException {
    String prefix = url.startsWith(WARP_PREFIX) ? WARP_PREFIX : AVATICA_PREFIX;
    Properties base = new Properties();
    if (info != null) {
      base.putAll(info);
    }
    Properties properties;
    try {
      properties = ConnectStringParser.parse(url.substring(prefix.length()), base);
    } catch (SQLException e) {
      throw new SQLException("invalid URL " + url + ": " + e.getMessage(), "08001", e);
    }

    String serverUrl = properties.getProperty(URL);
    if (serverUrl == null || serverUrl.isBlank()) {
      throw new SQLException(
          "invalid URL "
              + url
              + ": missing the server address; write "
              + prefix
              + "url=http://HOST:PORT",
          "08001");
    }
    String serialization = properties.getProperty(SERIALIZATION);
    if (serialization == null) {
      properties.setProperty(SERIALIZATION, Serialization.PROTOBUF.name());
    } else if (!serialization.toUpperCase(Locale.ROOT).equals(Serialization.PROTOBUF.name())) {
      throw new SQLException(
          "invalid URL "
              + url
              + ": serialization="
              + serialization
              + " is not supported, because the WarpSQL server speaks protobuf only; "
              + "remove the property or write serialization=protobuf",
          "08001");
    }
    return properties;
  }
}
