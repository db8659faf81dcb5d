package dev.warpsql.sqltests.ptx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.driver.WarpDatabase;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ptx.PtxValidator;
import dev.warpsql.planner.exec.WarpRuntime;
import dev.warpsql.sqltests.WarpTestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtxGateTest {
  @Test
  void joinQueryKernelsPassGate() throws Exception {
    try (WarpDatabase database = WarpTestDatabases.tpch(0.001);
        Connection connection = WarpTestDatabases.connect(database);
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT n.n_name, COUNT(*) FROM main.customer c"
                    + " LEFT JOIN main.nation n ON c.c_nationkey = n.n_nationkey"
                    + " AND n.n_regionkey < 3"
                    + " WHERE c.c_acctbal > 1000 GROUP BY n.n_name")) {
      assertThat(result.next()).isTrue();
    }

    List<KernelProgram> compiled = WarpRuntime.cpuBackend().compiledPrograms();
    assertThat(compiled).anyMatch(program -> !program.probes().isEmpty());

    PtxGate.Report report = PtxGate.check(compiled);
    assertThat(report.failures()).isEmpty();
    assertThat(report.emitted()).isEqualTo(compiled.size());
    for (String gpuName : PtxValidator.ARCHITECTURES) {
      assertThat(report.assembled()).containsEntry(gpuName, compiled.size());
    }
  }

  @Test
  void rejectedProgramIsReportedByName() {
    KernelProgram broken =
        new KernelProgram(
            "broken_pipeline",
            List.of(new KernelProgram.InputColumn(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(
                List.of(
                    new InputRef(0, DataType.BIGINT, false),
                    new BuildRef(0, 0, DataType.BIGINT, true))));

    PtxGate.Report report = PtxGate.check(List.of(broken));

    assertThat(report.emitted()).isZero();
    assertThat(report.failures()).hasSize(1);
    assertThat(report.failures().get(0).kernel()).isEqualTo("broken_pipeline");
    assertThat(report.failures().get(0).reason()).contains("build column 0 of probe stage 0");
    assertThat(report.summaryLine("a suite"))
        .isEqualTo(
            "PTX gate after a suite: 0 kernels emitted, 0 assembled for sm_80,"
                + " 0 assembled for sm_90, 1 failed");
  }
}
