package dev.warpsql.driver.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Writer of statement results as text, in one output format of {@code warp query}. */
interface ResultFormatter {
  /** Writes the columns and every remaining row of a result set, which stays open. */
  void writeResult(ResultSet resultSet, PrintStream out) throws SQLException;

  /** Writes the outcome of a statement that returned an update count instead of rows. */
  void writeUpdateCount(long updateCount, PrintStream out);
}
