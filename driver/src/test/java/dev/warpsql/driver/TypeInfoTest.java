package dev.warpsql.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeInfoTest {
  private static Map<String, int[]> typeInfo(Connection connection) throws SQLException {
    Map<String, int[]> types = new LinkedHashMap<>();
    try (ResultSet rows = connection.getMetaData().getTypeInfo()) {
      while (rows.next()) {
        types.put(
            rows.getString("TYPE_NAME"),
            new int[] {
              rows.getInt("DATA_TYPE"), rows.getInt("PRECISION"), rows.getShort("MAXIMUM_SCALE")
            });
      }
    }
    return types;
  }

  @Test
  void typeInfoListsStoredTypes() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      assertThat(typeInfo(connection).keySet())
          .containsExactlyInAnyOrder(
              "BOOLEAN",
              "TINYINT",
              "SMALLINT",
              "INTEGER",
              "BIGINT",
              "DECIMAL",
              "FLOAT",
              "REAL",
              "DOUBLE",
              "DATE",
              "TIME",
              "TIMESTAMP",
              "CHAR",
              "VARCHAR");
    }
  }

  @Test
  void typeInfoIsOrderedByDataType() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      List<Integer> dataTypes = new ArrayList<>();
      for (int[] type : typeInfo(connection).values()) {
        dataTypes.add(type[0]);
      }

      assertThat(dataTypes).isSorted();
    }
  }

  /** Every listed type can be declared, DECIMAL with its listed precision and scale. */
  @Test
  void listedTypesCanBeDeclared() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:");
        Statement statement = connection.createStatement()) {
      Map<String, int[]> types = typeInfo(connection);
      int[] decimal = types.get("DECIMAL");
      assertThat(decimal[0]).isEqualTo(Types.DECIMAL);
      assertThat(decimal[1]).isEqualTo(18);
      assertThat(decimal[2]).isEqualTo(18);

      int column = 0;
      for (String name : types.keySet()) {
        String declared = name.equals("DECIMAL") ? "DECIMAL(18, 18)" : name;
        statement.execute("CREATE TABLE t" + column++ + " (c " + declared + ")");
      }
    }
  }
}
