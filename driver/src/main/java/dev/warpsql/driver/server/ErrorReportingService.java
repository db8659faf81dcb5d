package dev.warpsql.driver.server;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Service} wrapper that logs every failed request and gives the client the SQLSTATE of the
 * failure.
 *
 * <p>Avatica's handler (1.27) sends SQLSTATE 00000 for any exception that is not an {@link
 * AvaticaRuntimeException}, so a client could not tell a syntax error from a canceled query. This
 * wrapper finds the {@link SQLException} among the causes and rethrows its message and SQLSTATE as
 * an {@code AvaticaRuntimeException}. A connection that the server no longer has keeps Avatica's
 * "missing connection" error code, which Avatica's client reads to reconnect, and gets SQLSTATE
 * 08003, which pools read to evict the connection.
 */
final class ErrorReportingService implements InvocationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReportingService.class);
  private static final String CONNECTION_DOES_NOT_EXIST = "08003";

  private final Service delegate;

  private ErrorReportingService(Service delegate) {
    this.delegate = delegate;
  }

  /** Returns a service that passes every request to {@code delegate}. */
  static Service wrap(Service delegate) {
    return (Service)
        Proxy.newProxyInstance(
            Service.class.getClassLoader(),
            new Class<?>[] {Service.class},
            new ErrorReportingService(delegate));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(delegate, args);
    }
    try {
      return method.invoke(delegate, args);
    } catch (InvocationTargetException e) {
      Throwable failure = e.getCause();
      Object request = args == null || args.length == 0 ? null : args[0];
      log(request, failure);
      throw translate(failure);
    }
  }

  private static void log(Object request, Throwable failure) {
    String requestName = request == null ? "request" : request.getClass().getSimpleName();
    String ids = ids(request);
    SQLException sql = sqlCause(failure);
    String message = sql != null ? sql.getMessage() : String.valueOf(failure);
    String state = sql != null ? sql.getSQLState() : null;
    if (sql != null || failure instanceof NoSuchConnectionException) {
      LOG.warn("{} of {} failed ({}): {}", requestName, ids, state, message);
      LOG.debug("{} of {} failed", requestName, ids, failure);
    } else {
      LOG.error("{} of {} failed: {}", requestName, ids, message, failure);
    }
  }

  private static Throwable translate(Throwable failure) {
    if (failure instanceof NoSuchConnectionException) {
      String message = failure.getMessage() == null ? "connection not found" : failure.getMessage();
      return new AvaticaRuntimeException(
          message + "; the connection was closed or expired after being idle, so open a new one",
          ErrorResponse.MISSING_CONNECTION_ERROR_CODE,
          CONNECTION_DOES_NOT_EXIST,
          AvaticaSeverity.ERROR);
    }
    SQLException sql = sqlCause(failure);
    if (sql == null || failure instanceof AvaticaRuntimeException) {
      return failure;
    }
    String state = sql.getSQLState() == null ? ErrorResponse.UNKNOWN_SQL_STATE : sql.getSQLState();
    // Avatica's client gives error codes 1 and 2 a meaning of their own (missing connection,
    // unauthorized), so an engine error never passes them on.
    int code = sql.getErrorCode();
    if (code == ErrorResponse.MISSING_CONNECTION_ERROR_CODE
        || code == ErrorResponse.UNAUTHORIZED_ERROR_CODE) {
      code = ErrorResponse.UNKNOWN_ERROR_CODE;
    }
    return new AvaticaRuntimeException(
        String.valueOf(sql.getMessage()), code, state, AvaticaSeverity.ERROR);
  }

  /** Returns the outermost SQLException among the causes, or null. */
  private static SQLException sqlCause(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  /**
   * Returns the connection id of a request and, when it has one, the statement id, for example
   * {@code connection 5f0c..., statement 3}. Avatica's requests (1.27) carry them as {@code
   * connectionId} and {@code statementId} fields, or in a {@code statementHandle} field, as {@code
   * ExecuteRequest} does.
   */
  private static String ids(Object request) {
    Object connectionId = field(request, "connectionId");
    Object statementId = field(request, "statementId");
    if (field(request, "statementHandle") instanceof StatementHandle handle) {
      connectionId = handle.connectionId;
      statementId = handle.id;
    }
    String connection = "connection " + (connectionId == null ? "?" : connectionId);
    return statementId == null ? connection : connection + ", statement " + statementId;
  }

  /** Returns the value of a request's public field, or null when it has no such field. */
  private static Object field(Object request, String name) {
    if (request == null) {
      return null;
    }
    try {
      Field field = request.getClass().getField(name);
      return field.get(request);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      return null;
    }
  }
}
