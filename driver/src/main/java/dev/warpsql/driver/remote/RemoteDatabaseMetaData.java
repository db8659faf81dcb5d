package dev.warpsql.driver.remote;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Arrays;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaSpecificDatabaseMetaData;

/**
 * Database metadata of a {@link RemoteConnection}, as Avatica's remote driver reports it, behind a
 * proxy that raises the unchecked failures of its requests as SQLExceptions (see {@link
 * RemoteErrors}). One proxy covers every metadata method, each of which may send a request.
 */
final class RemoteDatabaseMetaData extends AvaticaDatabaseMetaData {
  private final RemoteConnection connection;

  private RemoteDatabaseMetaData(RemoteConnection connection) {
    super(connection);
    this.connection = connection;
  }

  // Avatica's client (1.27) returns its own defaults from the identifier methods below, which
  // claim upper-case storage. Tools such as DBeaver quote names by these results, so the methods
  // return the embedded driver's values: unquoted names are stored in lower case, and quoted
  // names keep their case.

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  /** Returns the server's URL, where Avatica returns only its own prefix, jdbc:avatica:remote:. */
  @Override
  public String getURL() {
    return connection.displayUrl();
  }

  /** Returns the metadata of {@code connection}. */
  static AvaticaSpecificDatabaseMetaData create(RemoteConnection connection) {
    RemoteDatabaseMetaData metaData = new RemoteDatabaseMetaData(connection);
    return (AvaticaSpecificDatabaseMetaData)
        Proxy.newProxyInstance(
            RemoteDatabaseMetaData.class.getClassLoader(),
            new Class<?>[] {AvaticaSpecificDatabaseMetaData.class},
            new Translator(metaData, connection.id));
  }

  /** Passes each call on and translates the unchecked failures of methods that declare them. */
  private record Translator(RemoteDatabaseMetaData target, String connectionId)
      implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable failure = e.getCause();
        if (failure instanceof RuntimeException unchecked && declaresSqlException(method)) {
          throw RemoteErrors.translate(connectionId, unchecked);
        }
        throw failure;
      }
    }

    private static boolean declaresSqlException(Method method) {
      return Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
    }
  }
}
