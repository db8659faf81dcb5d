package dev.warpsql.kernels.ptx;

import java.util.List;

/**
 * PTX helper functions ({@code .func}) that kernels call for the operations too long to inline:
 * 128-bit division, exact DECIMAL rounding and conversion, floating-point remainder, and the civil
 * calendar with month arithmetic. A kernel's module contains only the routines it calls and their
 * dependencies, in the order of this enum, so that every routine is defined before its first
 * caller.
 *
 * <p>Unsigned 128-bit values are passed as two 64-bit halves. Routines that return several values
 * return one byte array parameter; the field offsets are listed with each constant. A DECIMAL
 * status is 0 on success, 1 for overflow, 2 for division by zero and 3 for an invalid cast.
 */
enum PtxRoutine {
  /** Table of 10^0 to 10^19 as unsigned 64-bit integers. */
  POW10(List.of(), null, PtxRoutineText.POW10),
  /**
   * {@code (lo +0, hi +8, overflow +16)} of the unsigned product of a 128-bit and a 64-bit value.
   */
  U128_MUL_U64(List.of(), ".align 8 .b8 %s[24]", PtxRoutineText.U128_MUL_U64),
  /** {@code (quotient lo +0, hi +8, remainder lo +16, hi +24)} for divisors below 2^127. */
  U128_DIVMOD(List.of(), ".align 8 .b8 %s[32]", PtxRoutineText.U128_DIVMOD),
  /** {@code (lo +0, hi +8)}: a logical right shift of a 128-bit value by 0 or more bits. */
  U128_SHR(List.of(), ".align 8 .b8 %s[16]", PtxRoutineText.U128_SHR),
  /**
   * {@code (lo +0, hi +8)}: the signed 128-bit product of a 64-bit value and 10^k, k at most 19.
   */
  DECIMAL_SCALE(List.of(POW10), ".align 8 .b8 %s[16]", PtxRoutineText.DECIMAL_SCALE),
  /**
   * {@code (value +0, status +8)}: a signed 128-bit value at scale {@code from} moved to scale
   * {@code to} (rounding half away from zero) and checked against a precision.
   */
  DECIMAL_ROUND(
      List.of(POW10, U128_MUL_U64, U128_DIVMOD),
      ".align 8 .b8 %s[16]",
      PtxRoutineText.DECIMAL_ROUND),
  /** {@code (value +0, status +8)}: DECIMAL division rounded half away from zero. */
  DECIMAL_DIVIDE(
      List.of(POW10, U128_MUL_U64, U128_DIVMOD, DECIMAL_ROUND),
      ".align 8 .b8 %s[16]",
      PtxRoutineText.DECIMAL_DIVIDE),
  /** {@code (value +0, status +8)}: DECIMAL remainder with the sign of the dividend. */
  DECIMAL_MOD(
      List.of(POW10, U128_DIVMOD, DECIMAL_ROUND),
      ".align 8 .b8 %s[16]",
      PtxRoutineText.DECIMAL_MOD),
  /** Returns -1, 0 or 1 comparing two DECIMAL values of any scales exactly. */
  DECIMAL_COMPARE(List.of(POW10, DECIMAL_SCALE), ".b32 %s", PtxRoutineText.DECIMAL_COMPARE),
  /** {@code (value +0, status +8)}: the exact binary value of a double as a DECIMAL. */
  DECIMAL_FROM_F64(
      List.of(POW10, U128_SHR, DECIMAL_ROUND),
      ".align 8 .b8 %s[16]",
      PtxRoutineText.DECIMAL_FROM_F64),
  /** Remainder of two doubles with the sign of the dividend, as Java's {@code %} computes it. */
  F64_MOD(List.of(), ".f64 %s", PtxRoutineText.F64_MOD),
  /** {@code (year +0, month +8, day +16)} of a day count since 1970-01-01. */
  CIVIL_FROM_DAYS(List.of(), ".align 8 .b8 %s[24]", PtxRoutineText.CIVIL_FROM_DAYS),
  /** Day count since 1970-01-01 of a year, month and day of month. */
  DAYS_FROM_CIVIL(List.of(), ".b64 %s", PtxRoutineText.DAYS_FROM_CIVIL),
  /**
   * {@code (days +0, status +8)}: a day count plus a number of months, the day of month clamped to
   * the target month's length; status 1 for overflow.
   */
  ADD_MONTHS(
      List.of(CIVIL_FROM_DAYS, DAYS_FROM_CIVIL), ".align 8 .b8 %s[16]", PtxRoutineText.ADD_MONTHS);

  private final List<PtxRoutine> dependencies;
  private final String resultDeclaration;
  private final String text;

  PtxRoutine(List<PtxRoutine> dependencies, String resultDeclaration, String text) {
    this.dependencies = dependencies;
    this.resultDeclaration = resultDeclaration;
    this.text = text;
  }

  /** Returns the declaration of the result parameter, with {@code %s} for its name. */
  String resultDeclaration() {
    return resultDeclaration;
  }

  List<PtxRoutine> dependencies() {
    return dependencies;
  }

  /** Returns the PTX definition. */
  String text() {
    return text;
  }

  /** Returns the PTX name of the function or table. */
  String ptxName() {
    return "warp_" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
