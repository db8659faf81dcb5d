package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.inputs;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.lit;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.Sink;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel programs with hash-join probe stages: every join kind with and without a residual and an
 * after condition, multi-key and floating-point keys, chained probes, build columns of every type,
 * and probes before both sinks.
 */
final class PtxJoinPrograms {
  /** Payload columns of the build side: one nullable column per type of {@link #TYPES}. */
  static final List<DataType> BUILD_TYPES = PtxTestPrograms.TYPES;

  private PtxJoinPrograms() {}

  static List<InputColumn> buildColumns() {
    List<InputColumn> columns = new ArrayList<>();
    for (DataType type : BUILD_TYPES) {
      columns.add(new InputColumn(type, true));
    }
    return columns;
  }

  /**
   * Returns a read of the build column of {@code type} from the row that stage {@code p} matched.
   */
  static BuildRef build(int p, DataType type) {
    return new BuildRef(p, BUILD_TYPES.indexOf(type), type, true);
  }

  static ProbeStage probe(int table, List<Expr> keys, JoinKind kind, Expr residual, Expr after) {
    return new ProbeStage(table, keys, kind, buildColumns(), residual, after);
  }

  static KernelProgram program(String name, Expr filter, List<ProbeStage> probes, Sink sink) {
    return new KernelProgram(name, inputs(), List.of(), 0, filter, probes, sink);
  }

  static List<PtxTestPrograms.Case> all() {
    List<PtxTestPrograms.Case> cases = new ArrayList<>();
    cases.addAll(everyKind());
    cases.addAll(keys());
    cases.addAll(chains());
    cases.addAll(aggregates());
    return cases;
  }

  /** Returns a residual that reads both sides: the build BIGINT is below the probe BIGINT. */
  static Expr residual(int p) {
    return Call.of(
        Operator.LESS_THAN, DataType.BOOLEAN, build(p, DataType.BIGINT), in(DataType.BIGINT));
  }

  static List<PtxTestPrograms.Case> everyKind() {
    List<PtxTestPrograms.Case> cases = new ArrayList<>();
    Expr filter = Call.of(Operator.IS_NOT_NULL, DataType.BOOLEAN, in(DataType.DATE));
    for (JoinKind kind : JoinKind.values()) {
      boolean emitsBuild = kind == JoinKind.INNER || kind == JoinKind.LEFT;
      List<Expr> outputs = new ArrayList<>(List.of(in(DataType.INTEGER), in(DataType.VARCHAR)));
      if (emitsBuild) {
        outputs.add(build(0, DataType.BIGINT));
        outputs.add(build(0, DataType.BOOLEAN));
        outputs.add(build(0, DataType.DOUBLE));
      }
      Expr after =
          emitsBuild
              ? Call.of(Operator.IS_NULL, DataType.BOOLEAN, build(0, DataType.VARCHAR))
              : Call.of(
                  Operator.GREATER_THAN,
                  DataType.BOOLEAN,
                  in(DataType.INTEGER),
                  lit(5, DataType.INTEGER));
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      cases.add(
          new PtxTestPrograms.Case(
              kind + " join",
              program(
                  name + "_join",
                  null,
                  List.of(probe(0, List.of(in(DataType.BIGINT)), kind, null, null)),
                  new MaterializeSink(outputs))));
      cases.add(
          new PtxTestPrograms.Case(
              kind + " join with residual and after condition",
              program(
                  name + "_join_residual",
                  filter,
                  List.of(probe(3, List.of(in(DataType.INTEGER)), kind, residual(0), after)),
                  new MaterializeSink(outputs))));
    }
    List<Expr> everyBuildColumn = new ArrayList<>();
    for (DataType type : BUILD_TYPES) {
      everyBuildColumn.add(build(0, type));
    }
    cases.add(
        new PtxTestPrograms.Case(
            "LEFT join reading every build type",
            program(
                "left_every_type",
                null,
                List.of(probe(0, List.of(in(DataType.VARCHAR)), JoinKind.LEFT, null, null)),
                new MaterializeSink(everyBuildColumn))));
    List<InputColumn> notNull = List.of(new InputColumn(DataType.DATE, false));
    cases.add(
        new PtxTestPrograms.Case(
            "INNER join on columns without NULLs",
            new KernelProgram(
                "inner_not_null",
                inputs(),
                List.of(),
                0,
                null,
                List.of(
                    new ProbeStage(
                        0,
                        List.of(new dev.warpsql.kernels.ir.InputRef(11, DataType.DATE, false)),
                        JoinKind.INNER,
                        notNull,
                        null,
                        null)),
                new MaterializeSink(List.of(new BuildRef(0, 0, DataType.DATE, false))))));
    return cases;
  }

