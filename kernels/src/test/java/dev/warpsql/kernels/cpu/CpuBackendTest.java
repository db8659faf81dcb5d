package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CpuBackendTest extends KernelTestSupport {
  private static KernelProgram plusProgram(String name, long constant) {
    Expr x = in(0, DataType.BIGINT);
    Expr plus = Call.of(Operator.PLUS, DataType.BIGINT, x, lit(constant, DataType.BIGINT));
    return new KernelProgram(
        name,
        List.of(new InputColumn(DataType.BIGINT, true)),
        List.of(),
        0,
        null,
        new MaterializeSink(List.of(plus)));
  }

  @Test
  void canonicalTextEqualForEqualPrograms() {
    assertThat(plusProgram("a", 1).canonicalText()).isEqualTo(plusProgram("b", 1).canonicalText());
  }

  @Test
  void canonicalTextDiffersForDifferentPrograms() {
    String base = plusProgram("a", 1).canonicalText();
    assertThat(plusProgram("a", 2).canonicalText()).isNotEqualTo(base);
    Expr x = in(0, DataType.BIGINT);
    KernelProgram filtered =
        new KernelProgram(
            "a",
            List.of(new InputColumn(DataType.BIGINT, true)),
            List.of(),
            0,
            Call.of(Operator.IS_NOT_NULL, DataType.BOOLEAN, x),
            new MaterializeSink(
                List.of(Call.of(Operator.PLUS, DataType.BIGINT, x, lit(1, DataType.BIGINT)))));
    assertThat(filtered.canonicalText()).isNotEqualTo(base);
    KernelProgram notNull =
        new KernelProgram(
            "a",
            List.of(new InputColumn(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(
                List.of(Call.of(Operator.PLUS, DataType.BIGINT, x, lit(1, DataType.BIGINT)))));
    assertThat(notNull.canonicalText()).isNotEqualTo(base);
    Expr decimal =
        Call.of(
            Operator.PLUS,
            DataType.decimal(10, 2),
            lit(1, DataType.decimal(10, 2)),
            lit(1, DataType.decimal(10, 2)));
    Expr otherScale =
        Call.of(
            Operator.PLUS,
            DataType.decimal(10, 3),
            lit(1, DataType.decimal(10, 3)),
            lit(1, DataType.decimal(10, 3)));
    assertThat(program(decimal).canonicalText()).isNotEqualTo(program(otherScale).canonicalText());
  }

  private static KernelProgram program(Expr output) {
    return new KernelProgram(
        "p", List.of(), List.of(), 0, null, new MaterializeSink(List.of(output)));
  }

  @Test
  void compileCachesByCanonicalText() {
    CpuKernel first = backend.compile(plusProgram("first", 1));
    CpuKernel second = backend.compile(plusProgram("second", 1));
    assertThat(backend.compilationCount()).isEqualTo(1);
    assertThat(backend.cachedKernelCount()).isEqualTo(1);
    assertThat(second.program().name()).isEqualTo("second");
    assertThat(second.javaSource()).isEqualTo(first.javaSource());
    backend.compile(plusProgram("third", 2));
    assertThat(backend.compilationCount()).isEqualTo(2);
  }

  @Test
  void cacheEvictsLeastRecentlyUsed() {
    CpuBackend small = new CpuBackend(2);
    small.compile(plusProgram("a", 1));
    small.compile(plusProgram("b", 2));
    small.compile(plusProgram("a", 1));
    small.compile(plusProgram("c", 3));
    assertThat(small.cachedKernelCount()).isEqualTo(2);
    assertThat(small.compilationCount()).isEqualTo(3);
    small.compile(plusProgram("a", 1));
    assertThat(small.compilationCount()).isEqualTo(3);
    small.compile(plusProgram("b", 2));
    assertThat(small.compilationCount()).isEqualTo(4);
  }

  @Test
  void concurrentCompilesOfOneShapeCompileOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<CpuKernel>> tasks = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String name = "thread-" + i;
        tasks.add(() -> backend.compile(plusProgram(name, 1)));
      }
      for (Future<CpuKernel> kernel : pool.invokeAll(tasks)) {
        assertThat(kernel.get().program().canonicalText())
            .isEqualTo(plusProgram("x", 1).canonicalText());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(backend.compilationCount()).isEqualTo(1);
  }

  @Test
  void janinoErrorRaisesCompilationFailed() {
    assertThatThrownBy(
            () -> backend.cook("broken-pipeline", "public final class WarpKernel { int x = ; }"))
        .isInstanceOf(KernelException.class)
        .hasMessageContaining("broken-pipeline")
        .hasMessageContaining("Line 1")
        .extracting(e -> ((KernelException) e).code())
        .isEqualTo(KernelErrorCode.COMPILATION_FAILED);
  }

  @Test
  void unsupportedProgramIsRejectedAndNotCached() {
    Expr plus =
        Call.of(Operator.PLUS, DataType.DATE, lit(1, DataType.DATE), lit(1, DataType.INTEGER));
    assertThatThrownBy(() -> backend.compile(program(plus)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATE");
    assertThat(backend.cachedKernelCount()).isZero();
    assertThat(backend.compilationCount()).isZero();
  }

  @Test
  void inputOutOfRangeIsRejected() {
    Expr x = in(3, DataType.BIGINT);
    assertThatThrownBy(() -> backend.compile(program(x)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$3");
  }

  @Test
  void capacityMustBePositive() {
    assertThatThrownBy(() -> new CpuBackend(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
