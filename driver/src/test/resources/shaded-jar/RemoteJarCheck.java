import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Connects to a WarpSQL server with nothing but the shaded driver jar on the class path and prints
 * the row count of region. Run as a single-file program: java -cp warpsql-jdbc.jar
 * RemoteJarCheck.java JDBC_URL
 */
public class RemoteJarCheck {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection(args[0]);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM region")) {
      rows.next();
      System.out.println("driver: " + connection.getMetaData().getDriverName());
      System.out.println("region rows: " + rows.getLong(1));
    }
  }
}
