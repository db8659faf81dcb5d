package dev.warpsql.kernels.ptxsim;

import static dev.warpsql.kernels.ptxsim.SimSnippets.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Semantics of single instructions on hand-written PTX with known results. */
class SimInstructionTest {
  private static long[] one(String declarations, String body, int slots, long... input) {
    return SimSnippets.run(declarations, body, 1, 32, slots, SimLaunch.Options.sequential(), input);
  }

  @Test
  void integerArithmeticWrapsAround() {
    String body =
        """
            .reg .s32 %a, %b;
            .reg .s64 %x, %y, %w;
            mov.s32 %a, 2147483647;
            add.s32 %a, %a, 1;
            cvt.s64.s32 %x, %a;
        """
            + store("%x", 0, 5)
            + """
                mov.s64 %y, 0x7FFFFFFFFFFFFFFF;
                mul.lo.s64 %y, %y, 2;
            """
            + store("%y", 1, 5)
            + """
                mov.u64 %y, -1;
                mul.hi.u64 %y, %y, %y;
            """
            + store("%y", 2, 5)
            + """
                mov.s32 %b, -3;
                mul.wide.s32 %w, %b, 2147483647;
            """
            + store("%w", 3, 5)
            + """
                mov.s64 %y, -1;
                mul.hi.s64 %y, %y, 5;
            """
            + store("%y", 4, 5);
    long[] result = one("", body, 5);

    assertThat(result[0]).isEqualTo(Integer.MIN_VALUE);
    assertThat(result[1]).isEqualTo(-2L);
    assertThat(result[2]).isEqualTo(-2L);
    assertThat(result[3]).isEqualTo(-3L * Integer.MAX_VALUE);
    assertThat(result[4]).isEqualTo(-1L);
  }

  @Test
  void shiftsClampTheirAmount() {
    String body =
        """
            .reg .b32 %r, %s;
            .reg .b64 %d;
            .reg .u64 %w;
            mov.b32 %s, 33;
            shl.b32 %r, 1, %s;
            cvt.u64.u32 %w, %r;
        """
            + store("%w", 0, 4)
            + """
                mov.b32 %s, 40;
                shr.s32 %r, -8, %s;
                cvt.s64.s32 %d, %r;
            """
            + store("%d", 1, 4)
            + """
                shr.u32 %r, -8, 1;
                cvt.u64.u32 %w, %r;
            """
            + store("%w", 2, 4)
            + """
                mov.b32 %s, 64;
                shr.u64 %d, -1, %s;
            """
            + store("%d", 3, 4);
    long[] result = one("", body, 4);

    assertThat(result[0]).isZero();
    assertThat(result[1]).isEqualTo(-1L);
    assertThat(result[2]).isEqualTo(0x7FFF_FFFCL);
    assertThat(result[3]).isZero();
  }

  @Test
  void signedAndUnsignedDivision() {
    String body =
        """
            .reg .s32 %q;
            .reg .s64 %d;
            .reg .u64 %w;
            div.s32 %q, -7, 2;
            cvt.s64.s32 %d, %q;
        """
            + store("%d", 0, 5)
            + """
                rem.s32 %q, -7, 2;
                cvt.s64.s32 %d, %q;
            """
            + store("%d", 1, 5)
            + """
                div.u32 %q, -7, 2;
                cvt.u64.u32 %w, %q;
            """
            + store("%w", 2, 5)
            + """
                div.s64 %d, 0x8000000000000000, -1;
            """
            + store("%d", 3, 5)
            + """
                rem.u64 %w, -1, 10;
            """
            + store("%w", 4, 5);
    long[] result = one("", body, 5);

    assertThat(result[0]).isEqualTo(-3L);
    assertThat(result[1]).isEqualTo(-1L);
    assertThat(result[2]).isEqualTo(0x7FFF_FFFCL);
    assertThat(result[3]).isEqualTo(Long.MIN_VALUE);
    assertThat(result[4]).isEqualTo(Long.remainderUnsigned(-1L, 10));
  }

