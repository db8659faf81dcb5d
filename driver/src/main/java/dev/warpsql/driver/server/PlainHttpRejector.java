package dev.warpsql.driver.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first protocol of a TLS connector: it passes TLS connections on, and responds to any other
 * request with HTTP 400 and a message that requests {@code https://}.
 *
 * <p>A TLS connector alone closes a plain-HTTP connection without a response, and Jetty's {@code
 * OptionalSslConnectionFactory} (9.4) answers only a GET. Avatica's client (1.27) sends POST and
 * retries a request without a response forever, so a client that wrote {@code http://} for a TLS
 * server would hang.
 */
final class PlainHttpRejector extends DetectorConnectionFactory {
  private static final Logger LOG = LoggerFactory.getLogger(PlainHttpRejector.class);

  private static final String BODY = "this WarpSQL server accepts only TLS; use https://\n";
  private static final String RESPONSE =
      "HTTP/1.1 400 Bad Request\r\n"
          + "Content-Type: text/plain;charset=utf-8\r\n"
          + "Content-Length: "
          + BODY.length()
          + "\r\nConnection: close\r\n\r\n"
          + BODY;

  PlainHttpRejector(SslConnectionFactory tls) {
    super(tls);
  }

  @Override
  protected void nextProtocol(Connector connector, EndPoint endPoint, ByteBuffer buffer) {
    LOG.warn("rejected a plain-HTTP request from {} on the TLS port", endPoint.getRemoteAddress());
    ByteBuffer response = ByteBuffer.wrap(RESPONSE.getBytes(StandardCharsets.US_ASCII));
    endPoint.write(Callback.from(() -> close(endPoint), failure -> close(endPoint)), response);
  }

  /** Closes the output first, so that the client reads the response before the connection ends. */
  private static void close(EndPoint endPoint) {
    endPoint.shutdownOutput();
    endPoint.close();
  }
}
