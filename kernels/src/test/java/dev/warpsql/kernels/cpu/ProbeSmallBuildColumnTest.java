package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A LEFT join that reads a TINYINT or SMALLINT build column must compile on the CPU backend. */
class ProbeSmallBuildColumnTest {
  @ParameterizedTest
  @ValueSource(strings = {"TINYINT", "SMALLINT"})
  void leftJoinReadsSmallBuildColumn(String typeName) {
    DataType type = typeName.equals("TINYINT") ? DataType.TINYINT : DataType.SMALLINT;
    KernelProgram program =
        new KernelProgram(
            "left_small_build_column",
            List.of(new KernelProgram.InputColumn(DataType.BIGINT, true)),
            List.of(),
            0,
            null,
            List.of(
                new ProbeStage(
                    0,
                    List.of(new InputRef(0, DataType.BIGINT, true)),
                    JoinKind.LEFT,
                    List.of(new KernelProgram.InputColumn(type, true)),
                    null,
                    null)),
            new MaterializeSink(List.of(new BuildRef(0, 0, type, true))));

    assertThatCode(() -> new CpuBackend(4).compile(program)).doesNotThrowAnyException();
  }
}
