package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxJoinPrograms.build;
import static dev.warpsql.kernels.ptx.PtxJoinPrograms.probe;
import static dev.warpsql.kernels.ptx.PtxJoinPrograms.program;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtxProbeStagesTest {
  private static final InputColumn BIGINT_COLUMN = new InputColumn(DataType.BIGINT, false);

  private static KernelProgram twoKeyLeftJoin() {
    ProbeStage probe =
        new ProbeStage(
            0,
            List.of(new InputRef(0, DataType.BIGINT, false), new InputRef(1, DataType.REAL, true)),
            JoinKind.LEFT,
            List.of(new InputColumn(DataType.INTEGER, true)),
            null,
            null);
    return new KernelProgram(
        "p",
        List.of(BIGINT_COLUMN, new InputColumn(DataType.REAL, true)),
        List.of(),
        0,
        null,
        List.of(probe),
        new MaterializeSink(List.of(new BuildRef(0, 0, DataType.INTEGER, true))));
  }

  @Test
  void probeParametersPrecedeErrorRecord() {
    List<String> names =
        PtxEmitter.emit(twoKeyLeftJoin()).parameters().stream().map(PtxParameter::name).toList();

    assertThat(names)
        .containsExactly(
            "chunk_count",
            "chunk_table",
            "probe0_slot_mask",
            "probe0_partition_shift",
            "probe0_partition",
            "probe0_slot_rows",
            "probe0_slot_keys",
            "probe0_slot_hashes",
            "probe0_next",
            "probe0_col0_data",
            "probe0_col0_validity",
            "error",
            "out_count",
            "out_capacity",
            "out0_data",
            "out0_validity");
  }

  @Test
  void singleKeyTableHasNoSlotHashes() {
    KernelProgram program =
        program(
            "semi",
            null,
            List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.SEMI, null, null)),
            new MaterializeSink(List.of(in(DataType.BIGINT))));
    List<String> names =
        PtxEmitter.emit(program).parameters().stream().map(PtxParameter::name).toList();

    assertThat(names).contains("probe0_slot_keys", "probe0_next").doesNotContain("out_capacity");
    assertThat(names).noneMatch(name -> name.endsWith("slot_hashes"));
  }

  @Test
  void candidateLoopIsWarpUniform() {
    String ptx = PtxEmitter.emit(twoKeyLeftJoin()).ptx();

    assertThat(ptx).contains("vote.sync.any.pred");
    assertThat(ptx).contains("// probe stage 0: LEFT join with hash table #0");
    assertThat(ptx).contains("selp.b32");
    assertThat(ptx).contains("// raise OUTPUT_FULL");
    assertThat(ptx.indexOf("vote.sync.any.pred")).isLessThan(ptx.indexOf("vote.sync.ballot.b32"));
  }

  @Test
  void floatKeysAreNormalized() {
    String ptx = PtxEmitter.emit(twoKeyLeftJoin()).ptx();

    assertThat(ptx).contains("testp.notanumber.f64");
    assertThat(ptx).contains("0x7FF8000000000000");
    assertThat(ptx).contains("mul.lo.u64").contains("0x9E3779B97F4A7C15");
  }

  @Test
  void semiJoinNeedsNoWarpVote() {
    KernelProgram program =
        program(
            "semi",
            null,
            List.of(
                probe(
                    0,
                    List.of(in(DataType.BIGINT)),
                    JoinKind.SEMI,
                    PtxJoinPrograms.residual(0),
                    null)),
            new AggregateSink(
                List.of(),
                List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT))));
    String ptx = PtxEmitter.emit(program).ptx();

    assertThat(ptx).doesNotContain("loop while any lane");
    assertThat(ptx).contains("// probe stage 0: search for the first candidate");
  }

  @Test
  void buildColumnInFilterIsRejected() {
    KernelProgram program =
        program(
            "filter",
            Call.of(Operator.IS_NULL, DataType.BOOLEAN, build(0, DataType.BIGINT)),
            List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.INNER, null, null)),
            new MaterializeSink(List.of(in(DataType.BIGINT))));

    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("read in the filter")
        .hasMessageContaining("that stage runs later");
  }

  @Test
  void buildColumnAfterSemiJoinIsRejected() {
    KernelProgram program =
        program(
            "semi",
            null,
            List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.SEMI, null, null)),
            new MaterializeSink(List.of(build(0, DataType.BIGINT))));

    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a SEMI join emits no build columns");
  }

  @Test
  void buildColumnOfWrongTypeIsRejected() {
    KernelProgram program =
        program(
            "types",
            null,
            List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.INNER, null, null)),
            new MaterializeSink(List.of(new BuildRef(0, 0, DataType.BIGINT, true))));

    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 0 of probe stage 0 is BOOLEAN but is read as BIGINT");
  }

  @Test
  void buildColumnBeyondPayloadIsRejected() {
    KernelProgram program =
        program(
            "range",
            null,
            List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.INNER, null, null)),
            new MaterializeSink(List.of(new BuildRef(0, 99, DataType.BIGINT, true))));

    assertThatThrownBy(() -> PtxEmitter.emit(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("build column 99")
        .hasMessageContaining("that stage has 15 columns");
  }
}
