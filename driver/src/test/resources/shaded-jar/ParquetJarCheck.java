import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Reads a Parquet file through an embedded database with nothing but the shaded driver jar on the
 * class path, and prints the row count and the largest name. Run as a single-file program: java
 * -cp warpsql-jdbc.jar ParquetJarCheck.java DIRECTORY FILE
 */
public class ParquetJarCheck {
  public static void main(String[] args) throws Exception {
    String sql = "SELECT COUNT(*), MAX(name), SUM(price) FROM read_parquet('" + args[1] + "')";
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:;allow_path=" + args[0]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      System.out.println("parquet rows: " + rows.getLong(1));
      System.out.println("max name: " + rows.getString(2));
      System.out.println("total price: " + rows.getBigDecimal(3));
    }
  }
}
