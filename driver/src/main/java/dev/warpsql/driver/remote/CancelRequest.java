package dev.warpsql.driver.remote;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A request to stop the statement that a remote connection is running, sent by WarpSQL's remote
 * driver to the server's cancel endpoint.
 *
 * <p>Avatica's protocol (1.27) has no cancel message, so the request travels as its own HTTP POST
 * to {@link #PATH} on the server's address, through the same HTTP client, authentication and TLS
 * settings as the connection. The body is UTF-8 text in the form {@code
 * connectionId=ID&statementId=N}: the ids that Avatica's protocol already gives the connection and
 * the statement.
 *
 * @param connectionId the Avatica connection id, which the client chose when it connected
 * @param statementId the server's id of the statement within that connection
 */
public record CancelRequest(String connectionId, int statementId) {
  /** Path of the cancel endpoint, next to the Avatica endpoint at {@code /}. */
  public static final String PATH = "/warpsql/cancel";

  private static final String CONNECTION_KEY = "connectionId";
  private static final String STATEMENT_KEY = "statementId";

  public CancelRequest {
    requireNonNull(connectionId, "connectionId");
    if (connectionId.isEmpty() || connectionId.contains("&") || connectionId.contains("=")) {
      throw new IllegalArgumentException("invalid connection id '" + connectionId + "'");
    }
  }

  /** Returns the request body. */
  public byte[] encode() {
    String body = CONNECTION_KEY + "=" + connectionId + "&" + STATEMENT_KEY + "=" + statementId;
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a request body.
   *
   * @throws IllegalArgumentException when the body lacks one of the two ids or the statement id is
   *     not an integer
   */
  public static CancelRequest decode(byte[] body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).strip().split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        fields.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    String connectionId = fields.get(CONNECTION_KEY);
    String statementId = fields.get(STATEMENT_KEY);
    if (connectionId == null || statementId == null) {
      throw new IllegalArgumentException(
          "invalid cancel request: expected connectionId=ID&statementId=N");
    }
    try {
      return new CancelRequest(connectionId, Integer.parseInt(statementId));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid cancel request: statement id '" + statementId + "' is not an integer", e);
    }
  }
}
