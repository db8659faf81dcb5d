package dev.warpsql.sqltests.slt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice of corpus files, each with the number of query records after which it stops (0 for the
 * whole file), read from lines such as {@code index/*}{@code /10/slt_good_0.test 400}: a glob of
 * files relative to the corpus root, optionally followed by the query limit. {@code #} starts a
 * comment line. A file that several globs match takes the limit of the first.
 */
record SltSelection(List<Entry> entries) {
  /** One selected file and its query limit. */
  record Entry(String file, int queryLimit) {}

  SltSelection {
    entries = List.copyOf(entries);
  }

  /** Parses selection lines and lists the corpus files that they match, sorted by name. */
  static SltSelection parse(String text) {
    Map<String, Integer> limits = new LinkedHashMap<>();
    for (String line : SltListLines.of(text)) {
      String[] parts = line.split("\\s+");
      if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("\\d+"))) {
        throw new IllegalArgumentException(
            "expected 'GLOB [QUERY_LIMIT]' in a sqllogictest selection, got: " + line);
      }
      int limit = parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
      List<String> files = SltCorpus.list(List.of(parts[0]));
      if (files.isEmpty()) {
        throw new IllegalArgumentException("no sqllogictest file matches " + parts[0]);
      }
      files.forEach(file -> limits.putIfAbsent(file, limit));
    }
    List<Entry> entries = new ArrayList<>();
    limits.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(entry -> entries.add(new Entry(entry.getKey(), entry.getValue())));
    return new SltSelection(entries);
  }
}
