package dev.warpsql.driver.server;

import dev.warpsql.driver.server.ServerConfig.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost handler of a server with authentication. It logs one WARN line for each request
 * with credentials that Jetty's security handler rejects with HTTP 401, so that guessing attacks
 * show in the log. The line has the client's address and the user name, never the password.
 *
 * <p>Clients first send a request without credentials and get a 401 challenge: Avatica's client
 * (1.27, through Apache HttpClient 5) does so for BASIC too. A DIGEST client gets another
 * challenge, with {@code stale=true}, when its nonce expires. Both are part of the protocol, so
 * they are logged at DEBUG only. NOTE: a client that has no credentials at all looks the same as
 * such a first request, so its rejection is logged at DEBUG too.
 */
final class RejectedCredentialsLog extends HandlerWrapper {
  private static final Logger LOG = LoggerFactory.getLogger(RejectedCredentialsLog.class);

  /** Maximum length of a logged user name, in characters, so that a huge header cannot flood it. */
  private static final int MAX_USER_CHARS = 64;

  private static final Pattern DIGEST_USER = Pattern.compile("username=\"([^\"]*)\"");

  private final Authentication method;

  RejectedCredentialsLog(Authentication method) {
    this.method = method;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    super.handle(target, baseRequest, request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      log(request, response);
    }
  }

  private void log(HttpServletRequest request, HttpServletResponse response) {
    String authorization = request.getHeader(HttpHeader.AUTHORIZATION.asString());
    String challenge = response.getHeader(HttpHeader.WWW_AUTHENTICATE.asString());
    boolean stale = challenge != null && challenge.toLowerCase(Locale.ROOT).contains("stale=true");
    if (authorization == null || stale) {
      LOG.debug("sent a {} challenge to {}", method, request.getRemoteAddr());
    } else {
      LOG.warn(
          "rejected the credentials of user '{}' from {} with HTTP 401",
          userName(authorization),
          request.getRemoteAddr());
    }
  }

  /** Returns the user name of an Authorization header, made printable and shortened. */
  static String userName(String authorization) {
    String user;
    int space = authorization.indexOf(' ');
    String scheme = space < 0 ? authorization : authorization.substring(0, space);
    if (scheme.equalsIgnoreCase("Basic")) {
      user = basicUser(authorization.substring(space + 1).strip());
    } else if (scheme.equalsIgnoreCase("Digest")) {
      Matcher matcher = DIGEST_USER.matcher(authorization);
      user = matcher.find() ? matcher.group(1) : "(none)";
    } else {
      return "(" + printable(scheme) + " credentials)";
    }
    return printable(user);
  }

  private static String basicUser(String token) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return "(invalid BASIC credentials)";
    }
    int colon = decoded.indexOf(':');
    // Without a colon the whole token could be a password, so none of it is shown.
    return colon < 0 ? "(invalid BASIC credentials)" : decoded.substring(0, colon);
  }

  /** Replaces control and non-ASCII characters, so that a user name cannot forge log lines. */
  private static String printable(String text) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < text.length() && i < MAX_USER_CHARS; i++) {
      char c = text.charAt(i);
      result.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.length() > MAX_USER_CHARS) {
      result.append("...");
    }
    return result.toString();
  }
}
