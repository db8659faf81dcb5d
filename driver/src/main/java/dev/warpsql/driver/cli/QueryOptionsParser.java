package dev.warpsql.driver.cli;

import dev.warpsql.driver.cli.QueryOptions.CsvTable;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parser of the arguments of {@code warp query}.
 *
 * <p>An option's value follows it as the next argument or after {@code =} ({@code --format csv} or
 * {@code --format=csv}). After {@code --}, every argument is SQL text, even one that starts with
 * {@code -}.
 */
final class QueryOptionsParser {
  static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");

  private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  private OptionalDouble tpchScaleFactor = OptionalDouble.empty();
  private final List<CsvTable> csvTables = new ArrayList<>();
  private OutputFormat format = OutputFormat.TABLE;
  private String device = "auto";
  private Optional<Path> sqlFile = Optional.empty();
  private Optional<Path> dataDirectory = Optional.empty();
  private final List<Path> allowedPaths = new ArrayList<>();
  private final List<String> sqlTexts = new ArrayList<>();

  private QueryOptionsParser() {}

  /** Returns whether the arguments ask for help, which then wins over every other argument. */
  static boolean requestsHelp(List<String> args) {
    for (String arg : args) {
      if (arg.equals("--")) {
        return false;
      }
      if (arg.equals("-h") || arg.equals("--help")) {
        return true;
      }
    }
    return false;
  }

  static QueryOptions parse(List<String> args) throws UsageException {
    QueryOptionsParser parser = new QueryOptionsParser();
    parser.parseArguments(args);
    return parser.build();
  }

  private void parseArguments(List<String> args) throws UsageException {
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      if (arg.equals("--")) {
        sqlTexts.addAll(args.subList(i, args.size()));
        return;
      }
      if (!arg.startsWith("-")) {
        sqlTexts.add(arg);
        continue;
      }

      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i < args.size() && isOption(option)) {
        value = args.get(i++);
      } else {
        value = null;
      }
      applyOption(option, value);
    }
  }

  private static boolean isOption(String option) {
    return switch (option) {
      case "--tpch", "--csv", "--format", "--device", "--file", "--data", "--allow-path" -> true;
      default -> false;
    };
  }

  private void applyOption(String option, String value) throws UsageException {
    if (!isOption(option)) {
      throw new UsageException(
          "unknown option '" + option + "'; run 'warp query --help' for the options");
    }
    if (value == null) {
      throw new UsageException("missing value for " + option);
    }
    switch (option) {
      case "--tpch" -> tpchScaleFactor = OptionalDouble.of(parseScaleFactor(value));
      case "--csv" -> addCsvTable(value);
      case "--format" -> format = OutputFormat.parse(value);
      case "--device" -> device = parseDevice(value);
      case "--file" -> setSqlFile(value);
      case "--data" -> setDataDirectory(value);
      case "--allow-path" -> allowedPaths.add(toPath(value, "--allow-path"));
      default -> throw new IllegalStateException("option without a handler: " + option);
    }
  }

  /** Parses the value of {@code --tpch}, which {@code warp serve} takes too. */
  static double parseScaleFactor(String value) throws UsageException {
    double scaleFactor;
    try {
      scaleFactor = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      scaleFactor = Double.NaN;
    }
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new UsageException(
          "invalid --tpch '" + value + "': expected a positive scale factor such as 0.01 or 1");
    }
    return scaleFactor;
  }

  private void addCsvTable(String value) throws UsageException {
    int equals = value.indexOf('=');
    if (equals <= 0 || equals == value.length() - 1) {
      throw new UsageException("invalid --csv '" + value + "': expected NAME=PATH");
    }
    String tableName = value.substring(0, equals).toLowerCase(Locale.ROOT);
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new UsageException(
          "invalid table name '"
              + tableName
              + "' in --csv: use letters, digits and underscores, not starting with a digit");
    }
    for (CsvTable table : csvTables) {
      if (table.tableName().equals(tableName)) {
        throw new UsageException("table '" + tableName + "' is given by --csv more than once");
      }
    }
    csvTables.add(new CsvTable(tableName, toPath(value.substring(equals + 1), "--csv")));
  }

  private static String parseDevice(String value) throws UsageException {
    if (!DEVICES.contains(value)) {
      throw new UsageException("invalid --device '" + value + "': expected auto, cpu or gpu");
    }
    return value;
  }

  private void setDataDirectory(String value) throws UsageException {
    if (dataDirectory.isPresent()) {
      throw new UsageException("--data is given more than once");
    }
    dataDirectory = Optional.of(toPath(value, "--data"));
  }

  private void setSqlFile(String value) throws UsageException {
    if (sqlFile.isPresent()) {
      throw new UsageException("--file is given more than once");
    }
    sqlFile = Optional.of(toPath(value, "--file"));
  }

  private static Path toPath(String value, String option) throws UsageException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("invalid path '" + value + "' in " + option + ": " + e.getReason());
    }
  }

  private QueryOptions build() throws UsageException {
    if (sqlTexts.size() > 1) {
      throw new UsageException(
          "expected one SQL argument but got "
              + sqlTexts.size()
              + "; quote the SQL so that the shell passes it as one argument");
    }
    if (sqlFile.isPresent() && !sqlTexts.isEmpty()) {
      throw new UsageException("give the SQL either inline or with --file, not both");
    }
    if (sqlFile.isEmpty() && sqlTexts.isEmpty()) {
      throw new UsageException("missing SQL: give a statement as an argument or use --file");
    }
    Optional<String> sqlText = sqlTexts.stream().findFirst();
    return new QueryOptions(
        tpchScaleFactor, csvTables, format, device, sqlFile, sqlText, dataDirectory, allowedPaths);
  }
}
