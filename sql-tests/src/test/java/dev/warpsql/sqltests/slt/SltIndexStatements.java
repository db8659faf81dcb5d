package dev.warpsql.sqltests.slt;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE INDEX, DROP INDEX and REINDEX for one sqllogictest file. WarpSQL has no indexes, so these
 * statements change nothing in the database. The runner handles them itself because WarpSQL's DDL
 * has no such statements: it keeps the names of the indexes that a file created, so that it fails
 * the statements that SQLite fails (a duplicate name, an unknown table, a missing index), which the
 * corpus checks with {@code statement error}.
 */
final class SltIndexStatements {
  private static final String UNKNOWN_TABLE = "42P01";
  private static final Pattern CREATE =
      Pattern.compile(
          "\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+(\\w+).*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern DROP =
      Pattern.compile(
          "\\s*DROP\\s+INDEX\\s+(IF\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern REINDEX =
      Pattern.compile("\\s*REINDEX(?:\\s+(\\w+))?\\s*;?\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern DROP_TABLE =
      Pattern.compile(
          "\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s*;?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /** The table of each index that the file created, by lower-case index name. */
  private final Map<String, String> indexes = new HashMap<>();

  /** Returns whether a statement is one of the index statements that {@link #run} handles. */
  static boolean matches(String sql) {
    return CREATE.matcher(sql).matches()
        || DROP.matcher(sql).matches()
        || REINDEX.matcher(sql).matches();
  }

  /**
   * Runs an index statement for which {@link #matches} is true.
   *
   * @return null when it succeeds, else why it fails, as SQLite would fail it
   */
  String run(String sql, Connection connection) throws SQLException {
    Matcher create = CREATE.matcher(sql);
    if (create.matches()) {
      String name = create.group(2).toLowerCase(Locale.ROOT);
      String table = create.group(3).toLowerCase(Locale.ROOT);
      if (!tableExists(connection, table)) {
        return "no such table: " + table;
      }
      if (indexes.putIfAbsent(name, table) != null && create.group(1) == null) {
        return "index " + name + " already exists";
      }
      return null;
    }
    Matcher drop = DROP.matcher(sql);
    if (drop.matches()) {
      String name = drop.group(2).toLowerCase(Locale.ROOT);
      return indexes.remove(name) != null || drop.group(1) != null
          ? null
          : "no such index: " + name;
    }
    Matcher reindex = REINDEX.matcher(sql);
    if (!reindex.matches()) {
      throw new IllegalArgumentException("not an index statement: " + sql);
    }
    String name = reindex.group(1);
    if (name == null
        || indexes.containsKey(name.toLowerCase(Locale.ROOT))
        || tableExists(connection, name)) {
      return null;
    }
    return "unable to identify the object to be reindexed: " + name;
  }

  /** Forgets the indexes of a table when a statement that ran successfully dropped it. */
  void afterStatement(String sql) {
    Matcher drop = DROP_TABLE.matcher(sql);
    if (drop.matches()) {
      String table = drop.group(1).toLowerCase(Locale.ROOT);
      indexes.values().removeIf(table::equals);
    }
  }

  /**
   * Returns whether a table or view of an unquoted name exists. It checks with a query because
   * {@code DatabaseMetaData.getTables} misses tables created after its first call on a connection.
   */
  private static boolean tableExists(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1 FROM " + name + " WHERE 1 = 0").close();
      return true;
    } catch (SQLException e) {
      if (UNKNOWN_TABLE.equals(e.getSQLState())) {
        return false;
      }
      throw e;
    }
  }
}
