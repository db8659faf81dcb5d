package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxTestPrograms.DECIMAL_15_2;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.inputs;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.lit;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.List;

/**
 * Programs that read {@link CodeMap} tables of every entry layout, next to a {@link CodeLookup}
 * table, for the assembly table of {@link PtxTestPrograms}.
 *
 * <p>Table 0 has BOOLEAN entries, table 1 int64 entries (read as several integer-register types),
 * table 2 f64 entries (read as DOUBLE and REAL) and table 3 int64 codes of another dictionary.
 */
final class PtxCodeMapPrograms {
  static final int TABLES = 4;

  private PtxCodeMapPrograms() {}

  static Expr map(int table, DataType type) {
    return new CodeMap(in(DataType.VARCHAR), table, type);
  }

  static List<PtxTestPrograms.Case> all() {
    Expr filter = new CodeLookup(in(DataType.VARCHAR), 0);
    List<Expr> outputs =
        List.of(
            map(1, DataType.BIGINT),
            map(1, DataType.INTEGER),
            map(1, DataType.TINYINT),
            map(1, DECIMAL_15_2),
            map(1, DataType.DATE),
            map(1, DataType.TIME),
            map(1, DataType.TIMESTAMP),
            map(2, DataType.DOUBLE),
            map(2, DataType.REAL),
            map(3, DataType.VARCHAR),
            new CodeMap(lit(2, DataType.VARCHAR), 1, DataType.BIGINT),
            Call.of(
                Operator.PLUS, DataType.BIGINT, map(1, DataType.BIGINT), lit(1, DataType.BIGINT)),
            Call.of(Operator.EXTRACT_YEAR, DataType.BIGINT, map(1, DataType.DATE)));
    KernelProgram materialize =
        new KernelProgram(
            "code_maps", inputs(), List.of(), TABLES, filter, new MaterializeSink(outputs));

    AggregateSink sink =
        new AggregateSink(
            List.of(map(3, DataType.VARCHAR)),
            List.of(
                new AggregateCall(
                    AggregateFunction.SUM, map(1, DECIMAL_15_2), DataType.decimal(19, 2)),
                new AggregateCall(AggregateFunction.MIN, map(2, DataType.DOUBLE), DataType.DOUBLE),
                new AggregateCall(AggregateFunction.MAX, map(1, DataType.DATE), DataType.DATE)));
    KernelProgram aggregate =
        new KernelProgram("code_map_groups", inputs(), List.of(), TABLES, filter, sink);

    return List.of(
        new PtxTestPrograms.Case("code maps", materialize),
        new PtxTestPrograms.Case("aggregate by code map", aggregate));
  }
}
