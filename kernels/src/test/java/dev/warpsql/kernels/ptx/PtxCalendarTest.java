package dev.warpsql.kernels.ptx;

import static dev.warpsql.kernels.ptx.PtxCalendarPrograms.add;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.in;
import static dev.warpsql.kernels.ptx.PtxTestPrograms.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PtxCalendarTest {
  private static String emit(Expr output) {
    return PtxEmitter.emit(PtxTestPrograms.materialize("calendar", null, List.of(output))).ptx();
  }

  @Test
  void addMonthsCallsRoutineDefinedAfterItsDependencies() {
    String ptx = emit(add(Operator.ADD_MONTHS, DataType.DATE, in(DataType.BIGINT)));

    int civil = ptx.indexOf(".func (.param .align 8 .b8 result[24]) warp_civil_from_days(");
    int days = ptx.indexOf(".func (.param .b64 result) warp_days_from_civil(");
    int months = ptx.indexOf(".func (.param .align 8 .b8 result[16]) warp_add_months(");
    assertThat(civil).isNotNegative();
    assertThat(days).isGreaterThan(civil);
    assertThat(months).isGreaterThan(days);
    assertThat(ptx).contains("call (ret), warp_add_months,");
    assertThat(ptx).contains("// raise NUMERIC_OVERFLOW");
  }

  @Test
  void addMonthsToTimestampScalesDayBack() {
    String ptx = emit(add(Operator.ADD_MONTHS, DataType.TIMESTAMP, in(DataType.BIGINT)));

    assertThat(ptx).contains("call (ret), warp_add_months,");
    assertThat(ptx).contains("mul.hi.s64").contains("addc.u64");
  }

  @Test
  void addDaysIsInline() {
    String date = emit(add(Operator.ADD_DAYS, DataType.DATE, in(DataType.BIGINT)));
    String timestamp = emit(add(Operator.ADD_DAYS, DataType.TIMESTAMP, in(DataType.BIGINT)));
    String micros = emit(add(Operator.ADD_MICROSECONDS, DataType.TIMESTAMP, in(DataType.BIGINT)));

    assertThat(date).doesNotContain("warp_add_months").contains("// raise NUMERIC_OVERFLOW");
    assertThat(timestamp).doesNotContain("warp_add_months").contains("86400000000");
    assertThat(micros).doesNotContain("warp_add_months").contains("addc.u64");
  }

  @Test
  void invalidOperandTypesAreRejected() {
    Expr microsOnDate = add(Operator.ADD_MICROSECONDS, DataType.DATE, lit(1, DataType.BIGINT));
    Expr doubleAmount = add(Operator.ADD_DAYS, DataType.DATE, in(DataType.DOUBLE));
    Expr wrongResult =
        Call.of(
            Operator.ADD_MONTHS, DataType.TIMESTAMP, in(DataType.DATE), lit(1, DataType.BIGINT));
    Expr onBigint = add(Operator.ADD_DAYS, DataType.BIGINT, lit(1, DataType.BIGINT));

    assertThatThrownBy(() -> emit(microsOnDate))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_MICROSECONDS needs a TIMESTAMP first operand, got DATE");
    assertThatThrownBy(() -> emit(doubleAmount))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_DAYS needs an integer second operand, got DOUBLE");
    assertThatThrownBy(() -> emit(wrongResult))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_MONTHS of a DATE returns DATE, not TIMESTAMP");
    assertThatThrownBy(() -> emit(onBigint))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ADD_DAYS needs a DATE or TIMESTAMP first operand, got BIGINT");
  }
}
