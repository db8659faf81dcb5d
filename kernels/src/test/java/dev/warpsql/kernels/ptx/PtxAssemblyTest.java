package dev.warpsql.kernels.ptx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program of {@link PtxTestPrograms}, and the hash build kernel for keys of every type,
 * assembles for sm_80 and sm_90 with nvPTXCompiler.
 */
class PtxAssemblyTest {
  static Stream<Arguments> cases() {
    List<Arguments> arguments = new ArrayList<>();
    for (PtxTestPrograms.Case testCase : PtxTestPrograms.all()) {
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        arguments.add(Arguments.of(testCase, gpuName));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void programAssembles(PtxTestPrograms.Case testCase, String gpuName) {
    assumeTrue(
        PtxValidator.isAvailable(),
        () -> "nvPTXCompiler did not load: " + PtxValidator.unavailableReason());
    PtxKernel kernel = PtxEmitter.emit(testCase.program());
    PtxValidator.Assembly assembly = PtxValidator.assemble(kernel.ptx(), gpuName);
    assertThat(assembly.success())
        .as(
            () ->
                "PTX of "
                    + testCase
                    + " failed on "
                    + gpuName
                    + " ("
                    + assembly.status()
                    + ")\n"
                    + assembly.errorLog()
                    + "\n"
                    + numbered(kernel.ptx()))
        .isTrue();
    assertThat(assembly.binaryBytes()).isPositive();
  }

  static Stream<Arguments> buildKeys() {
    List<List<DataType>> keyLists = new ArrayList<>();
    for (DataType type :
        List.of(
            DataType.BOOLEAN,
            DataType.TINYINT,
            DataType.SMALLINT,
            DataType.INTEGER,
            DataType.BIGINT,
            DataType.REAL,
            DataType.DOUBLE,
            DataType.DATE,
            DataType.TIME,
            DataType.TIMESTAMP,
            DataType.VARCHAR,
            DataType.decimal(12, 2))) {
      keyLists.add(List.of(type));
    }
    keyLists.add(List.of(DataType.INTEGER, DataType.VARCHAR));
    keyLists.add(List.of(DataType.BIGINT, DataType.REAL, DataType.BOOLEAN));
    List<Arguments> arguments = new ArrayList<>();
    for (List<DataType> keys : keyLists) {
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        arguments.add(Arguments.of(keys, gpuName));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "hash build over {0} on {1}")
  @MethodSource("buildKeys")
  void hashBuildAssembles(List<DataType> keyTypes, String gpuName) {
    assumeTrue(
        PtxValidator.isAvailable(),
        () -> "nvPTXCompiler did not load: " + PtxValidator.unavailableReason());
    PtxKernel kernel = PtxHashBuild.emit(keyTypes);
    PtxValidator.Assembly assembly = PtxValidator.assemble(kernel.ptx(), gpuName);
    assertThat(assembly.success())
        .as(() -> assembly.errorLog() + "\n" + numbered(kernel.ptx()))
        .isTrue();
  }

  /**
   * Returns every sort kernel: the key kernel of each type and direction, the radix kernels, the
   * selection kernels and the prefix sum across blocks.
   */
  static Stream<Arguments> sortKernels() {
    List<PtxKernel> kernels = new ArrayList<>();
    List<DataType> types =
        List.of(
            DataType.BOOLEAN,
            DataType.TINYINT,
            DataType.SMALLINT,
            DataType.INTEGER,
            DataType.BIGINT,
            DataType.REAL,
            DataType.DOUBLE,
            DataType.DATE,
            DataType.TIME,
            DataType.TIMESTAMP,
            DataType.VARCHAR,
            DataType.decimal(12, 2));
    for (DataType type : types) {
      kernels.add(PtxSortKeys.emit(type, false));
      kernels.add(PtxSortKeys.emit(type, true));
    }
    kernels.add(PtxRadixSort.digitCounts());
    kernels.add(PtxRadixSort.tileCounts());
    kernels.add(PtxRadixSort.scan());
    kernels.add(PtxRadixSort.scatter());
    kernels.add(PtxSortSelection.prefixCounts());
    kernels.add(PtxSortSelection.candidates());
    kernels.add(PtxPrefixSum.blockSums());
    kernels.add(PtxPrefixSum.totals());
    kernels.add(PtxPrefixSum.positions());
    List<Arguments> arguments = new ArrayList<>();
    for (PtxKernel kernel : kernels) {
      String name = kernel.ptx().lines().findFirst().orElseThrow();
      for (String gpuName : PtxValidator.ARCHITECTURES) {
        arguments.add(Arguments.of(name, kernel, gpuName));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} on {2}")
  @MethodSource("sortKernels")
  void sortKernelAssembles(String name, PtxKernel kernel, String gpuName) {
    assumeTrue(
        PtxValidator.isAvailable(),
        () -> "nvPTXCompiler did not load: " + PtxValidator.unavailableReason());
    PtxValidator.Assembly assembly = PtxValidator.assemble(kernel.ptx(), gpuName);
    assertThat(assembly.success())
        .as(() -> name + ": " + assembly.errorLog() + "\n" + numbered(kernel.ptx()))
        .isTrue();
  }

  static String numbered(String text) {
    StringBuilder out = new StringBuilder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%5d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
