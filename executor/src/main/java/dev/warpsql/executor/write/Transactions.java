package dev.warpsql.executor.write;

import dev.warpsql.executor.catalog.CatalogTable;
import dev.warpsql.executor.catalog.CatalogTransaction;
import dev.warpsql.executor.storage.Table;

/** Hands new table versions to a transaction without leaking them when it rejects one. */
final class Transactions {
  private Transactions() {}

  static void replace(CatalogTransaction transaction, CatalogTable target, Table next) {
    try {
      transaction.replaceTable(target, next);
    } catch (RuntimeException e) {
      next.close();
      throw e;
    }
  }

  static void create(CatalogTransaction transaction, String schemaName, Table table) {
    try {
      transaction.createTable(schemaName, table);
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
  }
}
