package dev.warpsql.driver.cli;

import dev.warpsql.driver.server.ServerConfig.Authentication;
import dev.warpsql.driver.server.UsersFile;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code warp serve --hash-password USER [--auth basic|digest]}: prints a users-file line with the
 * hashed password, so that no password is stored in plain text.
 *
 * <p>The password comes from the terminal without echo when there is one, and otherwise from the
 * first line of standard input, so that scripts can pipe it in. It never appears on the command
 * line, where other users of the machine could read it in the process list.
 */
final class HashPasswordCommand {
  static final String OPTION = "--hash-password";

  private final String user;
  private final Authentication method;

  private HashPasswordCommand(String user, Authentication method) {
    this.user = user;
    this.method = method;
  }

  /** Returns whether the arguments of {@code warp serve} ask for a password hash. */
  static boolean requested(List<String> args) {
    return args.stream().anyMatch(arg -> arg.equals(OPTION) || arg.startsWith(OPTION + "="));
  }

  static HashPasswordCommand parse(List<String> args) throws UsageException {
    String user = null;
    Authentication method = Authentication.BASIC;
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      if (!option.equals(OPTION) && !option.equals("--auth")) {
        throw new UsageException(
            "unexpected argument '"
                + arg
                + "' with "
                + OPTION
                + "; use "
                + OPTION
                + " USER [--auth basic|digest]");
      }
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i < args.size()) {
        value = args.get(i++);
      } else {
        throw new UsageException("missing value for " + option);
      }
      if (option.equals(OPTION)) {
        user = value;
      } else {
        method = ServeOptionsParser.parseAuthentication(value);
      }
    }
    return new HashPasswordCommand(user, method);
  }

  /** Reads the password and prints the users-file line to {@code out}. */
  void run(InputStream stdin, PrintStream out) throws IOException, UsageException {
    String password = readPassword(stdin);
    if (password == null || password.isEmpty()) {
      throw new UsageException("missing password: type it, or pipe it on standard input");
    }
    try {
      out.println(UsersFile.line(method, user, password));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private String readPassword(InputStream stdin) throws IOException {
    Console console = System.console();
    if (console != null && stdin == System.in) {
      char[] typed = console.readPassword("Password for %s: ", user);
      return typed == null ? null : new String(typed);
    }
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    return reader.readLine();
  }
}
