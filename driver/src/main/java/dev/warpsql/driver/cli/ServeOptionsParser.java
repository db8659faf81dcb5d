package dev.warpsql.driver.cli;

import dev.warpsql.driver.server.ServerConfig;
import dev.warpsql.driver.server.ServerConfig.Authentication;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Parser of the arguments of {@code warp serve} into a {@link ServerConfig}.
 *
 * <p>An option's value follows it as the next argument or after {@code =} ({@code --port 9000} or
 * {@code --port=9000}).
 */
final class ServeOptionsParser {
  static final String USAGE =
      """
      Usage: warp serve [options]

      Starts a WarpSQL server: an Avatica HTTP server (protobuf serialization) over a
      new in-memory database, or the one in --data DIR, that all clients share.
      Connect with the JDBC URL jdbc:warp:remote:url=http://HOST:PORT. Stop it with
      Ctrl-C or SIGTERM.

      Options:
        --data DIR               Serve the database stored in directory DIR, creating
                                 it when absent; changes are saved there.
        --allow-path DIR         Let COPY and read_csv read files under DIR on the
                                 server (default: none). Repeat to allow several.
        --tpch SF                Load the 8 TPC-H tables into schema main at start,
                                 generated at scale factor SF (a positive number).
        --port PORT              TCP port to listen on (default 8765; 0 picks a free
                                 port).
        --bind ADDRESS           Address to listen on (default 127.0.0.1). Without
                                 --auth only a loopback address is accepted,
                                 unless --insecure is given.
        --insecure               Allow a --bind address other than loopback without
                                 --auth: anyone who reaches the port can then read
                                 and change every table. The server logs a warning.
        --max-query-time SECONDS Longest time, in seconds, that any query may run
                                 before the server cancels it (default 0: no limit).
        --idle-timeout SECONDS   Time, in seconds, after which an unused connection
                                 or statement is closed (default 600).
        --auth METHOD            Client authentication: basic or digest (HTTP).
        --users FILE             Users for --auth: a Jetty HashLoginService file of
                                 'user: MD5:...' lines. Plain-text passwords are
                                 rejected; make each line with --hash-password.
        --tls-keystore FILE      Serve HTTPS with the certificate in this Java
                                 keystore (JKS or PKCS12).
        --tls-password PASSWORD  Password of the keystore.
        -h, --help               Print this help and exit.

      Usage: warp serve --hash-password USER [--auth basic|digest]

      Reads a password from the terminal (or the first line of standard input),
      prints the line 'USER: MD5:...' to add to the --users file, and exits. The hash
      differs for --auth digest, so give the method the server will use (default
      basic).

      Exit status: 1 if the server fails to start, 2 if the command line is invalid.
      After SIGINT or SIGTERM the server stops cleanly and the JVM exits with 130
      or 143.
      """;

  private final ServerConfig.Builder config = new ServerConfig.Builder();
  private final List<Path> allowedPaths = new ArrayList<>();

  private ServeOptionsParser() {}

  static ServerConfig parse(List<String> args) throws UsageException {
    ServeOptionsParser parser = new ServeOptionsParser();
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      if (arg.equals("--insecure")) {
        parser.config.insecure(true);
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new UsageException(
            "unexpected argument '" + arg + "'; run 'warp serve --help' for the options");
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i < args.size()) {
        value = args.get(i++);
      } else {
        throw new UsageException("missing value for " + option);
      }
      parser.apply(option, value);
    }
    return parser.build();
  }

  private void apply(String option, String value) throws UsageException {
    switch (option) {
      case "--tpch" ->
          config.tpchScaleFactor(OptionalDouble.of(QueryOptionsParser.parseScaleFactor(value)));
      case "--port" -> config.port(parseInteger(option, value, 0, 65535));
      case "--bind" -> config.bindAddress(value);
      case "--max-query-time" ->
          config.maxQueryTimeSeconds(parseInteger(option, value, 0, Integer.MAX_VALUE));
      case "--idle-timeout" ->
          config.idleTimeoutSeconds(parseInteger(option, value, 1, Integer.MAX_VALUE));
      case "--auth" -> config.authentication(parseAuthentication(value));
      case "--users" -> config.usersFile(Optional.of(toPath(option, value)));
      case "--tls-keystore" -> config.tlsKeystore(Optional.of(toPath(option, value)));
      case "--tls-password" -> config.tlsPassword(Optional.of(value));
      case "--data" -> config.dataDirectory(Optional.of(toPath(option, value)));
      case "--allow-path" -> allowedPaths.add(toPath(option, value));
      default ->
          throw new UsageException(
              "unknown option '" + option + "'; run 'warp serve --help' for the options");
    }
  }

  private static int parseInteger(String option, String value, int min, int max)
      throws UsageException {
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Reported below with the accepted range.
    }
    throw new UsageException(
        "invalid " + option + " '" + value + "': expected an integer from " + min + " to " + max);
  }

  static Authentication parseAuthentication(String value) throws UsageException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "basic" -> Authentication.BASIC;
      case "digest" -> Authentication.DIGEST;
      default ->
          throw new UsageException("invalid --auth '" + value + "': expected basic or digest");
    };
  }

  private static Path toPath(String option, String value) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("invalid path '" + value + "' in " + option + ": " + e.getReason());
    }
  }

  private ServerConfig build() throws UsageException {
    try {
      return config.allowedPaths(allowedPaths).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
