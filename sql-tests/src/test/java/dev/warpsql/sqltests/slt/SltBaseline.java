package dev.warpsql.sqltests.slt;

import dev.warpsql.sqltests.SqlResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The number of passing queries per corpus file below which the suite fails, read from {@code
 * slt/baseline.txt}: one {@code FILE PASSED} line per file of the CI subset, {@code #} starting a
 * comment line. The numbers only ever go up: when a file passes more queries, its line is raised.
 */
final class SltBaseline {
  static final String RESOURCE = "slt/baseline.txt";

  private static final String HEADER =
      "# Passing queries per file of the sqllogictest CI subset, checked by SltCorpusTest. Raise a\n"
          + "# line when its file passes more queries, and never lower one.\n";

  private final Map<String, Integer> passed;

  private SltBaseline(Map<String, Integer> passed) {
    this.passed = passed;
  }

  static SltBaseline load() {
    return parse(SqlResources.read(RESOURCE));
  }

  static SltBaseline parse(String text) {
    Map<String, Integer> passed = new TreeMap<>();
    for (String line : SltListLines.of(text)) {
      String[] parts = line.split("\\s+");
      if (parts.length != 2 || !parts[1].matches("\\d+")) {
        throw new IllegalArgumentException(RESOURCE + ": expected 'FILE PASSED', got: " + line);
      }
      passed.put(parts[0], Integer.parseInt(parts[1]));
    }
    return new SltBaseline(passed);
  }

  /**
   * Returns one message per file of the reports that passed fewer queries than its baseline, such
   * as {@code select1.test: 990 queries passed, baseline 1000}. Files without a line are not
   * checked.
   */
  List<String> regressions(List<SltFileReport> reports) {
    List<String> regressions = new ArrayList<>();
    for (SltFileReport report : reports) {
      Integer minimum = passed.get(report.file);
      if (minimum != null && report.queries.passed() < minimum) {
        regressions.add(
            report.file + ": " + report.queries.passed() + " queries passed, baseline " + minimum);
      }
    }
    return regressions;
  }

  /** Returns the files of the reports that passed more queries than their baseline. */
  List<String> improvements(List<SltFileReport> reports) {
    List<String> improved = new ArrayList<>();
    for (SltFileReport report : reports) {
      Integer minimum = passed.get(report.file);
      if (minimum == null || report.queries.passed() > minimum) {
        improved.add(report.file);
      }
    }
    return improved;
  }

  /**
   * Returns baseline text that raises every file to what the reports passed, never lowering one.
   */
  String raisedTo(List<SltFileReport> reports) {
    Map<String, Integer> raised = new TreeMap<>(passed);
    for (SltFileReport report : reports) {
      raised.merge(report.file, report.queries.passed(), Math::max);
    }
    StringBuilder text = new StringBuilder(HEADER);
    raised.forEach((file, count) -> text.append(file).append(' ').append(count).append('\n'));
    return text.toString();
  }
}
