package dev.warpsql.driver.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Parsed command line of {@code warp kernels}.
 *
 * @param query the data to load and the SQL to run, as {@code warp query} takes them
 * @param outputDirectory folder that receives one {@code .ptx} file per kernel
 */
record KernelsOptions(QueryOptions query, Path outputDirectory) {
  KernelsOptions {
    requireNonNull(query, "query");
    requireNonNull(outputDirectory, "outputDirectory");
  }
}
