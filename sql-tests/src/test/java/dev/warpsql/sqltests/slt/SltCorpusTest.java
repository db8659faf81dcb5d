package dev.warpsql.sqltests.slt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.sqltests.SqlResources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs SQLite's sqllogictest corpus through JDBC, each file on a private {@code jdbc:warp:mem:}
 * database, and fails when a file passes fewer queries than {@code slt/baseline.txt} records or
 * when any record crashes.
 *
 * <p>By default it runs the CI subset that {@code slt/ci-subset.txt} lists. System properties
 * choose others:
 *
 * <ul>
 *   <li>{@code -Dwarp.slt.full=true} runs every file of the corpus in full (days of CPU time);
 *   <li>{@code -Dwarp.slt.files=GLOB[,GLOB...]} runs the files that match, in full;
 *   <li>{@code -Dwarp.slt.threads=N} runs N files at a time, by default one per processor.
 * </ul>
 *
 * <p>It prints one line per file, per directory and in total, and writes every file's skip reasons
 * and failures to {@code target/slt-report.txt} and a baseline raised to this run's results to
 * {@code target/slt-baseline.txt}.
 */
class SltCorpusTest {
  private static final String SUBSET = "slt/ci-subset.txt";
  private static final Path REPORT = Path.of("target", "slt-report.txt");
  private static final Path RAISED_BASELINE = Path.of("target", "slt-baseline.txt");

  @Test
  void corpusPassesBaseline() throws Exception {
    SltSelection selection = selection();
    int threads =
        Integer.getInteger("warp.slt.threads", Runtime.getRuntime().availableProcessors());

    List<SltFileReport> reports =
        SltSuiteRun.run(selection, threads, report -> System.out.println(report.summaryLine()));

    SltFileReport total = new SltFileReport("sqllogictest total");
    StringBuilder details = new StringBuilder();
    for (Map.Entry<String, SltFileReport> directory : SltSuiteRun.byDirectory(reports).entrySet()) {
      System.out.println("directory " + directory.getValue().summaryLine());
      total.add(directory.getValue());
    }
    reports.forEach(report -> details.append(report.details()));
    details.append(total.details());
    System.out.println(total.summaryLine());
    write(REPORT, details.toString());

    SltBaseline baseline = SltBaseline.load();
    write(RAISED_BASELINE, baseline.raisedTo(reports));
    List<String> improved = baseline.improvements(reports);
    if (!improved.isEmpty()) {
      System.out.println(
          "sqllogictest: "
              + improved.size()
              + " files pass more queries than "
              + SltBaseline.RESOURCE
              + " records; copy "
              + RAISED_BASELINE
              + " over it to raise the baseline");
    }
    assertThat(total.crashes).as("crashes, see %s", REPORT).isEmpty();
    assertThat(baseline.regressions(reports)).as("files below the baseline").isEmpty();
  }

  private static SltSelection selection() {
    if (Boolean.getBoolean("warp.slt.full")) {
      return SltSelection.parse("*.test\n**/*.test");
    }
    String files = System.getProperty("warp.slt.files");
    if (files != null && !files.isBlank()) {
      return SltSelection.parse(String.join("\n", files.split(",")));
    }
    return SltSelection.parse(SqlResources.read(SUBSET));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
