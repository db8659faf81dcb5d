package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxRoutines.Argument;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for ADD_DAYS, ADD_MONTHS and ADD_MICROSECONDS on non-NULL operands, and for the calendar
 * fields that EXTRACT computes beyond year, month and day. A DATE result must fit the 32-bit range
 * of DATE days and a TIMESTAMP result the 64-bit range of microseconds; otherwise the kernel raises
 * NUMERIC_OVERFLOW. Results and overflow conditions are those of the CPU backend's {@code
 * CalendarArithmetic}: ADD_DAYS on a TIMESTAMP adds exactly {@code days * 86400 * 10^6}
 * microseconds, and ADD_MONTHS keeps the time of day.
 */
final class PtxCalendar {
  private static final long MICROS_PER_DAY = PtxConversions.MICROS_PER_DAY;

  private final PtxWriter out;
  private final PtxRoutines routines;
  private final PtxConversions conversions;

  PtxCalendar(PtxWriter out, PtxRoutines routines, PtxConversions conversions) {
    this.out = out;
    this.routines = routines;
    this.conversions = conversions;
  }

  static boolean isCalendar(Operator operator) {
    return switch (operator) {
      case ADD_DAYS, ADD_MONTHS, ADD_MICROSECONDS -> true;
      default -> false;
    };
  }

  /**
   * Returns the register holding {@code operator} applied to non-NULL operands, as {@code type}.
   *
   * @throws IllegalArgumentException when the operand or result types do not fit the operator
   */
  String emit(Operator operator, DataType type, List<PtxValue> operands) {
    PtxValue value = operands.get(0);
    PtxValue amount = operands.get(1);
    checkTypes(operator, type, value.type(), amount.type());
    String count = conversions.toLong(amount.value(), amount.type());
    boolean date = value.type().kind() == TypeKind.DATE;
    return switch (operator) {
      case ADD_DAYS ->
          date
              ? toDate(addProduct(conversions.toLong(value.value(), DataType.DATE), count, 1))
              : addProduct(value.value(), count, MICROS_PER_DAY);
      case ADD_MONTHS ->
          date ? addMonthsToDate(value.value(), count) : addMonthsToTimestamp(value.value(), count);
      case ADD_MICROSECONDS -> addProduct(value.value(), count, 1);
      default -> throw new IllegalArgumentException(operator + " is not calendar arithmetic");
    };
  }

  private static void checkTypes(
      Operator operator, DataType type, DataType valueType, DataType amountType) {
    TypeKind kind = valueType.kind();
    boolean microseconds = operator == Operator.ADD_MICROSECONDS;
    boolean accepted =
        microseconds
            ? kind == TypeKind.TIMESTAMP
            : kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP;
    if (!accepted) {
      String expected = microseconds ? "a TIMESTAMP" : "a DATE or TIMESTAMP";
      throw new IllegalArgumentException(
          operator + " needs " + expected + " first operand, got " + valueType);
    }
    if (type.kind() != kind) {
      throw new IllegalArgumentException(
          operator + " of a " + valueType + " returns " + valueType + ", not " + type);
    }
    if (!amountType.kind().isExactNumeric() || amountType.kind() == TypeKind.DECIMAL) {
      throw new IllegalArgumentException(
          operator + " needs an integer second operand, got " + amountType);
    }
  }

  private String addMonthsToDate(String date, String months) {
    String day = shiftMonths(conversions.toLong(date, DataType.DATE), months);
    return toDate(day);
  }

  private String addMonthsToTimestamp(String timestamp, String months) {
    String day = conversions.epochDay(timestamp);
    String dayStart = out.register(RegisterClass.B64);
    String timeOfDay = out.register(RegisterClass.B64);
    out.op("mul.lo.s64 " + dayStart + ", " + day + ", " + MICROS_PER_DAY);
    out.op("sub.s64 " + timeOfDay + ", " + timestamp + ", " + dayStart);
    String shifted = shiftMonths(day, months);
    return addProduct(timeOfDay, shifted, MICROS_PER_DAY);
  }

