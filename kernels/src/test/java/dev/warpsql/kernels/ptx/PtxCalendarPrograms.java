package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.lit;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Programs with ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS on DATE and TIMESTAMP columns, with
 * amounts of several integer types, with every EXTRACT field and the epoch of both types, with the
 * microsecond of the day of TIMESTAMP and TIME and with the cast of a TIMESTAMP to TIME, for the
 * assembly table of {@link PtxTestPrograms}.
 */
final class PtxCalendarPrograms {
  private static final List<Operator> EXTRACTS =
      List.of(
          Operator.EXTRACT_YEAR,
          Operator.EXTRACT_QUARTER,
          Operator.EXTRACT_MONTH,
          Operator.EXTRACT_DAY,
          Operator.EXTRACT_DOY,
          Operator.EXTRACT_DOW);

  private PtxCalendarPrograms() {}

  static Expr add(Operator operator, DataType type, Expr amount) {
    return Call.of(operator, type, in(type), amount);
  }

  static List<PtxTestPrograms.Case> all() {
    Expr days = in(DataType.BIGINT);
    List<Expr> outputs =
        List.of(
            add(Operator.ADD_DAYS, DataType.DATE, days),
            add(Operator.ADD_DAYS, DataType.TIMESTAMP, days),
            add(Operator.ADD_DAYS, DataType.DATE, in(DataType.INTEGER)),
            add(Operator.ADD_MONTHS, DataType.DATE, days),
            add(Operator.ADD_MONTHS, DataType.TIMESTAMP, days),
            add(Operator.ADD_MONTHS, DataType.DATE, in(DataType.TINYINT)),
            add(Operator.ADD_MONTHS, DataType.TIMESTAMP, lit(-13, DataType.SMALLINT)),
            add(Operator.ADD_MICROSECONDS, DataType.TIMESTAMP, days),
            Call.of(
                Operator.ADD_MONTHS,
                DataType.DATE,
                lit(19_000, DataType.DATE),
                lit(1, DataType.BIGINT)));
    Expr nextMonth = add(Operator.ADD_MONTHS, DataType.DATE, lit(1, DataType.BIGINT));
    Expr filter =
        Call.of(Operator.LESS_THAN, DataType.BOOLEAN, nextMonth, lit(20_000, DataType.DATE));

    Expr year =
        Call.of(
            Operator.EXTRACT_YEAR,
            DataType.BIGINT,
            add(Operator.ADD_MONTHS, DataType.TIMESTAMP, lit(6, DataType.BIGINT)));
    List<AggregateCall> calls =
        List.of(
            new AggregateCall(
                AggregateFunction.MAX,
                add(Operator.ADD_DAYS, DataType.DATE, lit(30, DataType.BIGINT)),
                DataType.DATE),
            new AggregateCall(
                AggregateFunction.MIN,
                add(Operator.ADD_MICROSECONDS, DataType.TIMESTAMP, lit(-1, DataType.BIGINT)),
                DataType.TIMESTAMP));

    List<Expr> fields = new ArrayList<>();
    for (DataType type : List.of(DataType.DATE, DataType.TIMESTAMP)) {
      for (Operator extract : EXTRACTS) {
        fields.add(Call.of(extract, DataType.BIGINT, in(type)));
      }
    }
    fields.add(Call.of(Operator.MICROSECOND_OF_DAY, DataType.BIGINT, in(DataType.TIMESTAMP)));
    fields.add(Call.of(Operator.MICROSECOND_OF_DAY, DataType.BIGINT, in(DataType.TIME)));
    fields.add(Call.of(Operator.EXTRACT_EPOCH, DataType.BIGINT, in(DataType.DATE)));
    fields.add(Call.of(Operator.EXTRACT_EPOCH, DataType.BIGINT, in(DataType.TIMESTAMP)));
    fields.add(Call.of(Operator.CAST, DataType.TIME, in(DataType.TIMESTAMP)));

    return List.of(
        new PtxTestPrograms.Case(
            "calendar arithmetic", PtxTestPrograms.materialize("calendar", filter, outputs)),
        new PtxTestPrograms.Case(
            "calendar fields", PtxTestPrograms.materialize("calendar_fields", null, fields)),
        new PtxTestPrograms.Case(
            "aggregate by shifted year",
            PtxTestPrograms.aggregate("calendar_groups", null, List.of(year), calls)));
  }
}
