package dev.warpsql.driver.server;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Settings of a {@link WarpServer}. Start from {@link #defaults()} and change settings with the
 * {@code with} methods; each checks the combination, so an unsafe one never reaches the server.
 *
 * @param bindAddress the address to listen on, a literal IP address or a host name
 * @param port the TCP port; 0 picks a free one
 * @param tpchScaleFactor the TPC-H scale factor to load into schema {@code main} at start, if any
 * @param maxQueryTimeSeconds the longest any query may run, in seconds; 0 for no limit
 * @param idleTimeoutSeconds how long, in seconds, a connection or statement may stay unused before
 *     the server closes it
 * @param authentication how clients authenticate
 * @param usersFile the Jetty {@code HashLoginService} properties file of users and passwords,
 *     present exactly when authentication is on
 * @param tlsKeystore the Java keystore with the server's certificate, when clients connect over TLS
 * @param tlsPassword the keystore's password, present exactly with {@code tlsKeystore}
 * @param dataDirectory the directory of the database to serve, or empty for a new in-memory one
 * @param allowedPaths the directories whose files COPY and read_csv may read; empty for none
 */
public record ServerConfig(
    String bindAddress,
    int port,
    OptionalDouble tpchScaleFactor,
    int maxQueryTimeSeconds,
    int idleTimeoutSeconds,
    Authentication authentication,
    Optional<Path> usersFile,
    Optional<Path> tlsKeystore,
    Optional<String> tlsPassword,
    Optional<Path> dataDirectory,
    List<Path> allowedPaths) {

  /** Default TCP port, the one Avatica's own server uses. */
  public static final int DEFAULT_PORT = 8765;

  /** Default bind address: loopback only. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";

  /** Default idle time before a connection or statement expires: 10 minutes, as in Avatica. */
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 600;

  /** Method of client authentication. */
  public enum Authentication {
    NONE,
    BASIC,
    DIGEST
  }

  /**
   * @throws IllegalArgumentException for a value out of range, a missing users file or keystore
   *     password, or a bind address other than loopback without authentication
   */
  public ServerConfig {
    requireNonNull(bindAddress, "bindAddress");
    requireNonNull(tpchScaleFactor, "tpchScaleFactor");
    requireNonNull(authentication, "authentication");
    requireNonNull(usersFile, "usersFile");
    requireNonNull(tlsKeystore, "tlsKeystore");
    requireNonNull(tlsPassword, "tlsPassword");
    requireNonNull(dataDirectory, "dataDirectory");
    allowedPaths = List.copyOf(allowedPaths);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("invalid port " + port + ": use 0 to 65535");
    }
    if (maxQueryTimeSeconds < 0) {
      throw new IllegalArgumentException(
          "invalid maximum query time " + maxQueryTimeSeconds + " s: use 0 (no limit) or more");
    }
    if (idleTimeoutSeconds < 1) {
      throw new IllegalArgumentException(
          "invalid idle timeout " + idleTimeoutSeconds + " s: use 1 or more");
    }
    if ((authentication == Authentication.NONE) == usersFile.isPresent()) {
      throw new IllegalArgumentException(
          authentication == Authentication.NONE
              ? "a users file needs --auth basic or --auth digest"
              : "--auth "
                  + authentication.name().toLowerCase(java.util.Locale.ROOT)
                  + " needs --users FILE, a file of 'user: password' lines");
    }
    if (tlsKeystore.isPresent() != tlsPassword.isPresent()) {
      throw new IllegalArgumentException("TLS needs both --tls-keystore and --tls-password");
    }
    if (authentication == Authentication.NONE && !isLoopback(bindAddress)) {
      throw new IllegalArgumentException(
          "refusing to bind to "
              + bindAddress
              + " without authentication, because anyone on the network could then run SQL; "
              + "add --auth basic|digest --users FILE, or bind to 127.0.0.1");
    }
  }

  /** Returns the defaults: loopback on port 8765, no data, no limits, no authentication. */
  public static ServerConfig defaults() {
    return new ServerConfig(
        DEFAULT_BIND_ADDRESS,
        DEFAULT_PORT,
        OptionalDouble.empty(),
        0,
        DEFAULT_IDLE_TIMEOUT_SECONDS,
        Authentication.NONE,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  public ServerConfig withBindAddress(String address) {
    return new ServerConfig(
        address,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        bindAddress,
        newPort,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  public ServerConfig withTpch(double scaleFactor) {
    return new ServerConfig(
        bindAddress,
        port,
        OptionalDouble.of(scaleFactor),
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  public ServerConfig withMaxQueryTime(int seconds) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        seconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  public ServerConfig withIdleTimeout(int seconds) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        seconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  /** Returns these settings with authentication on, against the users in {@code file}. */
  public ServerConfig withAuthentication(Authentication method, Path file) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        method,
        method == Authentication.NONE ? Optional.empty() : Optional.of(file),
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        allowedPaths);
  }

  /** Returns these settings serving the database stored in {@code directory}. */
  public ServerConfig withDataDirectory(Path directory) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        Optional.of(directory),
        allowedPaths);
  }

  /** Returns these settings letting COPY and read_csv read files under the directories. */
  public ServerConfig withAllowedPaths(List<Path> directories) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        tlsKeystore,
        tlsPassword,
        dataDirectory,
        directories);
  }

  public ServerConfig withTls(Path keystore, String password) {
    return new ServerConfig(
        bindAddress,
        port,
        tpchScaleFactor,
        maxQueryTimeSeconds,
        idleTimeoutSeconds,
        authentication,
        usersFile,
        Optional.of(keystore),
        Optional.of(password),
        dataDirectory,
        allowedPaths);
  }

  /** Returns the settings without the keystore password, so that they can be logged. */
  @Override
  public String toString() {
    return "ServerConfig[bindAddress="
        + bindAddress
        + ", port="
        + port
        + ", tpchScaleFactor="
        + tpchScaleFactor
        + ", maxQueryTimeSeconds="
        + maxQueryTimeSeconds
        + ", idleTimeoutSeconds="
        + idleTimeoutSeconds
        + ", authentication="
        + authentication
        + ", usersFile="
        + usersFile
        + ", tlsKeystore="
        + tlsKeystore
        + ", tlsPassword="
        + (tlsPassword.isPresent() ? "(set)" : "(none)")
        + "]";
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "invalid bind address '" + address + "': " + e.getMessage(), e);
    }
  }
}
