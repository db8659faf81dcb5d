package dev.warpsql.sqltests.ptx;

import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptx.PtxEmitter;
import dev.warpsql.kernels.ptx.PtxHashBuild;
import dev.warpsql.kernels.ptx.PtxKernel;
import dev.warpsql.kernels.ptx.PtxValidator;
import dev.warpsql.planner.exec.WarpRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The PTX validity gate: every kernel program that the SQL suites compiled for the CPU backend is
 * emitted as PTX, with the kernels that build its join hash tables, and assembled for each
 * architecture of {@link PtxValidator#ARCHITECTURES}, so a pipeline that the GPU backend could not
 * run fails the build.
 *
 * <p>Suites call {@link #checkCompiledKernels} after their tests. Each call checks the programs
 * compiled in this JVM since the previous call (by canonical text), so suites that run in one JVM
 * share the work.
 */
public final class PtxGate {
  /** Canonical texts of the programs that an earlier call checked. */
  private static final Set<String> CHECKED = new HashSet<>();

  private PtxGate() {}

  /** A program that failed the gate: why, and the details needed to fix it. */
  public record Failure(String kernel, String reason, String details) {}

  /** Outcome of checking a set of programs. */
  public record Report(int emitted, Map<String, Integer> assembled, List<Failure> failures) {
    public Report {
      assembled = Map.copyOf(assembled);
      failures = List.copyOf(failures);
    }

    /** Returns the one-line summary that suites print. */
    public String summaryLine(String suite) {
      StringBuilder line = new StringBuilder("PTX gate after ").append(suite).append(": ");
      line.append(emitted).append(" kernels emitted");
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        line.append(", ")
            .append(assembled.getOrDefault(gpuName, 0))
            .append(" assembled for ")
            .append(gpuName);
      }
      return line.append(", ").append(failures.size()).append(" failed").toString();
    }
  }

  /**
   * Emits and assembles every program that the process-wide CPU backend compiled and no earlier
   * call checked, prints the summary line, and fails when a program does not pass.
   *
   * <p>NOTE: the CPU backend keeps at most its cache capacity of kernels, so a program evicted
   * before this call is not checked.
   *
   * @throws AssertionError naming the first failed kernel with its compiler log and numbered PTX,
   *     and listing the others, when any program fails to emit or assemble
   */
  public static synchronized Report checkCompiledKernels(String suite) {
    List<KernelProgram> unchecked = new ArrayList<>();
    for (KernelProgram program : WarpRuntime.cpuBackend().compiledPrograms()) {
      if (CHECKED.add(program.canonicalText())) {
        unchecked.add(program);
      }
    }
    Report report = check(unchecked);
    System.out.println(report.summaryLine(suite));
    if (!report.failures().isEmpty()) {
      throw new AssertionError(failureMessage(suite, report));
    }
    return report;
  }

  /**
   * Emits and assembles each program, in parallel.
   *
   * @throws AssertionError when nvPTXCompiler is not available, since then nothing can be checked
   */
  public static Report check(Collection<KernelProgram> programs) {
    if (!PtxValidator.isAvailable()) {
      throw new AssertionError(
          "the PTX gate cannot run: nvPTXCompiler did not load ("
              + PtxValidator.unavailableReason()
              + "); JCuda's natives for this platform are needed");
    }
    List<ProgramResult> results = programs.parallelStream().map(PtxGate::checkProgram).toList();
    int emitted = 0;
    Map<String, Integer> assembled = new LinkedHashMap<>();
    List<Failure> failures = new ArrayList<>();
    for (ProgramResult result : results) {
      if (result.emitted()) {
        emitted++;
      }
      for (String gpuName : result.assembledFor()) {
        assembled.merge(gpuName, 1, Integer::sum);
      }
      if (result.failure() != null) {
        failures.add(result.failure());
      }
    }
    return new Report(emitted, assembled, failures);
  }

  private record ProgramResult(boolean emitted, List<String> assembledFor, Failure failure) {}

  /**
   * Emits the program's kernel and the hash build kernel of each of its probe stages, and assembles
   * them for every architecture.
   */
  private static ProgramResult checkProgram(KernelProgram program) {
    List<PtxKernel> kernels = new ArrayList<>();
    try {
      kernels.add(PtxEmitter.emit(program));
      for (ProbeStage probe : program.probes()) {
        kernels.add(PtxHashBuild.emit(probe.keys().stream().map(Expr::type).toList()));
      }
    } catch (RuntimeException e) {
      return new ProgramResult(
          false,
          List.of(),
          new Failure(
              program.name(),
              "the PTX emitter rejected it: " + e,
              "canonical form: " + program.canonicalText()));
    }
    List<String> assembledFor = new ArrayList<>();
    for (String gpuName : PtxValidator.ARCHITECTURES) {
      for (PtxKernel kernel : kernels) {
        PtxValidator.Assembly assembly = PtxValidator.assemble(kernel.ptx(), gpuName);
        if (!assembly.success()) {
          return new ProgramResult(
              true,
              assembledFor,
              new Failure(
                  program.name() + " (" + kernel.entryName() + ")",
                  "does not assemble for " + gpuName + " (" + assembly.status() + ")",
                  assembly.errorLog() + "\n" + numbered(kernel.ptx())));
        }
      }
      assembledFor.add(gpuName);
    }
    return new ProgramResult(true, assembledFor, null);
  }

  private static String failureMessage(String suite, Report report) {
    Failure first = report.failures().get(0);
    StringBuilder message = new StringBuilder();
    message
        .append(report.failures().size())
        .append(" kernels compiled by ")
        .append(suite)
        .append(" failed the PTX gate. First: kernel ")
        .append(first.kernel())
        .append(' ')
        .append(first.reason())
        .append('\n')
        .append(first.details());
    if (report.failures().size() > 1) {
      message.append("\nOthers:");
      for (Failure failure : report.failures().subList(1, report.failures().size())) {
        message.append("\n  kernel ").append(failure.kernel()).append(' ').append(failure.reason());
      }
    }
    return message.toString();
  }

  /** Returns the text with a line number before each line. */
  static String numbered(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%5d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
