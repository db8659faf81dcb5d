package dev.warpsql.driver.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser of the arguments of {@code warp kernels}: {@code --dir OUT} plus the data and SQL options
 * of {@code warp query}, which {@link QueryOptionsParser} parses. {@code --format} and {@code
 * --device} are rejected, because the command prints no results and always runs on the CPU.
 */
final class KernelsOptionsParser {
  private static final String HELP_HINT = "run 'warp kernels --help' for the options";

  private KernelsOptionsParser() {}

  static KernelsOptions parse(List<String> args) throws UsageException {
    List<String> queryArgs = new ArrayList<>();
    Path directory = null;
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      if (arg.equals("--")) {
        queryArgs.addAll(args.subList(i - 1, args.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        queryArgs.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String option = equals < 0 ? arg : arg.substring(0, equals);
      switch (option) {
        case "--dir" -> {
          if (directory != null) {
            throw new UsageException("--dir is given more than once");
          }
          String value = equals >= 0 ? arg.substring(equals + 1) : next(args, i++, option);
          directory = toPath(value);
        }
        case "--tpch", "--csv", "--file" -> {
          queryArgs.add(arg);
          if (equals < 0) {
            queryArgs.add(next(args, i++, option));
          }
        }
        case "--format", "--device" ->
            throw new UsageException(
                "warp kernels does not take "
                    + option
                    + ": it prints the written files and runs the query on the CPU");
        default -> throw new UsageException("unknown option '" + option + "'; " + HELP_HINT);
      }
    }
    if (directory == null) {
      throw new UsageException("missing --dir: give the folder to write the .ptx files to");
    }
    return new KernelsOptions(QueryOptionsParser.parse(queryArgs), directory);
  }

  private static String next(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException("missing value for " + option);
    }
    return args.get(index);
  }

  private static Path toPath(String value) throws UsageException {
    if (value.isEmpty()) {
      throw new UsageException("invalid --dir '': expected a folder path");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException("invalid path '" + value + "' in --dir: " + e.getReason());
    }
  }
}
