package dev.warpsql.driver.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses the arguments of {@code warp load}. */
final class LoadOptionsParser {
  static final String USAGE =
      """
      Usage: warp load --data DIR [options] TABLE FILE

      Loads the CSV or Parquet file FILE into table TABLE (or SCHEMA.TABLE) of the
      database stored in directory DIR, in one transaction, and prints the number
      of rows. An existing table gets the rows appended, typed as its columns
      (COPY). A new table takes its columns from the CSV file's header and the
      types that its values need, or from the Parquet file's schema (CREATE TABLE
      ... AS SELECT * FROM read_csv or read_parquet). A terminal shows a progress
      bar on standard error.

      Options:
        --data DIR         Database directory, created when absent (required).
        --format FORMAT    csv or parquet (default: parquet for a file name ending
                           in .parquet or .parq, csv otherwise). The options below
                           apply to CSV only.
        --header           The file starts with a header line. A new table always
                           needs one; an existing table reads it as data without.
        --delimiter C      Field delimiter, one character (default ',').
        --null TEXT        Unquoted text that stands for NULL (default: an empty
                           field).
        -h, --help         Print this help and exit.
      """;

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private LoadOptionsParser() {}

  static LoadOptions parse(List<String> args) throws UsageException {
    Path data = null;
    boolean header = false;
    char delimiter = ',';
    Optional<String> nullText = Optional.empty();
    String format = null;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--header" -> header = true;
        case "--data" -> data = path(value(args, ++i, arg), arg);
        case "--delimiter" -> delimiter = delimiter(value(args, ++i, arg));
        case "--null" -> nullText = Optional.of(value(args, ++i, arg));
        case "--format" -> format = format(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) {
            throw new UsageException(
                "unknown option '" + arg + "'; run 'warp load --help' for the options");
          }
          positional.add(arg);
        }
      }
    }
    if (data == null) {
      throw new UsageException("missing --data DIR: name the database directory to load into");
    }
    if (positional.size() != 2) {
      throw new UsageException("expected TABLE and FILE after the options, got " + positional);
    }

    String[] parts = positional.get(0).toLowerCase(Locale.ROOT).split("\\.", -1);
    if (parts.length > 2
        || !NAME.matcher(parts[parts.length - 1]).matches()
        || (parts.length == 2 && !NAME.matcher(parts[0]).matches())) {
      throw new UsageException(
          "invalid table name '" + positional.get(0) + "': use NAME or SCHEMA.NAME");
    }
    String schema = parts.length == 2 ? parts[0] : "main";
    Path file = path(positional.get(1), "FILE");
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
    boolean parquet =
        format == null
            ? fileName.toLowerCase(Locale.ROOT).matches(".*\\.(parquet|parq)")
            : format.equals("parquet");
    return new LoadOptions(
        data, schema, parts[parts.length - 1], file, parquet, header, delimiter, nullText);
  }

  private static String format(String value) throws UsageException {
    String format = value.toLowerCase(Locale.ROOT);
    if (!format.equals("csv") && !format.equals("parquet")) {
      throw new UsageException("invalid --format '" + value + "': use csv or parquet");
    }
    return format;
  }

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException("missing value for " + option);
    }
    return args.get(index);
  }

  private static char delimiter(String value) throws UsageException {
    if (value.length() != 1 || value.equals("\"")) {
      throw new UsageException(
          "invalid --delimiter '" + value + "': give one character other than a quote");
    }
    return value.charAt(0);
  }

  private static Path path(String value, String what) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("invalid path '" + value + "' for " + what + ": " + e.getReason());
    }
  }
}
