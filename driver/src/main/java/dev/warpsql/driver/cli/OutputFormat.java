package dev.warpsql.driver.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Value of {@code --format}. */
enum OutputFormat {
  TABLE,
  CSV,
  JSON;

  ResultFormatter createFormatter() {
    return switch (this) {
      case TABLE -> new TableFormatter();
      case CSV -> new CsvFormatter();
      case JSON -> new JsonFormatter();
    };
  }

  /** Parses a lower-case format name such as {@code csv}. */
  static OutputFormat parse(String name) throws UsageException {
    for (OutputFormat format : values()) {
      if (format.optionValue().equals(name)) {
        return format;
      }
    }
    throw new UsageException("invalid --format '" + name + "': expected one of " + optionValues());
  }

  String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String optionValues() {
    return Arrays.stream(values()).map(OutputFormat::optionValue).collect(Collectors.joining(", "));
  }
}