  @Test
  void nanAndNegativeZeroComparisons() {
    String body =
        """
            .reg .pred %p;
            .reg .f64 %nan, %zero, %negative;
            .reg .u64 %w;
            mov.f64 %nan, 0d7FF8000000000000;
            mov.f64 %zero, 0d0000000000000000;
            mov.f64 %negative, 0d8000000000000000;
            setp.eq.f64 %p, %nan, %nan;
            selp.u64 %w, 1, 0, %p;
        """
            + store("%w", 0, 5)
            + """
                setp.ne.f64 %p, %nan, %zero;
                selp.u64 %w, 1, 0, %p;
            """
            + store("%w", 1, 5)
            + """
                setp.neu.f64 %p, %nan, %zero;
                selp.u64 %w, 1, 0, %p;
            """
            + store("%w", 2, 5)
            + """
                setp.eq.f64 %p, %negative, %zero;
                selp.u64 %w, 1, 0, %p;
            """
            + store("%w", 3, 5)
            + """
                setp.lt.f64 %p, %negative, %zero;
                selp.u64 %w, 1, 0, %p;
            """
            + store("%w", 4, 5);
    long[] result = one("", body, 5);

    assertThat(result[0]).as("NaN == NaN").isZero();
    assertThat(result[1]).as("NaN != 0 is ordered, so false").isZero();
    assertThat(result[2]).as("neu with NaN").isEqualTo(1);
    assertThat(result[3]).as("-0.0 == 0.0").isEqualTo(1);
    assertThat(result[4]).as("-0.0 < 0.0").isZero();
  }

  @Test
  void floatToIntegerConversionsSaturate() {
    String body =
        """
            .reg .f64 %x;
            .reg .s32 %i;
            .reg .s64 %d;
            mov.f64 %x, 0d7FF8000000000000;
            cvt.rzi.s64.f64 %d, %x;
        """
            + store("%d", 0, 6)
            + """
                mov.f64 %x, 1e20;
                cvt.rzi.s32.f64 %i, %x;
                cvt.s64.s32 %d, %i;
            """
            + store("%d", 1, 6)
            + """
                mov.f64 %x, -2.7;
                cvt.rzi.s64.f64 %d, %x;
            """
            + store("%d", 2, 6)
            + """
                cvt.rmi.f64.f64 %x, %x;
                mov.b64 %d, %x;
            """
            + store("%d", 3, 6)
            + """
                mov.f64 %x, 2.5;
                cvt.rni.s64.f64 %d, %x;
            """
            + store("%d", 4, 6)
            + """
                mov.f64 %x, -1.0;
                cvt.rzi.u32.f64 %i, %x;
                cvt.s64.s32 %d, %i;
            """
            + store("%d", 5, 6);
    long[] result = one("", body, 6);

    assertThat(result[0]).as("NaN").isZero();
    assertThat(result[1]).as("1e20 to s32").isEqualTo(Integer.MAX_VALUE);
    assertThat(result[2]).as("-2.7 toward zero").isEqualTo(-2);
    assertThat(Double.longBitsToDouble(result[3])).as("floor(-2.7)").isEqualTo(-3.0);
    assertThat(result[4]).as("2.5 to nearest even").isEqualTo(2);
    assertThat(result[5]).as("-1.0 to u32").isZero();
  }

