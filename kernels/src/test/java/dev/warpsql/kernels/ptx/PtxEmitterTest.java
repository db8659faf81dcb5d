package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtxEmitterTest {
  @Test
  void entryIsNamedFromPipeline() {
    KernelProgram program =
        new KernelProgram(
            "orders scan #1",
            List.of(new InputColumn(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(
                List.of(new dev.warpsql.kernels.ir.InputRef(0, DataType.BIGINT, false))));
    PtxKernel kernel = PtxEmitter.emit(program);
    assertThat(kernel.entryName()).isEqualTo("warp_orders_scan__1");
    assertThat(kernel.ptx()).contains(".visible .entry warp_orders_scan__1(");
    assertThat(kernel.ptx()).contains("// WarpSQL PTX kernel for pipeline \"orders scan #1\"");
    assertThat(kernel.ptx()).contains(".version 8.0").contains(".target sm_80");
  }

  @Test
  void parametersFollowDocumentedOrder() {
    KernelProgram program =
        new KernelProgram(
            "p",
            List.of(new InputColumn(DataType.INTEGER, true)),
            List.of(DataType.DOUBLE),
            1,
            null,
            new MaterializeSink(List.of(new dev.warpsql.kernels.ir.ParamRef(0, DataType.DOUBLE))));
    List<String> names =
        PtxEmitter.emit(program).parameters().stream().map(PtxParameter::name).toList();
    assertThat(names)
        .containsExactly(
            "chunk_count",
            "chunk_table",
            "param0_value",
            "param0_null",
            "lookup0_values",
            "lookup0_nulls",
            "lookup0_size",
            "error",
            "out_count",
            "out0_data",
            "out0_validity");
  }

  @Test
  void materializeUsesWarpBallot() {
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.all().stream()
                    .filter(c -> c.name().equals("materialize every type"))
                    .findFirst()
                    .orElseThrow()
                    .program())
            .ptx();
    assertThat(ptx).contains("vote.sync.ballot.b32");
    assertThat(ptx).contains("popc.b32");
    assertThat(ptx).containsOnlyOnce("atom.global.add.u32");
    assertThat(ptx).contains("%lanemask_lt");
    assertThat(ptx).contains("red.global.or.b32");
  }

  @Test
  void globalAggregateReducesPerWarp() {
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.aggregate(
                    "sums",
                    null,
                    List.of(),
                    List.of(
                        new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                        new AggregateCall(
                            AggregateFunction.SUM, in(DataType.BIGINT), DataType.BIGINT),
                        new AggregateCall(
                            AggregateFunction.SUM, in(DataType.DOUBLE), DataType.DOUBLE),
                        new AggregateCall(
                            AggregateFunction.MIN, in(DataType.DOUBLE), DataType.DOUBLE))))
            .ptx();
    assertThat(ptx).contains("shfl.sync.bfly.b32");
    assertThat(ptx).contains("red.global.add.u64");
    assertThat(ptx).contains("atom.global.cas.b64");
    assertThat(ptx).contains("red.global.add.f64");
    assertThat(ptx).contains("xor.b64");
    assertThat(ptx).contains("0x7FFFFFFFFFFFFFFF");
    assertThat(ptx).contains("red.global.max.u64");
  }

  @Test
  void keyedAggregateClaimsSlotsWithCas() {
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.aggregate(
                    "groups",
                    null,
                    List.of(in(DataType.VARCHAR)),
                    List.of(
                        new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT))))
            .ptx();
    assertThat(ptx).contains("atom.acquire.gpu.global.cas.b32");
    assertThat(ptx).contains("atom.global.add.u32");
    assertThat(ptx).contains("st.release.gpu.global.u32");
    assertThat(ptx).contains("ld.acquire.gpu.global.u32");
    assertThat(ptx).contains("// raise GROUP_TABLE_FULL");
  }

  @Test
  void keyedAggregatePreAggregatesPerBlock() {
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.aggregate(
                    "block_groups",
                    null,
                    List.of(in(DataType.INTEGER)),
                    List.of(
                        new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT))))
            .ptx();

    assertThat(ptx).contains(".shared .align 16 .b8 block_groups[");
    assertThat(ptx).contains("atom.acquire.cta.shared.cas.b32");
    assertThat(ptx).contains("red.shared.add.u64");
    assertThat(ptx).contains("bar.sync 0");
  }

  @Test
  void wideAggregateSkipsBlockTable() {
    List<AggregateCall> calls = new ArrayList<>();
    for (int c = 0; c < 48; c++) {
      calls.add(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT));
    }
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.aggregate("wide", null, List.of(in(DataType.INTEGER)), calls))
            .ptx();

    assertThat(ptx).doesNotContain(".shared");
    assertThat(ptx).doesNotContain("bar.sync");
  }

  @Test
  void decimalDivisionCallsRoutine() {
    KernelProgram program =
        PtxTestPrograms.materialize(
            "div",
            null,
            List.of(
                Call.of(
                    Operator.DIVIDE,
                    PtxTestPrograms.DECIMAL_15_2,
                    in(PtxTestPrograms.DECIMAL_15_2),
                    in(PtxTestPrograms.DECIMAL_12_4))));
    String ptx = PtxEmitter.emit(program).ptx();
    assertThat(ptx).contains(".func (.param .align 8 .b8 result[16]) warp_decimal_divide(");
    assertThat(ptx).contains("call (ret), warp_decimal_divide,");
    assertThat(ptx).contains("// raise DIVISION_BY_ZERO");
    assertThat(ptx).doesNotContain("warp_f64_mod");
  }

  @Test
  void buildReferenceWithoutProbeIsRejected() {
    KernelProgram program =
        PtxTestPrograms.materialize(
            "build", null, List.of(new BuildRef(0, 1, DataType.BIGINT, true)));
    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 1 of probe stage 0 is read in the sink")
        .hasMessageContaining("0 probe stages");
  }

  @Test
  void arithmeticOnDatesIsRejected() {
    KernelProgram program =
        PtxTestPrograms.materialize(
            "dates",
            null,
            List.of(Call.of(Operator.PLUS, DataType.DATE, in(DataType.DATE), in(DataType.DATE))));
    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLUS is not defined on DATE");
  }

  @Test
  void minOfVarcharIsRejected() {
    assertThatThrownBy(
            () ->
                PtxEmitter.emit(
                    PtxTestPrograms.aggregate(
                        "min_code",
                        null,
                        List.of(),
                        List.of(
                            new AggregateCall(
                                AggregateFunction.MIN, in(DataType.VARCHAR), DataType.VARCHAR)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dictionary codes");
  }

  @Test
  void operatorsAreNamedInComments() {
    String ptx =
        PtxEmitter.emit(
                PtxTestPrograms.all().stream()
                    .filter(c -> c.name().equals("logic"))
                    .findFirst()
                    .orElseThrow()
                    .program())
            .ptx();
    assertThat(ptx).contains("// AND -> BOOLEAN");
    assertThat(ptx).contains("// OR operand 2 of 3");
    assertThat(ptx).contains("// filter: keep the row only when TRUE");
  }
}
