package dev.warpsql.driver.cli;

/** Invalid command line: an unknown option, a missing or malformed value, or missing SQL. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
