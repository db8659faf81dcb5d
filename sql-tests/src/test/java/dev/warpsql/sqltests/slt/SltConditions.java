package dev.warpsql.sqltests.slt;

import java.util.List;

/**
 * The {@code onlyif} and {@code skipif} lines before a sqllogictest record. Each names a database
 * engine such as {@code sqlite}, {@code mysql} or {@code postgresql}.
 *
 * @param onlyIf engines that alone run the record
 * @param skipIf engines that do not run the record
 */
record SltConditions(List<String> onlyIf, List<String> skipIf) {
  /** The engine name under which WarpSQL runs records; no corpus file names it. */
  static final String ENGINE = "warpsql";

  SltConditions {
    onlyIf = List.copyOf(onlyIf);
    skipIf = List.copyOf(skipIf);
  }

  /**
   * Returns why WarpSQL does not run the record, such as {@code onlyif sqlite}, or null when it
   * runs it. A record for other engines only is skipped, and one that other engines skip is run.
   */
  String skipReason() {
    if (skipIf.contains(ENGINE)) {
      return "skipif " + ENGINE;
    }
    if (!onlyIf.isEmpty() && !onlyIf.contains(ENGINE)) {
      return "onlyif " + onlyIf.get(0);
    }
    return null;
  }
}
