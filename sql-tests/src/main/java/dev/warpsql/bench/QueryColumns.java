package dev.warpsql.bench;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * The table columns that a query names, found from the identifiers in its parse tree: a table
 * counts when an identifier names it, and a column of such a table counts when an identifier's last
 * part names it. Each column counts once, however often the query reads it.
 *
 * <p>This matches names, not resolved references, so it relies on column names that are unique
 * across the query's tables and differ from its aliases, as TPC-H's prefixed names are (l_, o_,
 * ...). A column that two named tables share is counted for both.
 */
final class QueryColumns {
  private QueryColumns() {}

  /**
   * Returns, for each table that the query names, the columns of it that the query names, in the
   * table's column order of {@code tableColumns}.
   *
   * @param tableColumns every table's lower-case name and column names
   * @throws IllegalArgumentException when the SQL does not parse
   */
  static Map<String, Set<String>> of(String sql, Map<String, List<String>> tableColumns) {
    Set<String> names = identifierNames(sql);
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> table : tableColumns.entrySet()) {
      if (!names.contains(table.getKey())) {
        continue;
      }
      Set<String> named = new LinkedHashSet<>();
      for (String column : table.getValue()) {
        if (names.contains(column)) {
          named.add(column);
        }
      }
      columns.put(table.getKey(), named);
    }
    return columns;
  }

  /** Returns every identifier part of the query, lower-cased. */
  private static Set<String> identifierNames(String sql) {
    Set<String> names = new HashSet<>();
    try {
      SqlParser.create(sql, OrderKeys.PARSER_CONFIG)
          .parseQuery()
          .accept(
              new SqlBasicVisitor<Void>() {
                @Override
                public Void visit(SqlIdentifier identifier) {
                  for (String part : identifier.names) {
                    names.add(part.toLowerCase(Locale.ROOT));
                  }
                  return null;
                }
              });
    } catch (SqlParseException e) {
      throw new IllegalArgumentException("cannot parse the query: " + e.getMessage(), e);
    }
    return names;
  }
}
