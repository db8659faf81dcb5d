package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxCodeMapPrograms.map;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.inputs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtxLookupTablesTest {
  private static String emit(int tables, Expr... outputs) {
    return PtxEmitter.emit(program(tables, outputs)).ptx();
  }

  private static KernelProgram program(int tables, Expr... outputs) {
    return new KernelProgram(
        "maps", inputs(), List.of(), tables, null, new MaterializeSink(List.of(outputs)));
  }

  @Test
  void codeMapReadsEightByteEntries() {
    String ptx = emit(1, map(0, DataType.BIGINT));

    assertThat(ptx).contains("// MAP#0: BIGINT by dictionary code");
    assertThat(ptx).containsPattern("shl\\.b64 %rd\\d+, %rd\\d+, 3;");
    assertThat(ptx).contains("ld.global.nc.s64");
    assertThat(ptx).contains("// raise LOOKUP_CODE_OUT_OF_RANGE");
    assertThat(ptx).containsPattern("@%p\\d+ ld\\.global\\.nc\\.u8");
  }

  @Test
  void codeMapConvertsToRegisterType() {
    assertThat(emit(1, map(0, DataType.DATE))).contains("cvt.u32.u64");
    assertThat(emit(1, map(0, DataType.DOUBLE))).contains("ld.global.nc.f64");
    assertThat(emit(1, map(0, DataType.REAL)))
        .contains("ld.global.nc.f64")
        .contains("cvt.rn.f32.f64");
  }

  @Test
  void codeLookupStillReadsBytes() {
    String ptx = emit(1, new CodeLookup(in(DataType.VARCHAR), 0));

    assertThat(ptx).contains("// LOOKUP#0: BOOLEAN by dictionary code");
    assertThat(ptx).doesNotContain("ld.global.nc.s64").doesNotContain("ld.global.nc.f64");
  }

  @Test
  void codeMapTablesUseLookupParameters() {
    Expr code = new InputRef(0, DataType.VARCHAR, true);
    KernelProgram program =
        new KernelProgram(
            "maps",
            List.of(new InputColumn(DataType.VARCHAR, true)),
            List.of(),
            2,
            null,
            new MaterializeSink(
                List.of(new CodeLookup(code, 0), new CodeMap(code, 1, DataType.DOUBLE))));

    List<PtxParameter> parameters = PtxEmitter.emit(program).parameters();

    assertThat(parameters)
        .containsSubsequence(
            new PtxParameter("lookup0_values", ".u64"),
            new PtxParameter("lookup0_nulls", ".u64"),
            new PtxParameter("lookup0_size", ".u32"),
            new PtxParameter("lookup1_values", ".u64"),
            new PtxParameter("lookup1_nulls", ".u64"),
            new PtxParameter("lookup1_size", ".u32"),
            new PtxParameter("error", ".u64"));
  }

  @Test
  void oneTableReadAsTypesOfOneLayout() {
    String ptx = emit(1, map(0, DataType.BIGINT), map(0, DataType.DATE), map(0, DataType.VARCHAR));

    assertThat(ptx).contains("// MAP#0: DATE by dictionary code");
  }

  @Test
  void tableReadWithTwoLayoutsIsRejected() {
    assertThatThrownBy(() -> emit(1, map(0, DataType.BIGINT), map(0, DataType.DOUBLE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #0 is read as both BIGINT and DOUBLE");
    assertThatThrownBy(
            () -> emit(1, new CodeLookup(in(DataType.VARCHAR), 0), map(0, DataType.REAL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #0 is read as both BOOLEAN and REAL");
  }

  @Test
  void tableBeyondProgramIsRejected() {
    assertThatThrownBy(() -> emit(1, map(1, DataType.BIGINT)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookup table #1 is beyond the 1 lookup tables");
  }
}
