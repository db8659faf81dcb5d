package dev.warpsql.sqltests.slt;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs sqllogictest files, each on a private in-memory WarpSQL database, several files at a time,
 * and collects their reports.
 */
final class SltSuiteRun {
  private SltSuiteRun() {}

  /**
   * Runs the selected files of the corpus on {@code threads} threads and returns their reports in
   * file order.
   *
   * @param progress receives each report when its file has finished, from the running thread
   */
  static List<SltFileReport> run(
      SltSelection selection, int threads, Consumer<SltFileReport> progress)
      throws InterruptedException {
    SltKnownDifferences differences = SltKnownDifferences.load();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SltFileReport>> futures = new ArrayList<>();
      for (SltSelection.Entry entry : selection.entries()) {
        futures.add(
            pool.submit(
                () -> {
                  SltFileReport report = runFile(entry, differences);
                  progress.accept(report);
                  return report;
                }));
      }
      List<SltFileReport> reports = new ArrayList<>();
      for (Future<SltFileReport> future : futures) {
        reports.add(future.get());
      }
      return reports;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a sqllogictest file could not be run", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Parses and runs one file on a fresh private database. */
  static SltFileReport runFile(SltSelection.Entry entry, SltKnownDifferences differences)
      throws SQLException {
    List<SltRecord> records = SltParser.parse(entry.file(), SltCorpus.read(entry.file()));
    try (Connection connection = DriverManager.getConnection("jdbc:warp:mem:")) {
      return SltFileRunner.run(entry.file(), records, connection, differences, entry.queryLimit());
    }
  }

  /**
   * Returns the totals per directory of the corpus, such as {@code index/in/10}, sorted by name.
   */
  static Map<String, SltFileReport> byDirectory(List<SltFileReport> reports) {
    Map<String, SltFileReport> directories = new TreeMap<>();
    for (SltFileReport report : reports) {
      int slash = report.file.lastIndexOf('/');
      String directory = slash < 0 ? "." : report.file.substring(0, slash);
      directories.computeIfAbsent(directory, SltFileReport::new).add(report);
    }
    return directories;
  }
}
