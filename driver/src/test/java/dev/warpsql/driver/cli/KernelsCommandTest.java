package dev.warpsql.driver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ptx.PtxValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code warp kernels}, run in-process against the embedded engine. */
class KernelsCommandTest {
  private static final String ORDERS_CSV =
      """
      id,customer,amount
      1,10,12.50
      2,11,3.25
      3,10,
      4,12,7.00
      """;

  private static final String CUSTOMERS_CSV =
      """
      id,region
      10,north
      11,south
      13,east
      """;

  @TempDir Path directory;

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        WarpMain.run(
            args,
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false);
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String[] joinQueryArgs(Path output) throws IOException {
    Path orders = Files.writeString(directory.resolve("orders.csv"), ORDERS_CSV);
    Path customers = Files.writeString(directory.resolve("customers.csv"), CUSTOMERS_CSV);
    // The literal 4.75 keeps this query's kernel shapes apart from other tests in the same JVM.
    String sql =
        "SELECT c.region, SUM(o.amount) FROM orders o"
            + " LEFT JOIN customers c ON o.customer = c.id"
            + " WHERE o.amount IS NULL OR o.amount > 4.75 GROUP BY c.region";
    return new String[] {
      "kernels",
      "--dir",
      output.toString(),
      "--csv",
      "orders=" + orders,
      "--csv",
      "customers=" + customers,
      sql
    };
  }

  @Test
  void kernelsWritesOnePtxFilePerPipeline() throws IOException {
    Path output = directory.resolve("ptx");

    Run run = run(joinQueryArgs(output));

    assertThat(run.status()).as("stderr: %s", run.err()).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).isNotEmpty();
    boolean sawProbe = false;
    boolean sawBuild = false;
    for (String line : lines) {
      Path file = Path.of(line);
      assertThat(file.getParent()).isEqualTo(output);
      String name = file.getFileName().toString();
      assertThat(name).matches("pipeline[0-9]+(_build[0-9]+)?(_[0-9]+)?\\.ptx");
      String ptx = Files.readString(file);
      if (name.contains("_build")) {
        assertThat(ptx).contains(".visible .entry warp_hash_build");
        sawBuild = true;
      } else {
        assertThat(ptx).contains(".visible .entry warp_pipeline");
        sawProbe |= ptx.contains("LEFT join with hash table");
      }
    }
    assertThat(sawProbe).as("a kernel probes the customers hash table").isTrue();
    assertThat(sawBuild).as("a kernel builds the customers hash table").isTrue();
    try (var files = Files.list(output)) {
      assertThat(files.count()).isEqualTo(lines.size());
    }
  }

  @Test
  void writtenKernelsAssemble() throws IOException {
    Path output = directory.resolve("out");
    String[] args = joinQueryArgs(output);
    args[args.length - 1] = args[args.length - 1].replace("4.75", "5.75");

    Run run = run(args);

    assertThat(run.status()).as("stderr: %s", run.err()).isZero();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PtxValidator.isAvailable(), () -> "nvPTXCompiler: " + PtxValidator.unavailableReason());
    for (String line : run.out().lines().toList()) {
      String ptx = Files.readString(Path.of(line));
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        PtxValidator.Assembly assembly = PtxValidator.assemble(ptx, gpuName);
        assertThat(assembly.success())
            .as("%s on %s: %s", line, gpuName, assembly.errorLog())
            .isTrue();
      }
    }
  }

  @Test
  void orderByWritesSortKernels() throws IOException {
    Path orders = Files.writeString(directory.resolve("orders.csv"), ORDERS_CSV);
    Path output = directory.resolve("sorted");

    Run run =
        run(
            "kernels",
            "--dir",
            output.toString(),
            "--csv",
            "orders=" + orders,
            "SELECT id, amount FROM orders ORDER BY amount DESC, customer LIMIT 3");

    assertThat(run.status()).as("stderr: %s", run.err()).isZero();
    Set<String> names = new HashSet<>();
    for (String line : run.out().lines().toList()) {
      names.add(Path.of(line).getFileName().toString());
    }
    assertThat(names)
        .contains(
            "sort_keys_decimal_desc.ptx",
            "sort_keys_bigint.ptx",
            "sort_digit_counts.ptx",
            "sort_tile_counts.ptx",
            "sort_scan.ptx",
            "sort_scatter.ptx",
            "sort_prefix_counts.ptx",
            "sort_candidates.ptx",
            "prefix_block_sums.ptx",
            "prefix_totals.ptx",
            "prefix_positions.ptx");
    assertThat(Files.readString(output.resolve("sort_keys_decimal_desc.ptx")))
        .contains(".visible .entry warp_sort_keys");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        PtxValidator.isAvailable(), () -> "nvPTXCompiler: " + PtxValidator.unavailableReason());
    for (String name : names) {
      String ptx = Files.readString(output.resolve(name));
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        assertThat(PtxValidator.assemble(ptx, gpuName).success()).as(name).isTrue();
      }
    }
  }

  @Test
  void missingDirIsUsageError() {
    Run run = run("kernels", "SELECT 1");

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).startsWith("error: missing --dir");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void formatOptionIsRejected() {
    Run run = run("kernels", "--dir", directory.toString(), "--format", "csv", "SELECT 1");

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).contains("does not take --format");
  }

  @Test
  void unknownOptionPointsToKernelsHelp() {
    Run run = run("kernels", "--dir", directory.toString(), "--bogus", "SELECT 1");

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).contains("unknown option '--bogus'").contains("warp kernels --help");
  }

  @Test
  void missingSqlIsUsageError() {
    Run run = run("kernels", "--dir", directory.toString());

    assertThat(run.status()).isEqualTo(WarpMain.EXIT_USAGE);
    assertThat(run.err()).contains("missing SQL");
  }

  @Test
  void helpDescribesDirOption() {
    Run run = run("kernels", "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Usage: warp kernels --dir OUT").contains("--csv NAME=PATH");
  }

  @Test
  void mainHelpListsKernels() {
    Run run = run("--help");

    assertThat(run.out()).contains("kernels  Run SQL on the CPU and write the PTX");
  }

  @Test
  void parserPassesQueryOptionsThrough() throws UsageException {
    KernelsOptions options =
        KernelsOptionsParser.parse(
            List.of("--dir=out", "--tpch", "0.5", "--file", "-", "--csv=t=a.csv"));

    assertThat(options.outputDirectory()).isEqualTo(Path.of("out"));
    assertThat(options.query().tpchScaleFactor()).hasValue(0.5);
    assertThat(options.query().sqlFile()).contains(Path.of("-"));
    assertThat(options.query().csvTables()).hasSize(1);
  }

  @Test
  void parserKeepsSqlAfterDoubleDash() throws UsageException {
    KernelsOptions options =
        KernelsOptionsParser.parse(List.of("--dir", "out", "--", "-- a comment\nSELECT 1"));

    assertThat(options.query().sqlText()).contains("-- a comment\nSELECT 1");
  }

  @Test
  void fileNamesAreSanitizedAndUnique() {
    Set<String> used = new HashSet<>();

    assertThat(KernelsCommand.uniqueFileName("pipeline1", used)).isEqualTo("pipeline1.ptx");
    assertThat(KernelsCommand.uniqueFileName("pipeline1", used)).isEqualTo("pipeline1_2.ptx");
    assertThat(KernelsCommand.uniqueFileName("a/b c", used)).isEqualTo("a_b_c.ptx");
    assertThat(KernelsCommand.uniqueFileName("", used)).isEqualTo("kernel.ptx");
  }
}
