package dev.warpsql.sqltests.slt;

import dev.warpsql.sqltests.SqlResources;
import java.util.HashMap;
import java.util.Map;

/**
 * Records of the corpus where SQLite's answer departs from the SQL standard and WarpSQL follows the
 * standard, read from {@code slt/sqlite-differences.txt}. The runner skips them with the reason
 * written there instead of counting them as failures.
 *
 * <p>Each line is {@code FILE:LINE REASON}, where LINE is the line of the record's {@code
 * statement} or {@code query} header; {@code #} starts a comment line.
 */
final class SltKnownDifferences {
  static final String RESOURCE = "slt/sqlite-differences.txt";

  private final Map<String, String> reasons;

  private SltKnownDifferences(Map<String, String> reasons) {
    this.reasons = reasons;
  }

  /** Reads the list from the test class path. */
  static SltKnownDifferences load() {
    return parse(SqlResources.read(RESOURCE));
  }

  static SltKnownDifferences parse(String text) {
    Map<String, String> reasons = new HashMap<>();
    for (String line : SltListLines.of(text)) {
      String[] parts = line.split("\\s+", 2);
      if (parts.length < 2 || !parts[0].matches(".+\\.test:\\d+")) {
        throw new IllegalArgumentException(
            RESOURCE + ": expected 'FILE.test:LINE REASON', got: " + line);
      }
      reasons.put(parts[0], parts[1]);
    }
    return new SltKnownDifferences(reasons);
  }

  /** Returns the reason for skipping a record of a file, or null when it runs. */
  String reason(String file, SltRecord record) {
    return reasons.get(file + ":" + record.line());
  }
}
