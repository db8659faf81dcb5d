package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Type names and column sizes of {@code DatabaseMetaData.getColumns}. */
class WarpMetaColumnFactoryTest {
  @Test
  void columnsHaveBareTypeNamesAndStandardSizes() throws SQLException {
    Properties info = new Properties();
    info.setProperty("tpch", "0.0001");
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:", info)) {
      DatabaseMetaData metaData = connection.getMetaData();
      Map<String, String> types = new LinkedHashMap<>();
      Map<String, Integer> sizes = new LinkedHashMap<>();
      try (ResultSet columns = metaData.getColumns(null, "main", "lineitem", "%")) {
        while (columns.next()) {
          String name = columns.getString("COLUMN_NAME");
          types.put(name, columns.getString("TYPE_NAME"));
          sizes.put(name, columns.getInt("COLUMN_SIZE"));
        }
      }

      assertThat(types)
          .containsEntry("l_orderkey", "BIGINT")
          .containsEntry("l_linenumber", "INTEGER")
          .containsEntry("l_extendedprice", "DECIMAL")
          .containsEntry("l_shipdate", "DATE")
          .containsEntry("l_comment", "VARCHAR");
      assertThat(sizes)
          .containsEntry("l_orderkey", 19)
          .containsEntry("l_linenumber", 10)
          .containsEntry("l_extendedprice", 15)
          .containsEntry("l_shipdate", 10)
          .containsEntry("l_comment", 44);

      Set<String> typeInfoNames = new HashSet<>();
      try (ResultSet typeInfo = metaData.getTypeInfo()) {
        while (typeInfo.next()) {
          typeInfoNames.add(typeInfo.getString("TYPE_NAME"));
        }
      }
      assertThat(typeInfoNames).containsAll(types.values());
    }
  }

  @Test
  void numericColumnsHaveNoOctetLength() throws SQLException {
    Properties info = new Properties();
    info.setProperty("tpch", "0.0001");
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:", info);
        ResultSet columns =
            connection.getMetaData().getColumns(null, "main", "lineitem", "l_orderkey")) {
      assertThat(columns.next()).isTrue();
      columns.getInt("CHAR_OCTET_LENGTH");
      assertThat(columns.wasNull()).isTrue();
    }
  }
}
