package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimDifferential;
import dev.warpsql.kernels.ptxsim.SimKernelInputs;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of the PTX test catalogues runs on the CPU backend and, emitted as PTX, in the
 * interpreter on the same seeded inputs with NULLs and edge values, and both must agree on errors
 * and rows (see {@link SimDifferential}).
 */
class PtxSimDifferentialTest {
  private RootAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static Stream<PtxTestPrograms.Case> catalogue() {
    return PtxTestPrograms.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("catalogue")
  void catalogueProgramMatchesCpu(PtxTestPrograms.Case testCase) {
    KernelProgram program = testCase.program();
    boolean joins = !program.probes().isEmpty();
    SimDataSets.Profile profile =
        joins
            ? SimDataSets.Profile.SMALL
            : program.sink() instanceof AggregateSink
                ? SimDataSets.Profile.MODERATE
                : SimDataSets.Profile.EDGES;
    int rows = joins ? 800 : 3000;
    SimKernelInputs inputs =
        SimDataSets.generate(program, rows, profile, testCase.name().hashCode(), allocator);
    try {
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }
}