  static List<PtxTestPrograms.Case> keys() {
    List<PtxTestPrograms.Case> cases = new ArrayList<>();
    List<Expr> multiKey =
        List.of(
            in(DataType.INTEGER),
            in(DataType.VARCHAR),
            in(DataType.DOUBLE),
            in(DataType.BOOLEAN),
            in(PtxTestPrograms.DECIMAL_15_2));
    cases.add(
        new PtxTestPrograms.Case(
            "INNER join on five keys",
            program(
                "multi_key",
                null,
                List.of(probe(0, multiKey, JoinKind.INNER, null, null)),
                new MaterializeSink(List.of(in(DataType.DATE), build(0, DataType.DATE))))));
    for (DataType floating : List.of(DataType.REAL, DataType.DOUBLE)) {
      cases.add(
          new PtxTestPrograms.Case(
              "SEMI join on a " + floating + " key",
              program(
                  "semi_" + floating,
                  null,
                  List.of(probe(0, List.of(in(floating)), JoinKind.SEMI, null, null)),
                  new MaterializeSink(List.of(in(floating))))));
    }
    Expr computedKey =
        Call.of(Operator.PLUS, DataType.BIGINT, in(DataType.INTEGER), lit(1, DataType.BIGINT));
    cases.add(
        new PtxTestPrograms.Case(
            "ANTI join on a computed key with residual",
            program(
                "anti_computed",
                null,
                List.of(probe(0, List.of(computedKey), JoinKind.ANTI, residual(0), null)),
                new MaterializeSink(List.of(in(DataType.BIGINT))))));
    return cases;
  }

  static List<PtxTestPrograms.Case> chains() {
    // A snowflake: stage 1 probes with a column of stage 0's build row, stage 2 filters by
    // existence, and the sink reads both emitting stages.
    List<ProbeStage> probes =
        List.of(
            probe(0, List.of(in(DataType.BIGINT)), JoinKind.INNER, null, null),
            probe(
                1,
                List.of(build(0, DataType.INTEGER)),
                JoinKind.LEFT,
                residual(1),
                Call.of(
                    Operator.OR,
                    DataType.BOOLEAN,
                    Call.of(Operator.IS_NULL, DataType.BOOLEAN, build(1, DataType.DATE)),
                    build(0, DataType.BOOLEAN))),
            probe(
                2,
                List.of(build(1, DataType.VARCHAR), in(DataType.SMALLINT)),
                JoinKind.SEMI,
                Call.of(
                    Operator.NOT_EQUALS,
                    DataType.BOOLEAN,
                    build(2, DataType.TIMESTAMP),
                    build(0, DataType.TIMESTAMP)),
                null),
            probe(3, List.of(in(DataType.TINYINT)), JoinKind.ANTI, null, null));
    List<Expr> outputs =
        List.of(
            in(DataType.BIGINT),
            build(0, DataType.DOUBLE),
            build(1, PtxTestPrograms.DECIMAL_15_2),
            Call.of(
                Operator.PLUS,
                DataType.BIGINT,
                build(0, DataType.BIGINT),
                build(1, DataType.BIGINT)));
    return List.of(
        new PtxTestPrograms.Case(
            "four chained probes of every kind",
            program("chain", null, probes, new MaterializeSink(outputs))));
  }

  static List<PtxTestPrograms.Case> aggregates() {
    List<PtxTestPrograms.Case> cases = new ArrayList<>();
    List<AggregateCall> calls =
        List.of(
            new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
            new AggregateCall(
                AggregateFunction.SUM,
                build(0, PtxTestPrograms.DECIMAL_15_2),
                DataType.decimal(19, 2)),
            new AggregateCall(AggregateFunction.MAX, build(0, DataType.DOUBLE), DataType.DOUBLE),
            new AggregateCall(AggregateFunction.COUNT, build(0, DataType.DATE), DataType.BIGINT));
    List<ProbeStage> probes =
        List.of(probe(0, List.of(in(DataType.BIGINT)), JoinKind.LEFT, residual(0), null));
    cases.add(
        new PtxTestPrograms.Case(
            "LEFT join into a global aggregate",
            program("join_global", null, probes, new AggregateSink(List.of(), calls))));
    List<ProbeStage> twoProbes =
        List.of(
            probe(0, List.of(in(DataType.BIGINT)), JoinKind.INNER, null, null),
            probe(1, List.of(in(DataType.INTEGER)), JoinKind.SEMI, null, null));
    cases.add(
        new PtxTestPrograms.Case(
            "INNER and SEMI join into a keyed aggregate",
            program(
                "join_grouped",
                Call.of(Operator.IS_TRUE, DataType.BOOLEAN, in(DataType.BOOLEAN)),
                twoProbes,
                new AggregateSink(List.of(build(0, DataType.VARCHAR), in(DataType.DATE)), calls))));
    return cases;
  }
}
