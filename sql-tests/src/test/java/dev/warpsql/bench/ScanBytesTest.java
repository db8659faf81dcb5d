package dev.warpsql.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.executor.catalog.Catalog;
import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.load.TpchLoader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScanBytesTest {
  /** Small chunks, so that a table spans several and the count adds chunk by chunk. */
  private static final int CHUNK_ROWS = 1000;

  private static WarpDatabase database;
  private static CatalogSchema schema;

  @BeforeAll
  static void loadTpch() {
    database = WarpDatabase.inMemory();
    schema = database.catalog().schema(Catalog.DEFAULT_SCHEMA);
    TpchLoader.load(schema, 0.001, database.allocator(), CHUNK_ROWS);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void bytesAreRowsTimesPhysicalWidth() {
    long lineitemRows = schema.table("lineitem").rowCount();
    Map<String, Set<String>> columns =
        Map.of(
            "lineitem",
            new LinkedHashSet<>(List.of("l_orderkey", "l_quantity", "l_shipdate", "l_comment")));

    // BIGINT 8, DECIMAL(15,2) 8, DATE 4 and VARCHAR dictionary codes 4 bytes a row; no NULLs.
    assertThat(ScanBytes.of(schema, columns)).isEqualTo(lineitemRows * (8 + 8 + 4 + 4));
  }

  @Test
  void tableColumnsListsEveryTpchTable() {
    Map<String, List<String>> tables = ScanBytes.tableColumns(schema);

    assertThat(tables).hasSize(8);
    assertThat(tables.get("region")).containsExactly("r_regionkey", "r_name", "r_comment");
  }

  @Test
  void tpchQueryCountsEachNamedColumnOnce() {
    String sql = TpchBench.readQuery("q6");
    long lineitemRows = schema.table("lineitem").rowCount();

    long bytes = ScanBytes.of(schema, QueryColumns.of(sql, ScanBytes.tableColumns(schema)));

    // Q6 reads l_extendedprice, l_discount, l_quantity (DECIMAL) and l_shipdate (DATE).
    assertThat(bytes).isEqualTo(lineitemRows * (8 + 8 + 8 + 4));
  }
}
