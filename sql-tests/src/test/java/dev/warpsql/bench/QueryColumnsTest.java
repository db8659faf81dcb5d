package dev.warpsql.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryColumnsTest {
  private static final Map<String, List<String>> TABLES = tables();

  private static Map<String, List<String>> tables() {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    tables.put("orders", List.of("o_orderkey", "o_custkey", "o_orderdate", "o_comment"));
    tables.put("lineitem", List.of("l_orderkey", "l_quantity", "l_shipdate"));
    tables.put("region", List.of("r_regionkey", "r_name"));
    return tables;
  }

  @Test
  void columnsOfNamedTablesOnly() {
    String sql =
        "select o_orderdate, sum(l.l_quantity) as r_name from orders o join lineitem l"
            + " on o.o_orderkey = l.l_orderkey group by o_orderdate";

    Map<String, Set<String>> columns = QueryColumns.of(sql, TABLES);

    assertThat(columns.keySet()).containsExactly("orders", "lineitem");
    assertThat(columns.get("orders")).containsExactly("o_orderkey", "o_orderdate");
    assertThat(columns.get("lineitem")).containsExactly("l_orderkey", "l_quantity");
  }

  @Test
  void columnInSubqueryAndCteCountsOnce() {
    String sql =
        "with late as (select l_orderkey from lineitem where l_shipdate > date '1995-01-01')"
            + " select count(*) from orders where o_orderkey in (select l_orderkey from late)"
            + " and o_custkey in (select o_custkey from orders)";

    Map<String, Set<String>> columns = QueryColumns.of(sql, TABLES);

    assertThat(columns.get("orders")).containsExactly("o_orderkey", "o_custkey");
    assertThat(columns.get("lineitem")).containsExactly("l_orderkey", "l_shipdate");
  }

  @Test
  void unparsableSqlIsRejected() {
    assertThatThrownBy(() -> QueryColumns.of("select from where", TABLES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot parse the query");
  }
}