  @Test
  void floatingPointRoundingSignAndNan() {
    String body =
        """
            .reg .f64 %x, %y;
            .reg .f32 %f;
            .reg .b64 %d;
            .reg .b32 %b;
            mov.f64 %x, 0d3FF0000010000000;
            cvt.rn.f32.f64 %f, %x;
            mov.b32 %b, %f;
            cvt.u64.u32 %d, %b;
        """
            + store("%d", 0, 4)
            + """
                mov.f64 %x, -2.0;
                mov.f64 %y, 3.0;
                copysign.f64 %x, %x, %y;
                mov.b64 %d, %x;
            """
            + store("%d", 1, 4)
            + """
                mov.f64 %x, 0d7FF0000000000000;
                sub.rn.f64 %x, %x, %x;
                mov.b64 %d, %x;
            """
            + store("%d", 2, 4)
            + """
                mov.f64 %x, 0d8000000000000000;
                add.rn.f64 %x, %x, 0d0000000000000000;
                mov.b64 %d, %x;
            """
            + store("%d", 3, 4);
    long[] result = one("", body, 4);

    assertThat(Float.intBitsToFloat((int) result[0])).isEqualTo((float) 1.0000000596046448);
    assertThat(Double.longBitsToDouble(result[1]))
        .as("|3.0| with the sign of -2.0")
        .isEqualTo(-3.0);
    assertThat(result[2]).as("inf - inf").isEqualTo(SimFloatOps.CANONICAL_NAN_64);
    assertThat(result[3]).as("-0.0 + 0.0").isZero();
  }

  @Test
  void extendedPrecisionCarries() {
    String body =
        """
            .reg .u64 %lo, %hi;
            mov.u64 %lo, -1;
            mov.u64 %hi, 5;
            add.cc.u64 %lo, %lo, 1;
            addc.u64 %hi, %hi, 0;
        """
            + store("%lo", 0, 4)
            + store("%hi", 1, 4)
            + """
                sub.cc.u64 %lo, %lo, 1;
                subc.u64 %hi, %hi, 0;
            """
            + store("%lo", 2, 4)
            + store("%hi", 3, 4);
    long[] result = one("", body, 4);

    assertThat(result[0]).isZero();
    assertThat(result[1]).isEqualTo(6);
    assertThat(result[2]).isEqualTo(-1L);
    assertThat(result[3]).isEqualTo(5);
  }

  @Test
  void callPassesParametersAndResult() {
    String function =
        """
        .func (.param .align 8 .b8 result[16]) pair(.param .b64 a, .param .b32 b)
        {
            .reg .b64 %a, %sum;
            .reg .b32 %b;
            ld.param.b64 %a, [a];
            ld.param.b32 %b, [b];
            cvt.u64.u32 %sum, %b;
            add.u64 %sum, %sum, %a;
            st.param.b64 [result], %sum;
            st.param.b64 [result+8], %a;
            ret;
        }
        """;
    String body =
        """
            .reg .b64 %first, %second;
            {
                .param .b64 arg0;
                .param .b32 arg1;
                .param .align 8 .b8 ret[16];
                st.param.b64 [arg0], %tid;
                st.param.b32 [arg1], 100;
                call (ret), pair, (arg0, arg1);
                ld.param.b64 %first, [ret];
                ld.param.b64 %second, [ret+8];
            }
        """
            + store("%first", 0, 2)
            + store("%second", 1, 2);
    long[] result = one(function, body, 2);

    assertThat(result[2 * 7]).isEqualTo(107);
    assertThat(result[2 * 7 + 1]).isEqualTo(7);
  }

  @Test
  void unknownInstructionFailsWithItsLine() {
    assertThatThrownBy(() -> SimModule.parse(SimSnippets.module("", "    brkpt;\n")))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("line 15")
        .hasMessageContaining("unsupported instruction brkpt");
  }

  @Test
  void unknownModifierFailsWithItsName() {
    String body = "    .reg .f32 %f;\n    add.rz.f32 %f, %f, %f;\n";
    assertThatThrownBy(() -> SimModule.parse(SimSnippets.module("", body)))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("unsupported modifier .rz of add");
  }

  @Test
  void outOfBoundsLoadFails() {
    String body = "    .reg .u64 %v;\n    ld.global.u64 %v, [%in+8];\n";
    assertThatThrownBy(() -> one("", body, 1))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("outside every global allocation")
        .hasMessageContaining("8 bytes past the start of in");
  }

  @Test
  void misalignedStoreFails() {
    String body = "    st.global.u32 [%out+2], 1;\n";
    assertThatThrownBy(() -> one("", body, 1))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("misaligned 4-byte access");
  }
}