  /** Returns the day {@code months} months after {@code day}, raising when it passes any range. */
  /** Returns the quarter 1..4 of a month 1..12, as the CPU's {@code CalendarFields.quarter}. */
  String quarter(String month) {
    String quarter = out.register(RegisterClass.B64);
    out.op("add.s64 " + quarter + ", " + month + ", 2");
    out.op("div.s64 " + quarter + ", " + quarter + ", 3");
    return quarter;
  }

  /** Returns the day of year of a day count in a year, 1 for January 1. */
  String dayOfYear(String day, String year) {
    String newYear =
        routines
            .call(
                out,
                PtxRoutine.DAYS_FROM_CIVIL,
                List.of(Argument.b64(year), Argument.b64("1"), Argument.b64("1")),
                List.of(RegisterClass.B64))
            .get(0);
    String dayOfYear = out.register(RegisterClass.B64);
    out.op("sub.s64 " + dayOfYear + ", " + day + ", " + newYear);
    out.op("add.s64 " + dayOfYear + ", " + dayOfYear + ", 1");
    return dayOfYear;
  }

  /**
   * Returns the day of week of a day count, 1 for Sunday to 7 for Saturday. 1970-01-01 was a
   * Thursday, four days after a Sunday, and the remainder is taken toward negative infinity.
   */
  String dayOfWeek(String day) {
    String weekday = out.register(RegisterClass.B64);
    String negative = out.register(RegisterClass.PRED);
    out.op("add.s64 " + weekday + ", " + day + ", 4");
    out.op("rem.s64 " + weekday + ", " + weekday + ", 7");
    out.op("setp.lt.s64 " + negative + ", " + weekday + ", 0");
    out.op("@" + negative + " add.s64 " + weekday + ", " + weekday + ", 7");
    out.op("add.s64 " + weekday + ", " + weekday + ", 1");
    return weekday;
  }

  private String shiftMonths(String day, String months) {
    List<String> result =
        routines.call(
            out,
            PtxRoutine.ADD_MONTHS,
            List.of(Argument.b64(day), Argument.b64(months)),
            List.of(RegisterClass.B64, RegisterClass.B32));
    conversions.raiseStatus(result.get(1), KernelErrorCode.NUMERIC_OVERFLOW);
    return result.get(0);
  }

  /**
   * Returns {@code value + amount * factor}, computed exactly in 128 bits, and raises
   * NUMERIC_OVERFLOW when the result leaves the 64-bit range.
   */
  private String addProduct(String value, String amount, long factor) {
    String lo = out.register(RegisterClass.B64);
    String hi = out.register(RegisterClass.B64);
    if (factor == 1) {
      out.op("mov.b64 " + lo + ", " + amount);
      out.op("shr.s64 " + hi + ", " + amount + ", 63");
    } else {
      out.op("mul.lo.s64 " + lo + ", " + amount + ", " + factor);
      out.op("mul.hi.s64 " + hi + ", " + amount + ", " + factor);
    }
    String valueHi = conversions.signHigh(value);
    out.op("add.cc.u64 " + lo + ", " + lo + ", " + value);
    out.op("addc.u64 " + hi + ", " + hi + ", " + valueHi);
    String overflow = out.register(RegisterClass.PRED);
    out.op("setp.ne.s64 " + overflow + ", " + hi + ", " + conversions.signHigh(lo));
    out.raiseWhen(overflow, KernelErrorCode.NUMERIC_OVERFLOW);
    return lo;
  }

  /** Returns a 64-bit day count as a DATE register, raising when it leaves the 32-bit range. */
  private String toDate(String day) {
    conversions.checkRange(day, Integer.MIN_VALUE, Integer.MAX_VALUE);
    String date = out.register(RegisterClass.B32);
    out.op("cvt.u32.u64 " + date + ", " + day);
    return date;
  }
}
