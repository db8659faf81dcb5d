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
 * @param insecure whether a bind address other than loopback is allowed without authentication
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
    List<Path> allowedPaths,
    boolean insecure) {

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
   *     password, or a bind address other than loopback without authentication or {@code insecure}
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
              : missingUsersFile(authentication));
    }
    if (tlsKeystore.isPresent() != tlsPassword.isPresent()) {
      throw new IllegalArgumentException("TLS needs both --tls-keystore and --tls-password");
    }
    if (authentication == Authentication.NONE && !isLoopback(bindAddress) && !insecure) {
      throw new IllegalArgumentException(
          "refusing to bind to "
              + bindAddress
              + " without authentication, because anyone on the network could then run SQL; "
              + "add --auth basic|digest --users FILE, bind to 127.0.0.1, or accept the risk "
              + "with --insecure");
    }
  }

  /**
   * Returns the error for authentication without a users file. The file contains hashed passwords
   * only, so the message names the command that makes its lines.
   */
  private static String missingUsersFile(Authentication authentication) {
    String method = authentication.name().toLowerCase(java.util.Locale.ROOT);
    String command =
        authentication == Authentication.DIGEST
            ? "warp serve --hash-password USER --auth digest"
            : "warp serve --hash-password USER";
    return "--auth "
        + method
        + " needs --users FILE, a file of 'USER: MD5:HASH' lines with hashed passwords, "
        + "one per user; make each line with '"
        + command
        + "'";
  }

  /** Returns whether clients must authenticate. */
  public boolean authenticates() {
    return authentication != Authentication.NONE;
  }

  /** Returns whether anyone who reaches the port can run SQL: no authentication, not loopback. */
  public boolean isOpenToNetwork() {
    return !authenticates() && !isLoopback(bindAddress);
  }

  /** Returns the defaults: loopback on port 8765, no data, no limits, no authentication. */
  public static ServerConfig defaults() {
    return new Builder().build();
  }

  /** Returns a builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder()
        .bindAddress(bindAddress)
        .port(port)
        .tpchScaleFactor(tpchScaleFactor)
        .maxQueryTimeSeconds(maxQueryTimeSeconds)
        .idleTimeoutSeconds(idleTimeoutSeconds)
        .authentication(authentication)
        .usersFile(usersFile)
        .tlsKeystore(tlsKeystore)
        .tlsPassword(tlsPassword)
        .dataDirectory(dataDirectory)
        .allowedPaths(allowedPaths)
        .insecure(insecure);
  }

  /** Settings under construction, starting from the defaults; {@link #build} checks them. */
  public static final class Builder {
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private int port = DEFAULT_PORT;
    private OptionalDouble tpchScaleFactor = OptionalDouble.empty();
    private int maxQueryTimeSeconds;
    private int idleTimeoutSeconds = DEFAULT_IDLE_TIMEOUT_SECONDS;
    private Authentication authentication = Authentication.NONE;
    private Optional<Path> usersFile = Optional.empty();
    private Optional<Path> tlsKeystore = Optional.empty();
    private Optional<String> tlsPassword = Optional.empty();
    private Optional<Path> dataDirectory = Optional.empty();
    private List<Path> allowedPaths = List.of();
    private boolean insecure;

    public Builder bindAddress(String value) {
      bindAddress = value;
      return this;
    }

    public Builder port(int value) {
      port = value;
      return this;
    }

    public Builder tpchScaleFactor(OptionalDouble value) {
      tpchScaleFactor = value;
      return this;
    }

    public Builder maxQueryTimeSeconds(int value) {
      maxQueryTimeSeconds = value;
      return this;
    }

    public Builder idleTimeoutSeconds(int value) {
      idleTimeoutSeconds = value;
      return this;
    }

    public Builder authentication(Authentication value) {
      authentication = value;
      return this;
    }

    public Builder usersFile(Optional<Path> value) {
      usersFile = value;
      return this;
    }

    public Builder tlsKeystore(Optional<Path> value) {
      tlsKeystore = value;
      return this;
    }

    public Builder tlsPassword(Optional<String> value) {
      tlsPassword = value;
      return this;
    }

    public Builder dataDirectory(Optional<Path> value) {
      dataDirectory = value;
      return this;
    }

    public Builder allowedPaths(List<Path> value) {
      allowedPaths = value;
      return this;
    }

    public Builder insecure(boolean value) {
      insecure = value;
      return this;
    }

    /** Returns the settings, or raises {@link IllegalArgumentException} as the record does. */
    public ServerConfig build() {
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
          allowedPaths,
          insecure);
    }
  }

  public ServerConfig withBindAddress(String address) {
    return toBuilder().bindAddress(address).build();
  }

  public ServerConfig withPort(int newPort) {
    return toBuilder().port(newPort).build();
  }

  public ServerConfig withTpch(double scaleFactor) {
    return toBuilder().tpchScaleFactor(OptionalDouble.of(scaleFactor)).build();
  }

  public ServerConfig withMaxQueryTime(int seconds) {
    return toBuilder().maxQueryTimeSeconds(seconds).build();
  }

  public ServerConfig withIdleTimeout(int seconds) {
    return toBuilder().idleTimeoutSeconds(seconds).build();
  }

  /** Returns these settings with authentication on, against the users in {@code file}. */
  public ServerConfig withAuthentication(Authentication method, Path file) {
    return toBuilder()
        .authentication(method)
        .usersFile(method == Authentication.NONE ? Optional.empty() : Optional.of(file))
        .build();
  }

  /** Returns these settings serving the database stored in {@code directory}. */
  public ServerConfig withDataDirectory(Path directory) {
    return toBuilder().dataDirectory(Optional.of(directory)).build();
  }

  /** Returns these settings letting COPY and read_csv read files under the directories. */
  public ServerConfig withAllowedPaths(List<Path> directories) {
    return toBuilder().allowedPaths(directories).build();
  }

  /**
   * Returns these settings with a bind address other than loopback allowed without authentication,
   * which lets anyone who reaches the port run SQL.
   */
  public ServerConfig withInsecureBind(String address) {
    return toBuilder().insecure(true).bindAddress(address).build();
  }

  public ServerConfig withTls(Path keystore, String password) {
    return toBuilder()
        .tlsKeystore(Optional.of(keystore))
        .tlsPassword(Optional.of(password))
        .build();
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
        + ", dataDirectory="
        + dataDirectory
        + ", allowedPaths="
        + allowedPaths
        + ", insecure="
        + insecure
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
