package dev.warpsql.driver.server;

import dev.warpsql.driver.server.ServerConfig.Authentication;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.eclipse.jetty.util.security.Credential;

/**
 * The users file of {@code --users}: a Jetty {@code HashLoginService} properties file with lines
 * {@code USER: CREDENTIAL[, ROLE...]}, in which every credential must be a hash.
 *
 * <p>With BASIC a credential is {@code MD5:} and the MD5 of the password, or {@code CRYPT:} and its
 * Unix crypt. With DIGEST it is {@code MD5:} and the MD5 of {@code USER:Avatica:PASSWORD}, because
 * Jetty's digest check needs that hash, and {@code CRYPT:} cannot work. Plain text and Jetty's
 * reversible {@code OBF:} are rejected, so that a copy of the file does not give away the
 * passwords. Jetty hashes the password's ISO-8859-1 bytes, so use passwords in that character set.
 */
public final class UsersFile {
  /** The realm that Avatica's server (1.27) gives Jetty, which DIGEST hashes include. */
  static final String REALM = "Avatica";

  private static final String MD5 = "MD5:";
  private static final String CRYPT = "CRYPT:";

  private UsersFile() {}

  /**
   * Returns the line to put in a users file for a user and password: the user, a colon and the
   * hashed credential that {@code method} accepts.
   */
  public static String line(Authentication method, String user, String password) {
    if (user.isEmpty() || user.contains(":") || user.contains("=") || !user.strip().equals(user)) {
      throw new IllegalArgumentException(
          "invalid user name '" + user + "': use a name without ':', '=' and surrounding spaces");
    }
    String hashed =
        method == Authentication.DIGEST
            ? Credential.MD5.digest(user + ":" + REALM + ":" + password)
            : Credential.MD5.digest(password);
    return user + ": " + hashed;
  }

  /**
   * Checks that the file is readable and that every credential in it is a hash that {@code method}
   * accepts.
   *
   * @throws IOException when the file is missing or unreadable, or a credential is not a usable
   *     hash; the message names the user, never the credential
   */
  static void check(Path file, Authentication method) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException("users file " + file + " is missing or unreadable");
    }
    Properties users = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      users.load(reader);
    }
    if (users.isEmpty()) {
      throw new IOException(
          "users file " + file + " has no users; add lines made by " + hint(method));
    }
    for (String user : users.stringPropertyNames()) {
      String credential = users.getProperty(user).split(",", 2)[0].strip();
      String problem = problem(credential, method);
      if (problem != null) {
        throw new IOException(
            "users file "
                + file
                + ": the password of user '"
                + user
                + "' "
                + problem
                + hint(method));
      }
    }
  }

  /** Returns the command that makes a credential for {@code method}. */
  private static String hint(Authentication method) {
    return method == Authentication.DIGEST
        ? "'warp serve --hash-password USER --auth digest'"
        : "'warp serve --hash-password USER'";
  }

  /** Returns why a credential cannot be used, or null when it can. */
  private static String problem(String credential, Authentication method) {
    String upper = credential.toUpperCase(Locale.ROOT);
    if (upper.startsWith(MD5)) {
      return upper.substring(MD5.length()).matches("[0-9A-F]{32}")
          ? null
          : "is not a valid MD5 hash (32 hexadecimal digits after MD5:); make one with ";
    }
    if (upper.startsWith(CRYPT)) {
      return method == Authentication.DIGEST
          ? "is a CRYPT: hash, which DIGEST cannot check; make an MD5: one with "
          : null;
    }
    return "is not hashed, and the server accepts only MD5: or CRYPT: credentials; make one with ";
  }
}
