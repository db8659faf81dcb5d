package dev.warpsql.driver.remote;

import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/** Database metadata of a {@link RemoteConnection}, as Avatica's remote driver reports it. */
final class RemoteDatabaseMetaData extends AvaticaDatabaseMetaData {
  RemoteDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
  }
}
