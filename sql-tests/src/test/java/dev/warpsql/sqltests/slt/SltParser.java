package dev.warpsql.sqltests.slt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser of sqllogictest files in the format of SQLite's sqllogictest.
 *
 * <p>A file is a sequence of records separated by blank lines. A record may start with {@code
 * skipif ENGINE} and {@code onlyif ENGINE} lines, followed by one of:
 *
 * <ul>
 *   <li>{@code statement ok} or {@code statement error}, then the statement's lines;
 *   <li>{@code query TYPES SORTMODE [LABEL]}, then the query's lines, then {@code ----} and the
 *       expected values one per line, or a line {@code N values hashing to MD5}. A query without
 *       {@code ----} expects no rows;
 *   <li>{@code halt}, which ends the file for the engines that its conditions select;
 *   <li>{@code hash-threshold N}, which sets when the file's writer hashed results; the runner
 *       ignores it because each query's expected result shows whether it is hashed.
 * </ul>
 *
 * <p>Lines that start with {@code #} between records are comments, and on the header line of a
 * record everything after {@code #} is a comment.
 *
 * <p>This parser replaces the one in {@code net.hydromatic:sql-logic-test} 0.3, which drops the
 * records of other engines without a trace, joins a statement's lines without a separator and cuts
 * the character before a {@code #}.
 */
final class SltParser {
  private static final Pattern HASH_LINE = Pattern.compile("(\\d+) values hashing to ([0-9a-f]+)");

  private final String file;
  private final List<String> lines;
  private int next;

  private SltParser(String file, String text) {
    this.file = file;
    this.lines = text.lines().toList();
  }

  /**
   * Parses a file's text into its records in file order.
   *
   * @param file the file's name, used in error messages
   * @throws IllegalArgumentException naming the file and line when a record is malformed
   */
  static List<SltRecord> parse(String file, String text) {
    return new SltParser(file, text).records();
  }

  private List<SltRecord> records() {
    List<SltRecord> records = new ArrayList<>();
    while (skipToRecord()) {
      SltRecord record = record();
      if (record != null) {
        records.add(record);
      }
    }
    return records;
  }

  /** Skips blank and comment lines; returns false at the end of the file. */
  private boolean skipToRecord() {
    while (next < lines.size()) {
      String line = lines.get(next).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        return true;
      }
      next++;
    }
    return false;
  }

  /** Parses the record that starts at the current line; returns null for hash-threshold. */
  private SltRecord record() {
    List<String> onlyIf = new ArrayList<>();
    List<String> skipIf = new ArrayList<>();
    String[] header = headerWords(lines.get(next));
    while (header[0].equals("onlyif") || header[0].equals("skipif")) {
      if (header.length < 2) {
        throw invalid(next, header[0] + " needs an engine name");
      }
      (header[0].equals("onlyif") ? onlyIf : skipIf).add(header[1].toLowerCase(Locale.ROOT));
      next++;
      if (next >= lines.size() || lines.get(next).isBlank()) {
        throw invalid(next - 1, "condition without a record");
      }
      header = headerWords(lines.get(next));
    }
    SltConditions conditions = new SltConditions(onlyIf, skipIf);
    int line = next + 1;
    next++;
    return switch (header[0]) {
      case "statement" -> statement(line, conditions, header);
      case "query" -> query(line, conditions, header);
      case "halt" -> new SltHalt(line, conditions);
      case "hash-threshold" -> null;
      default -> throw invalid(line - 1, "unknown record type '" + header[0] + "'");
    };
  }

  private SltStatement statement(int line, SltConditions conditions, String[] header) {
    if (header.length < 2 || !(header[1].equals("ok") || header[1].equals("error"))) {
      throw invalid(line - 1, "expected 'statement ok' or 'statement error'");
    }
    String sql = String.join("\n", linesUntil(false));
    if (sql.isBlank()) {
      throw invalid(line - 1, "statement without SQL");
    }
    return new SltStatement(line, conditions, sql, header[1].equals("error"));
  }

  private SltQuery query(int line, SltConditions conditions, String[] header) {
    if (header.length < 2 || !header[1].matches("[IRT]+")) {
      throw invalid(line - 1, "expected column types of I, R and T after 'query'");
    }

    SltQuery.SortMode sortMode = SltQuery.SortMode.NOSORT;
    if (header.length >= 3) {
      sortMode =
          switch (header[2]) {
            case "nosort" -> SltQuery.SortMode.NOSORT;
            case "rowsort" -> SltQuery.SortMode.ROWSORT;
            case "valuesort" -> SltQuery.SortMode.VALUESORT;
            default -> throw invalid(line - 1, "unknown sort mode '" + header[2] + "'");
          };
    }
    String label = header.length >= 4 ? header[3] : null;

    String sql = String.join("\n", linesUntil(true));
    if (sql.isBlank()) {
      throw invalid(line - 1, "query without SQL");
    }

    boolean hasResults = next < lines.size() && lines.get(next).strip().equals("----");
    if (!hasResults) {
      return new SltQuery(line, conditions, sql, header[1], sortMode, label, List.of(), 0, null);
    }
    next++;

    List<String> values = linesUntil(false);
    if (values.size() == 1) {
      Matcher hash = HASH_LINE.matcher(values.get(0).strip());
      if (hash.matches()) {
        int count = Integer.parseInt(hash.group(1));
        return new SltQuery(
            line, conditions, sql, header[1], sortMode, label, null, count, hash.group(2));
      }
    }
    return new SltQuery(
        line, conditions, sql, header[1], sortMode, label, values, values.size(), null);
  }

  /**
   * Returns the lines up to the next blank line or the end of the file, and, with {@code
   * stopAtResults}, up to a {@code ----} line, which is left as the next line.
   */
  private List<String> linesUntil(boolean stopAtResults) {
    List<String> text = new ArrayList<>();
    while (next < lines.size()) {
      String line = lines.get(next);
      if (line.isBlank() || (stopAtResults && line.strip().equals("----"))) {
        break;
      }
      text.add(line);
      next++;
    }
    return text;
  }

  /** Splits a header line into words, dropping a {@code #} comment. */
  private static String[] headerWords(String line) {
    int comment = line.indexOf('#');
    String words = comment < 0 ? line : line.substring(0, comment);
    return words.strip().split("\\s+");
  }

  private IllegalArgumentException invalid(int index, String problem) {
    return new IllegalArgumentException(file + ":" + (index + 1) + ": " + problem);
  }
}
