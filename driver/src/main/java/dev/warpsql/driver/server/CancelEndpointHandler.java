package dev.warpsql.driver.server;

import dev.warpsql.driver.remote.CancelRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Avatica's protobuf handler plus WarpSQL's cancel endpoint at {@link CancelRequest#PATH}, and a
 * check that rejects a body that is not an Avatica protobuf request with HTTP 400.
 *
 * <p>The cancel endpoint is how {@code Statement.cancel()} and client query timeouts of WarpSQL's
 * remote driver reach a query that another HTTP request is running (see {@code RemoteConnection}
 * for the client's side). It sets the cancel flag of the engine statement, which the engine checks
 * between morsels, so the running execute request fails with SQLSTATE 57014 within one morsel.
 *
 * <p>The endpoint sits behind the same authentication as the Avatica endpoint, and it only cancels
 * a statement of the connection that the request names. Avatica's clients choose random UUIDs as
 * connection ids, so one client cannot guess another's. NOTE: a cancel that arrives before the
 * engine starts the query is lost, because each execution clears the flag when it starts. The
 * server's maximum query time still bounds such a query.
 *
 * <p>Replies: 200 with {@code canceled} or {@code not found} (no such statement on that
 * connection), 400 for a malformed body, 405 for a method other than POST.
 */
final class CancelEndpointHandler extends AvaticaProtobufHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CancelEndpointHandler.class);

  /** Longest accepted cancel request body, in bytes; a real one has about 70. */
  private static final int MAX_BODY_BYTES = 1024;

  private static final ProtobufTranslation PROTOBUF = new ProtobufTranslationImpl();

  private final WarpMeta meta;

  CancelEndpointHandler(Service service, WarpMeta meta) {
    super(service, NoopMetricsSystem.getInstance(), null);
    this.meta = meta;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!CancelRequest.PATH.equals(target)) {
      handleAvatica(target, baseRequest, request, response);
      return;
    }
    baseRequest.setHandled(true);
    if (!"POST".equals(request.getMethod())) {
      reply(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "use POST");
      return;
    }

    CancelRequest cancel;
    try {
      cancel = CancelRequest.decode(request.getInputStream().readNBytes(MAX_BODY_BYTES));
    } catch (IllegalArgumentException e) {
      LOG.warn("invalid cancel request from {}: {}", request.getRemoteAddr(), e.getMessage());
      reply(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }

    try {
      boolean found = meta.cancel(cancel);
      LOG.info(
          "cancel of statement {} on connection {} from {}: {}",
          cancel.statementId(),
          cancel.connectionId(),
          request.getRemoteAddr(),
          found ? "canceled" : "no such statement");
      reply(response, HttpServletResponse.SC_OK, found ? "canceled" : "not found");
    } catch (SQLException | RuntimeException e) {
      LOG.error(
          "cancel of statement {} on connection {} failed",
          cancel.statementId(),
          cancel.connectionId(),
          e);
      reply(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "cancel failed");
    }
  }

  /**
   * Passes a request to Avatica's handler if its body parses as an Avatica protobuf request, and
   * otherwise responds with HTTP 400. Avatica's handler (1.27) responds to a body that does not
   * parse with HTTP 500 and a Java stack trace, and logs nothing.
   */
  private void handleAvatica(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!"POST".equals(request.getMethod())) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    try {
      PROTOBUF.parseRequest(body);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "invalid request of {} bytes from {}: not an Avatica protobuf request ({})",
          body.length,
          request.getRemoteAddr(),
          e.getMessage());
      baseRequest.setHandled(true);
      reply(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "invalid request: the body is not an Avatica protobuf request. "
              + "Connect with WarpSQL's or Avatica's JDBC driver.\n");
      return;
    }
    super.handle(target, baseRequest, new BufferedRequest(request, body), response);
  }

  private static void reply(HttpServletResponse response, int status, String text)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
  }
}
