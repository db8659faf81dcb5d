package dev.warpsql.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * The result columns that a query's outermost ORDER BY sorts on, found by parsing the query with
 * Calcite's parser. Rows that are equal on these columns are ties, which engines may return in any
 * order.
 */
final class OrderKeys {
  /**
   * The parser settings of WarpSQL: double-quoted identifiers, unquoted ones folded to lower case.
   */
  static final SqlParser.Config PARSER_CONFIG =
      SqlParser.config()
          .withQuoting(Quoting.DOUBLE_QUOTE)
          .withUnquotedCasing(Casing.TO_LOWER)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(true);

  private OrderKeys() {}

  /**
   * Returns the 0-based result column of each ORDER BY item, in ORDER BY order: an empty list for a
   * query without ORDER BY, and an empty Optional when an item is not a result column or its
   * position (such as an expression), so that ties cannot be distinguished from misordered rows.
   */
  static Optional<List<Integer>> of(String sql) {
    SqlNode node;
    try {
      node = SqlParser.create(sql, PARSER_CONFIG).parseQuery();
    } catch (SqlParseException e) {
      return Optional.empty();
    }
    if (node instanceof SqlWith with) {
      node = with.body;
    }
    if (!(node instanceof SqlOrderBy orderBy)) {
      return Optional.of(List.of());
    }
    SqlNode query = orderBy.query;
    if (query instanceof SqlWith with) {
      query = with.body;
    }
    if (!(query instanceof SqlSelect select)) {
      return Optional.empty();
    }
    List<String> columnNames = columnNames(select.getSelectList());
    List<Integer> keys = new ArrayList<>();
    for (SqlNode item : orderBy.orderList) {
      int column = resultColumn(sortExpression(item), columnNames);
      if (column < 0) {
        return Optional.empty();
      }
      keys.add(column);
    }
    return Optional.of(List.copyOf(keys));
  }

  /** Returns each select item's alias or column name, or null for an unnamed expression. */
  private static List<String> columnNames(SqlNodeList selectList) {
    List<String> names = new ArrayList<>();
    for (SqlNode item : selectList) {
      if (item.getKind() == SqlKind.AS) {
        names.add(lastName(((SqlBasicCall) item).operand(1)));
      } else {
        names.add(lastName(item));
      }
    }
    return names;
  }

  /** Strips DESC and NULLS FIRST or NULLS LAST from an ORDER BY item. */
  private static SqlNode sortExpression(SqlNode item) {
    SqlNode expression = item;
    while (expression.getKind() == SqlKind.DESCENDING
        || expression.getKind() == SqlKind.NULLS_FIRST
        || expression.getKind() == SqlKind.NULLS_LAST) {
      expression = ((SqlBasicCall) expression).operand(0);
    }
    return expression;
  }

  private static int resultColumn(SqlNode expression, List<String> columnNames) {
    if (expression instanceof SqlNumericLiteral literal && literal.isInteger()) {
      int position = literal.intValue(true);
      return position >= 1 && position <= columnNames.size() ? position - 1 : -1;
    }
    String name = lastName(expression);
    return name == null ? -1 : columnNames.indexOf(name);
  }

  private static String lastName(SqlNode node) {
    if (node instanceof SqlIdentifier identifier && !identifier.isStar()) {
      return identifier.names.get(identifier.names.size() - 1).toLowerCase(Locale.ROOT);
    }
    return null;
  }
}
