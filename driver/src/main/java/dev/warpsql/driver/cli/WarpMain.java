package dev.warpsql.driver.cli;

import dev.warpsql.executor.error.WarpException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the {@code warp} command line.
 *
 * <p>Exit status: 0 on success, 1 when loading data or running a statement fails, 2 when the
 * command line is invalid. Every failure prints exactly one line, {@code error: MESSAGE}, to
 * standard error. With the environment variable {@code WARP_DEBUG=1} the stack trace follows it.
 */
public final class WarpMain {
  static final int EXIT_OK = 0;
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;

  private static final String MAIN_USAGE =
      """
      Usage: warp <command> [options]

      Commands:
        query    Run SQL on a new in-memory database and print the results.
        kernels  Run SQL on the CPU and write the PTX of every GPU kernel it compiled.
        shell    Open the sqlline SQL shell on an embedded database or a server.
        serve    Run a WarpSQL server that JDBC clients reach over HTTP.
        load     Load a CSV or Parquet file into a table of a database directory.
        bench    Time TPC-H on WarpSQL, DuckDB and Calcite; 'bench server' times the
                 server against the embedded driver, 'bench load' CSV ingest against
                 DuckDB (the ./warp launcher runs them).

      Run 'warp <command> --help' for the options of a command.

      Environment:
        WARP_DEBUG=1    After an error message, print the stack trace.
      """;

  private static final String QUERY_USAGE =
      """
      Usage: warp query [options] SQL
             warp query [options] --file SQLFILE

      Creates a new in-memory database, or opens the one in --data DIR, loads the
      tables that the options name into schema main, runs each SQL statement in order
      and prints each result. Statements are separated by ';'.

      Options:
        --data DIR         Use the database stored in directory DIR, creating it when
                           absent; changes are saved there. Another process cannot
                           open DIR at the same time.
        --tpch SF          Load the 8 TPC-H tables, generated at scale factor SF
                           (a positive number: 1 is 6,001,215 lineitem rows),
                           unless --data DIR already holds them.
        --csv NAME=PATH    Load the CSV file PATH as table NAME (lower-cased).
                           Repeat to load several files.
        --file SQLFILE     Read the SQL from SQLFILE; '-' reads standard input.
        --allow-path DIR   Let COPY and read_csv read files under DIR (default: the
                           working directory). Repeat to allow several.
        --format FORMAT    Output format: table (default; aligned columns), csv
                           (RFC 4180 quoting, NULL as an empty field) or json (an
                           array of objects, NULL as null).
        --device DEVICE    Backend that runs the kernels: auto (default; the
                           driver chooses), cpu or gpu.
        -h, --help         Print this help and exit.

      Exit status: 0 on success, 1 if a load or a statement fails, 2 if the command
      line is invalid.
      """;

  private WarpMain() {}

  public static void main(String[] args) {
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    int status = run(args, out, System.err);
    out.flush();
    System.exit(status);
  }

  /**
   * Runs one {@code warp} command line and returns its exit status. Results go to {@code out}, and
   * an error message to {@code err}.
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err, "1".equals(System.getenv("WARP_DEBUG")));
  }

  static int run(
      String[] args, InputStream stdin, PrintStream out, PrintStream err, boolean debug) {
    try {
      dispatch(Arrays.asList(args), stdin, out, err);
      return EXIT_OK;
    } catch (UsageException e) {
      reportError(e, err, debug);
      return EXIT_USAGE;
    } catch (SQLException | WarpException | IOException e) {
      reportError(e, err, debug);
      return EXIT_FAILURE;
    } catch (RuntimeException e) {
      // An unexpected failure (a bug) still gets the one-line report, with the type as context.
      reportError(e, err, debug);
      return EXIT_FAILURE;
    } finally {
      out.flush();
    }
  }

  private static void dispatch(
      List<String> args, InputStream stdin, PrintStream out, PrintStream err)
      throws UsageException, IOException, SQLException {
    if (args.isEmpty()) {
      throw new UsageException("missing command; run 'warp --help' for usage");
    }
    String command = args.get(0);
    List<String> commandArgs = args.subList(1, args.size());
    switch (command) {
      case "-h", "--help", "help" -> out.print(MAIN_USAGE);
      case "query" -> {
        if (QueryOptionsParser.requestsHelp(commandArgs)) {
          out.print(QUERY_USAGE);
          return;
        }
        QueryOptions options = QueryOptionsParser.parse(commandArgs);
        new QueryCommand(options, stdin).run(out);
      }
      case "kernels" -> {
        if (QueryOptionsParser.requestsHelp(commandArgs)) {
          out.print(KernelsCommand.USAGE);
          return;
        }
        new KernelsCommand(KernelsOptionsParser.parse(commandArgs), stdin).run(out);
      }
      case "shell" -> {
        if (QueryOptionsParser.requestsHelp(commandArgs)) {
          out.print(ShellCommand.USAGE);
          return;
        }
        if (!ShellCommand.parse(commandArgs).run(stdin, out, err)) {
          throw new SQLException(
              "the shell stopped after a failed connection, command or statement; sqlline"
                  + " printed its error above");
        }
      }
      case "serve" -> {
        if (QueryOptionsParser.requestsHelp(commandArgs)) {
          out.print(ServeOptionsParser.USAGE);
          return;
        }
        if (HashPasswordCommand.requested(commandArgs)) {
          HashPasswordCommand.parse(commandArgs).run(stdin, out);
          return;
        }
        new ServeCommand(ServeOptionsParser.parse(commandArgs)).run();
      }
      case "load" -> {
        if (QueryOptionsParser.requestsHelp(commandArgs)) {
          out.print(LoadOptionsParser.USAGE);
          return;
        }
        // A progress bar only on a terminal, so scripts and logs get the count alone.
        PrintStream progress = System.console() == null ? null : System.err;
        new LoadCommand(LoadOptionsParser.parse(commandArgs)).run(out, progress);
      }
      default ->
          throw new UsageException(
              "unknown command '" + command + "'; run 'warp --help' for usage");
    }
  }

  private static void reportError(Exception e, PrintStream err, boolean debug) {
    err.println("error: " + oneLineMessage(e));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
  }

  /** Returns the exception's message on one line, or its type for an exception without one. */
  static String oneLineMessage(Exception e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getName();
    } else if (!(e instanceof UsageException
        || e instanceof SQLException
        || e instanceof WarpException
        || e instanceof IOException)) {
      message = e.getClass().getName() + ": " + message;
    }
    // Messages quote SQL text, which may span lines.
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
