package dev.warpsql.driver.cli;

import dev.warpsql.driver.WarpDriver;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sqlline.SqlLine;

/**
 * {@code warp shell [URL] [SQLLINE-OPTION...]}: the sqlline shell, connected with WarpSQL's driver
 * to an embedded database or a server.
 */
final class ShellCommand {
  static final String DEFAULT_URL = "jdbc:warp:mem:";

  static final String USAGE =
      """
      Usage: warp shell [URL] [sqlline options]

      Opens the sqlline SQL shell on a WarpSQL database. URL is a JDBC URL of
      WarpSQL's driver (default jdbc:warp:mem:, a new empty in-memory database):

        warp shell 'jdbc:warp:mem:;tpch=0.01'          in-memory, TPC-H loaded
        warp shell jdbc:warp:file:/data/sales          a database directory
        warp shell jdbc:warp:remote:url=http://127.0.0.1:8765
                                                       a 'warp serve' server

      Quote a URL that contains ';' for the shell. A remote server with --auth needs
      ';authentication=BASIC;avatica_user=USER;avatica_password=PASSWORD' in the URL.

      Useful sqlline options:
        -f FILE                  Run the SQL and sqlline commands in FILE, then exit
                                 (end the file with !quit).
        -e COMMAND               Run one command or statement, then exit.
        --outputFormat=FORMAT    table (default), vertical, csv, tsv, json or xmlattr.
        --maxWidth=COLUMNS       Width of the terminal, in characters.

      In the shell, end each statement with ';'. !tables lists the tables, !describe
      TABLE its columns, !help the commands and !quit leaves.

      Exit status: 0 on success, 1 if connecting or a statement of a script fails.
      """;

  private final List<String> sqllineArgs;

  private ShellCommand(List<String> sqllineArgs) {
    this.sqllineArgs = sqllineArgs;
  }

  /** Builds sqlline's arguments: the URL, if the first argument is one, and the options after. */
  static ShellCommand parse(List<String> args) {
    String url = DEFAULT_URL;
    List<String> options = args;
    if (!args.isEmpty() && args.get(0).startsWith("jdbc:")) {
      url = args.get(0);
      options = args.subList(1, args.size());
    }
    List<String> sqlline = new ArrayList<>();
    sqlline.add("-d");
    sqlline.add(WarpDriver.class.getName());
    sqlline.add("-u");
    sqlline.add(url);
    // WarpSQL takes credentials from the URL, so sqlline must not prompt for a user and password.
    sqlline.add("--connectInteractionMode=notAskCredentials");
    // sqlline requests REPEATABLE_READ by default and warns at every start that WarpSQL, whose
    // statements each commit on their own, does not support it.
    sqlline.add("--isolation=TRANSACTION_NONE");
    sqlline.addAll(options);
    return new ShellCommand(sqlline);
  }

  List<String> sqllineArgs() {
    return sqllineArgs;
  }

  // NOTE: sqlline 1.12 prints the stack trace of every failed statement of a -e command or -f
  // script, because it treats them as part of its start-up, where it is always verbose. Statements
  // typed at the prompt or piped to it print the one-line error only.
  /**
   * Runs sqlline until the user quits or the script ends, with its output on {@code out} and its
   * errors on {@code err}.
   *
   * @return whether sqlline finished without an error
   */
  boolean run(InputStream stdin, PrintStream out, PrintStream err) throws IOException {
    // SqlLine.start would call System.exit, so the shell runs through an instance of its own.
    SqlLine sqlline = new SqlLine();
    sqlline.setOutputStream(out);
    sqlline.setErrorStream(err);
    boolean interactive = stdin == System.in;
    SqlLine.Status status = sqlline.begin(sqllineArgs.toArray(String[]::new), stdin, interactive);
    return status == SqlLine.Status.OK;
  }
}
