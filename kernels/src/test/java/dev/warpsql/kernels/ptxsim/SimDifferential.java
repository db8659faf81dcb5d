package dev.warpsql.kernels.ptxsim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ptx.PtxErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Differential check of one program: the CPU backend and the emitted PTX in the interpreter run on
 * the same inputs and must agree.
 *
 * <p>Errors first: the CPU backend evaluates every row alone to learn which rows raise which error.
 * When some do, the PTX run over all rows must report one of those errors in its error record, with
 * a row that raises that very error, because any failing thread may win the record. Then those rows
 * are dropped, and both backends must agree on the error code (usually none) and on the rows as
 * multisets, because the materialize sink's row order depends on the warps. SUMs of REAL and DOUBLE
 * are compared to 9 significant digits, because atomic addition orders them differently.
 */
public final class SimDifferential {
  /** Launch shapes: one warp, several blocks with random interleaving, and odd block sizes. */
  public static final List<SimKernelHarness.Shape> SHAPES =
      List.of(
          new SimKernelHarness.Shape(1, 32, SimLaunch.Options.sequential()),
          new SimKernelHarness.Shape(3, 64, SimLaunch.Options.interleaved(11, 40)),
          new SimKernelHarness.Shape(2, 96, SimLaunch.Options.sequential()));

  private SimDifferential() {}

  /** Runs the check on {@code inputs}, which the caller closes. */
  public static void check(
      KernelProgram program,
      SimKernelInputs inputs,
      List<SimKernelHarness.Shape> shapes,
      BufferAllocator allocator) {
    Map<Integer, KernelErrorCode> rowErrors = SimCpuReference.rowErrors(program, inputs, allocator);
    SimKernelInputs clean = inputs;
    if (!rowErrors.isEmpty()) {
      checkReportedError(program, inputs, shapes.get(shapes.size() - 1), rowErrors);
      clean = SimDataSets.withoutRows(program, inputs, rowErrors.keySet(), allocator);
    }
    try {
      SimKernelResult cpu = SimCpuReference.run(program, clean, allocator);
      for (SimKernelHarness.Shape shape : shapes) {
        SimKernelResult gpu = runWithRetry(program, clean, shape);
        assertThat(describe(gpu.errorCode()))
            .as("error of %s on %s (%d rows)", program.name(), shape, clean.rowCount())
            .isEqualTo(describe(cpu.errorCode()));
        if (cpu.errorCode() == 0) {
          assertSameRows(program, cpu.rows(), gpu.rows(), shape);
        }
      }
    } finally {
      if (clean != inputs) {
        SimDataSets.closeColumns(clean);
      }
    }
  }

  private static void checkReportedError(
      KernelProgram program,
      SimKernelInputs inputs,
      SimKernelHarness.Shape shape,
      Map<Integer, KernelErrorCode> rowErrors) {
    SimKernelResult gpu = runWithRetry(program, inputs, shape);
    KernelErrorCode reported = PtxErrors.errorOf(gpu.errorCode());
    assertThat(reported)
        .as(
            "%s raised code %d at row %d; the CPU backend raises %s",
            program.name(), gpu.errorCode(), gpu.errorRow(), rowErrors)
        .isNotNull();
    assertThat(rowErrors.get((int) gpu.errorRow()))
        .as("CPU error of row %d, which the PTX reported with %s", gpu.errorRow(), reported)
        .isEqualTo(reported);
  }

  /**
   * Runs the PTX, and as the documented host protocol prescribes, reruns with buffers for as many
   * rows as the counter then holds when the output was full.
   */
  public static SimKernelResult runWithRetry(
      KernelProgram program, SimKernelInputs inputs, SimKernelHarness.Shape shape) {
    int capacity = inputs.rowCount();
    SimKernelResult result = SimKernelHarness.run(program, inputs, shape, capacity);
    if (result.errorCode() == PtxErrors.OUTPUT_FULL) {
      assertThat(result.counter()).as("row counter after OUTPUT_FULL").isGreaterThan(capacity);
      result = SimKernelHarness.run(program, inputs, shape, (int) result.counter());
    }
    return result;
  }

  /** Asserts that two row lists are equal as multisets, naming a few differing rows. */
  public static void assertSameRows(
      KernelProgram program,
      List<List<Object>> expected,
      List<List<Object>> actual,
      SimKernelHarness.Shape shape) {
    boolean[] approximate = approximateColumns(program);
    List<String> cpu = canonical(expected, approximate);
    List<String> gpu = canonical(actual, approximate);
    List<String> missing = new ArrayList<>(cpu);
    gpu.forEach(missing::remove);
    List<String> extra = new ArrayList<>(gpu);
    cpu.forEach(extra::remove);
    assertThat(gpu.size()).as("row count of %s on %s", program.name(), shape).isEqualTo(cpu.size());
    assertThat(missing)
        .as(
            "rows of %s on %s: CPU rows missing from the PTX output (first 5), and extra PTX rows"
                + " %s",
            program.name(), shape, extra.subList(0, Math.min(5, extra.size())))
        .isEmpty();
  }

  private static boolean[] approximateColumns(KernelProgram program) {
    if (!(program.sink() instanceof AggregateSink sink)) {
      return new boolean[0];
    }
    int keys = sink.groupKeys().size();
    boolean[] approximate = new boolean[keys + sink.calls().size()];
    for (int c = 0; c < sink.calls().size(); c++) {
      AggregateCall call = sink.calls().get(c);
      approximate[keys + c] =
          call.function() == AggregateFunction.SUM
              && SimKernelHarness.floating(call.argument().type());
    }
    return approximate;
  }

  private static List<String> canonical(List<List<Object>> rows, boolean[] approximate) {
    List<String> texts = new ArrayList<>();
    for (List<Object> row : rows) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        Object value = row.get(i);
        boolean rounded = i < approximate.length && approximate[i] && value instanceof Double;
        text.append(rounded ? String.format("%.9g", (Double) value) : String.valueOf(value));
        text.append(" | ");
      }
      texts.add(text.toString());
    }
    texts.sort(null);
    return texts;
  }

  private static String describe(int code) {
    KernelErrorCode error = PtxErrors.errorOf(code);
    return code + (error == null ? "" : " (" + error + ")");
  }
}
