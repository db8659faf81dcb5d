package dev.warpsql.driver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Child process of {@link DirectoryJvmOptionTest}: connects to a directory database, creates a
 * table in it, and prints one line with the outcome: {@code committed}, {@code SQLException STATE
 * MESSAGE}, or the class and message of any other exception.
 */
public final class DirectoryConnectProcess {
  private DirectoryConnectProcess() {}

  /** Argument: the database directory. */
  public static void main(String[] args) {
    try (Connection connection = DriverManager.getConnection("jdbc:warp:file:" + args[0]);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT * FROM (VALUES (1, 'a')) AS v(id, name)");
      System.out.println("committed");
    } catch (SQLException e) {
      System.out.println("SQLException " + e.getSQLState() + " " + e.getMessage());
    } catch (RuntimeException | Error e) {
      System.out.println(e.getClass().getName() + " " + e.getMessage());
    }
  }
}
