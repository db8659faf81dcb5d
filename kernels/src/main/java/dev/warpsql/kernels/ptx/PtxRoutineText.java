package dev.warpsql.kernels.ptx;

/** PTX source of the {@link PtxRoutine}s. */
final class PtxRoutineText {
  private PtxRoutineText() {}

  static final String POW10 =
      """
      // 10^0 .. 10^19; 10^19 fits an unsigned 64-bit integer but not a signed one
      .const .align 8 .u64 warp_pow10[20] = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000,
          100000000, 1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
          100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
          1000000000000000000, 10000000000000000000};
      """;

  static final String U128_MUL_U64 =
      """
      // (hi:lo) * m, unsigned; overflow = 1 when the product reaches 2^127
      .func (.param .align 8 .b8 result[24]) warp_u128_mul_u64(
          .param .b64 hi, .param .b64 lo, .param .b64 m)
      {
          .reg .pred %p;
          .reg .b32 %overflow;
          .reg .b64 %h, %l, %m, %pl, %ph, %c, %t, %o, %zero, %carry, %top;
          ld.param.b64 %h, [hi];
          ld.param.b64 %l, [lo];
          ld.param.b64 %m, [m];
          mov.b64 %zero, 0;
          mul.lo.u64 %pl, %l, %m;
          mul.hi.u64 %c, %l, %m;
          mul.lo.u64 %t, %h, %m;
          mul.hi.u64 %o, %h, %m;
          add.cc.u64 %ph, %t, %c;
          addc.u64 %carry, %zero, %zero;
          shr.u64 %top, %ph, 63;
          or.b64 %o, %o, %carry;
          or.b64 %o, %o, %top;
          setp.ne.u64 %p, %o, 0;
          selp.u32 %overflow, 1, 0, %p;
          st.param.b64 [result], %pl;
          st.param.b64 [result+8], %ph;
          st.param.b32 [result+16], %overflow;
          ret;
      }
      """;

  static final String U128_DIVMOD =
      """
      // (n_hi:n_lo) / (d_hi:d_lo), unsigned, for 0 < d < 2^127: quotient and remainder
      .func (.param .align 8 .b8 result[32]) warp_u128_divmod(
          .param .b64 n_hi, .param .b64 n_lo, .param .b64 d_hi, .param .b64 d_lo)
      {
          .reg .pred %p<4>;
          .reg .b32 %i;
          .reg .b64 %nh, %nl, %dh, %dl, %qh, %ql, %rh, %rl, %both, %bit;
          ld.param.b64 %nh, [n_hi];
          ld.param.b64 %nl, [n_lo];
          ld.param.b64 %dh, [d_hi];
          ld.param.b64 %dl, [d_lo];
          mov.b64 %qh, 0;
          mov.b64 %rh, 0;
          or.b64 %both, %nh, %dh;
          setp.ne.u64 %p1, %both, 0;
          @%p1 bra $L__long_division;
          // both operands fit 64 bits
          div.u64 %ql, %nl, %dl;
          rem.u64 %rl, %nl, %dl;
          bra $L__done;
      $L__long_division:
          // restoring division: one quotient bit per step, from bit 127 down
          mov.b64 %ql, 0;
          mov.b64 %rl, 0;
          mov.u32 %i, 128;
      $L__step:
          shl.b64 %rh, %rh, 1;
          shr.u64 %bit, %rl, 63;
          or.b64 %rh, %rh, %bit;
          shl.b64 %rl, %rl, 1;
          shr.u64 %bit, %nh, 63;
          or.b64 %rl, %rl, %bit;
          shl.b64 %nh, %nh, 1;
          shr.u64 %bit, %nl, 63;
          or.b64 %nh, %nh, %bit;
          shl.b64 %nl, %nl, 1;
          shl.b64 %qh, %qh, 1;
          shr.u64 %bit, %ql, 63;
          or.b64 %qh, %qh, %bit;
          shl.b64 %ql, %ql, 1;
          // r >= d as 128-bit values
          setp.gt.u64 %p1, %rh, %dh;
          setp.eq.u64 %p2, %rh, %dh;
          setp.ge.u64 %p3, %rl, %dl;
          and.pred %p2, %p2, %p3;
          or.pred %p1, %p1, %p2;
          @!%p1 bra $L__next;
          sub.cc.u64 %rl, %rl, %dl;
          subc.u64 %rh, %rh, %dh;
          or.b64 %ql, %ql, 1;
      $L__next:
          sub.u32 %i, %i, 1;
          setp.ne.u32 %p1, %i, 0;
          @%p1 bra $L__step;
      $L__done:
          st.param.b64 [result], %ql;
          st.param.b64 [result+8], %qh;
          st.param.b64 [result+16], %rl;
          st.param.b64 [result+24], %rh;
          ret;
      }
      """;

  static final String U128_SHR =
      """
      // (hi:lo) >> k, logical; PTX clamps shift amounts above 64, so k >= 128 gives 0
      .func (.param .align 8 .b8 result[16]) warp_u128_shr(
          .param .b64 hi, .param .b64 lo, .param .b32 k)
      {
          .reg .pred %p;
          .reg .b32 %k, %rest;
          .reg .b64 %h, %l, %carry;
          ld.param.b64 %h, [hi];
          ld.param.b64 %l, [lo];
          ld.param.b32 %k, [k];
          setp.ge.u32 %p, %k, 64;
          @%p bra $L__high_only;
          sub.u32 %rest, 64, %k;
          shl.b64 %carry, %h, %rest;
          shr.u64 %l, %l, %k;
          or.b64 %l, %l, %carry;
          shr.u64 %h, %h, %k;
          bra $L__done;
      $L__high_only:
          sub.u32 %rest, %k, 64;
          shr.u64 %l, %h, %rest;
          mov.b64 %h, 0;
      $L__done:
          st.param.b64 [result], %l;
          st.param.b64 [result+8], %h;
          ret;
      }
      """;

  static final String DECIMAL_SCALE =
      """
      // a * 10^k as a signed 128-bit value, for k <= 19
      .func (.param .align 8 .b8 result[16]) warp_decimal_scale(.param .b64 a, .param .b32 k)
      {
          .reg .pred %negative;
          .reg .b32 %k;
          .reg .b64 %a, %magnitude, %offset, %address, %pow, %lo, %hi;
          ld.param.b64 %a, [a];
          ld.param.b32 %k, [k];
          setp.lt.s64 %negative, %a, 0;
          mov.b64 %magnitude, %a;
          @%negative neg.s64 %magnitude, %a;
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %lo, %magnitude, %pow;
          mul.hi.u64 %hi, %magnitude, %pow;
          @!%negative bra $L__done;
          not.b64 %lo, %lo;
          not.b64 %hi, %hi;
          add.cc.u64 %lo, %lo, 1;
          addc.u64 %hi, %hi, 0;
      $L__done:
          st.param.b64 [result], %lo;
          st.param.b64 [result+8], %hi;
          ret;
      }
      """;

  static final String DECIMAL_ROUND =
      """
      // Moves the signed 128-bit unscaled value hi:lo from scale `from` to scale `to`, rounding
      // half away from zero, and checks the result against `precision` digits (19: the range of
      // a signed 64-bit integer). Status 0 on success, 1 on overflow.
      .func (.param .align 8 .b8 result[16]) warp_decimal_round(
          .param .b64 hi, .param .b64 lo, .param .b32 from, .param .b32 to, .param .b32 precision)
      {
          .reg .pred %p<3>, %negative;
          .reg .b32 %from, %to, %precision, %k, %status;
          .reg .b64 %h, %l, %value, %offset, %address, %pow, %r, %half;
          ld.param.b64 %h, [hi];
          ld.param.b64 %l, [lo];
          ld.param.b32 %from, [from];
          ld.param.b32 %to, [to];
          ld.param.b32 %precision, [precision];
          mov.u32 %status, 0;
          mov.b64 %value, 0;
          setp.lt.s64 %negative, %h, 0;
          @!%negative bra $L__magnitude;
          not.b64 %l, %l;
          not.b64 %h, %h;
          add.cc.u64 %l, %l, 1;
          addc.u64 %h, %h, 0;
      $L__magnitude:
          sub.s32 %k, %to, %from;
          setp.lt.s32 %p1, %k, 0;
          @%p1 bra $L__shrink;
          setp.eq.s32 %p1, %k, 0;
          @%p1 bra $L__check;
          // more fractional digits: multiply by 10^k, k <= 19
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          {
              .param .b64 a_hi;
              .param .b64 a_lo;
              .param .b64 a_m;
              .param .align 8 .b8 product[24];
              .reg .b32 %overflow;
              st.param.b64 [a_hi], %h;
              st.param.b64 [a_lo], %l;
              st.param.b64 [a_m], %pow;
              call (product), warp_u128_mul_u64, (a_hi, a_lo, a_m);
              ld.param.b64 %l, [product];
              ld.param.b64 %h, [product+8];
              ld.param.b32 %overflow, [product+16];
              setp.ne.u32 %p1, %overflow, 0;
          }
          @%p1 bra $L__overflow;
          bra $L__check;
      $L__shrink:
          neg.s32 %k, %k;
          setp.le.s32 %p1, %k, 19;
          @%p1 bra $L__round;
          // Dropping more than 19 digits: truncate all but the last 19 first. Rounding the
          // truncated value gives the same result, because half of 10^19 is a whole number.
          sub.s32 %k, %k, 19;
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          {
              .param .b64 t_nh;
              .param .b64 t_nl;
              .param .b64 t_dh;
              .param .b64 t_dl;
              .param .align 8 .b8 truncated[32];
              .reg .b64 %zero;
              mov.b64 %zero, 0;
              st.param.b64 [t_nh], %h;
              st.param.b64 [t_nl], %l;
              st.param.b64 [t_dh], %zero;
              st.param.b64 [t_dl], %pow;
              call (truncated), warp_u128_divmod, (t_nh, t_nl, t_dh, t_dl);
              ld.param.b64 %l, [truncated];
              ld.param.b64 %h, [truncated+8];
          }
          mov.u32 %k, 19;
      $L__round:
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          {
              .param .b64 r_nh;
              .param .b64 r_nl;
              .param .b64 r_dh;
              .param .b64 r_dl;
              .param .align 8 .b8 quotient[32];
              .reg .b64 %zero;
              mov.b64 %zero, 0;
              st.param.b64 [r_nh], %h;
              st.param.b64 [r_nl], %l;
              st.param.b64 [r_dh], %zero;
              st.param.b64 [r_dl], %pow;
              call (quotient), warp_u128_divmod, (r_nh, r_nl, r_dh, r_dl);
              ld.param.b64 %l, [quotient];
              ld.param.b64 %h, [quotient+8];
              ld.param.b64 %r, [quotient+16];
          }
          // round up when the remainder is at least half the divisor: r >= pow - r
          sub.u64 %half, %pow, %r;
          setp.ge.u64 %p1, %r, %half;
          @!%p1 bra $L__check;
          add.cc.u64 %l, %l, 1;
          addc.u64 %h, %h, 0;
      $L__check:
          setp.ne.u64 %p1, %h, 0;
          @%p1 bra $L__overflow;
          setp.ge.s32 %p1, %precision, 19;
          @%p1 bra $L__long_range;
          mul.wide.u32 %offset, %precision, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          setp.ge.u64 %p1, %l, %pow;
          @%p1 bra $L__overflow;
          bra $L__sign;
      $L__long_range:
          // magnitudes up to 2^63 - 1, and 2^63 for a negative value
          setp.lt.s64 %p1, %l, 0;
          @!%p1 bra $L__sign;
          setp.eq.u64 %p2, %l, 0x8000000000000000;
          and.pred %p2, %p2, %negative;
          @!%p2 bra $L__overflow;
      $L__sign:
          mov.b64 %value, %l;
          @%negative neg.s64 %value, %l;
          bra $L__done;
      $L__overflow:
          mov.u32 %status, 1;
      $L__done:
          st.param.b64 [result], %value;
          st.param.b32 [result+8], %status;
          ret;
      }
      """;

  static final String DECIMAL_DIVIDE =
      """
      // a / b for a at scale a_scale and b at scale b_scale, rounded half away from zero to
      // DECIMAL(precision, scale): a * 10^(scale + b_scale - a_scale) / b. Status 2 for b = 0.
      .func (.param .align 8 .b8 result[16]) warp_decimal_divide(
          .param .b64 a, .param .b32 a_scale, .param .b64 b, .param .b32 b_scale,
          .param .b32 scale, .param .b32 precision)
      {
          .reg .pred %p<4>, %negative;
          .reg .b32 %a_scale, %b_scale, %scale, %precision, %e, %status, %overflow;
          .reg .b64 %a, %b, %sign, %ma, %mb, %nh, %nl, %dh, %dl, %qh, %ql, %rh, %rl, %th, %tl;
          .reg .b64 %offset, %address, %pow, %value, %zero;
          ld.param.b64 %a, [a];
          ld.param.b32 %a_scale, [a_scale];
          ld.param.b64 %b, [b];
          ld.param.b32 %b_scale, [b_scale];
          ld.param.b32 %scale, [scale];
          ld.param.b32 %precision, [precision];
          mov.b64 %zero, 0;
          mov.b64 %value, 0;
          mov.u32 %status, 2;
          setp.eq.s64 %p1, %b, 0;
          @%p1 bra $L__done;
          xor.b64 %sign, %a, %b;
          setp.lt.s64 %negative, %sign, 0;
          setp.lt.s64 %p1, %a, 0;
          mov.b64 %ma, %a;
          @%p1 neg.s64 %ma, %a;
          setp.lt.s64 %p1, %b, 0;
          mov.b64 %mb, %b;
          @%p1 neg.s64 %mb, %b;
          add.s32 %e, %scale, %b_scale;
          sub.s32 %e, %e, %a_scale;
          setp.lt.s32 %p1, %e, 0;
          @%p1 bra $L__scale_divisor;
          // dividend |a| * 10^e, in two steps when e > 19
          min.s32 %e, %e, 19;
          mul.wide.u32 %offset, %e, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %nl, %ma, %pow;
          mul.hi.u64 %nh, %ma, %pow;
          mov.b64 %dh, 0;
          mov.b64 %dl, %mb;
          add.s32 %e, %scale, %b_scale;
          sub.s32 %e, %e, %a_scale;
          setp.le.s32 %p1, %e, 19;
          @%p1 bra $L__divide;
          sub.s32 %e, %e, 19;
          mul.wide.u32 %offset, %e, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          {
              .param .b64 m_hi;
              .param .b64 m_lo;
              .param .b64 m_m;
              .param .align 8 .b8 product[24];
              st.param.b64 [m_hi], %nh;
              st.param.b64 [m_lo], %nl;
              st.param.b64 [m_m], %pow;
              call (product), warp_u128_mul_u64, (m_hi, m_lo, m_m);
              ld.param.b64 %nl, [product];
              ld.param.b64 %nh, [product+8];
              ld.param.b32 %overflow, [product+16];
          }
          // a dividend of 2^127 or more over a divisor below 2^64 leaves 64 bits
          mov.u32 %status, 1;
          setp.ne.u32 %p1, %overflow, 0;
          @%p1 bra $L__done;
          bra $L__divide;
      $L__scale_divisor:
          // divisor |b| * 10^-e, at most 19 digits of scaling
          neg.s32 %e, %e;
          mul.wide.u32 %offset, %e, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %dl, %mb, %pow;
          mul.hi.u64 %dh, %mb, %pow;
          mov.b64 %nh, 0;
          mov.b64 %nl, %ma;
      $L__divide:
          {
              .param .b64 d_nh;
              .param .b64 d_nl;
              .param .b64 d_dh;
              .param .b64 d_dl;
              .param .align 8 .b8 quotient[32];
              st.param.b64 [d_nh], %nh;
              st.param.b64 [d_nl], %nl;
              st.param.b64 [d_dh], %dh;
              st.param.b64 [d_dl], %dl;
              call (quotient), warp_u128_divmod, (d_nh, d_nl, d_dh, d_dl);
              ld.param.b64 %ql, [quotient];
              ld.param.b64 %qh, [quotient+8];
              ld.param.b64 %rl, [quotient+16];
              ld.param.b64 %rh, [quotient+24];
          }
          // round up when r >= d - r
          sub.cc.u64 %tl, %dl, %rl;
          subc.u64 %th, %dh, %rh;
          setp.gt.u64 %p1, %rh, %th;
          setp.eq.u64 %p2, %rh, %th;
          setp.ge.u64 %p3, %rl, %tl;
          and.pred %p2, %p2, %p3;
          or.pred %p1, %p1, %p2;
          @!%p1 bra $L__signed;
          add.cc.u64 %ql, %ql, 1;
          addc.u64 %qh, %qh, 0;
      $L__signed:
          @!%negative bra $L__check;
          not.b64 %ql, %ql;
          not.b64 %qh, %qh;
          add.cc.u64 %ql, %ql, 1;
          addc.u64 %qh, %qh, 0;
      $L__check:
          {
              .param .b64 c_hi;
              .param .b64 c_lo;
              .param .b32 c_from;
              .param .b32 c_to;
              .param .b32 c_precision;
              .param .align 8 .b8 checked[16];
              st.param.b64 [c_hi], %qh;
              st.param.b64 [c_lo], %ql;
              st.param.b32 [c_from], %scale;
              st.param.b32 [c_to], %scale;
              st.param.b32 [c_precision], %precision;
              call (checked), warp_decimal_round, (c_hi, c_lo, c_from, c_to, c_precision);
              ld.param.b64 %value, [checked];
              ld.param.b32 %status, [checked+8];
          }
      $L__done:
          st.param.b64 [result], %value;
          st.param.b32 [result+8], %status;
          ret;
      }
      """;

  static final String DECIMAL_MOD =
      """
      // Remainder of a (scale a_scale) by b (scale b_scale) with the sign of a, at the larger
      // scale, then moved to DECIMAL(precision, scale). Status 2 for b = 0.
      .func (.param .align 8 .b8 result[16]) warp_decimal_mod(
          .param .b64 a, .param .b32 a_scale, .param .b64 b, .param .b32 b_scale,
          .param .b32 scale, .param .b32 precision)
      {
          .reg .pred %p, %negative;
          .reg .b32 %a_scale, %b_scale, %scale, %precision, %common, %k, %status;
          .reg .b64 %a, %b, %ma, %mb, %ah, %al, %bh, %bl, %rh, %rl, %offset, %address, %pow;
          .reg .b64 %value;
          ld.param.b64 %a, [a];
          ld.param.b32 %a_scale, [a_scale];
          ld.param.b64 %b, [b];
          ld.param.b32 %b_scale, [b_scale];
          ld.param.b32 %scale, [scale];
          ld.param.b32 %precision, [precision];
          mov.b64 %value, 0;
          mov.u32 %status, 2;
          setp.eq.s64 %p, %b, 0;
          @%p bra $L__done;
          setp.lt.s64 %negative, %a, 0;
          mov.b64 %ma, %a;
          @%negative neg.s64 %ma, %a;
          setp.lt.s64 %p, %b, 0;
          mov.b64 %mb, %b;
          @%p neg.s64 %mb, %b;
          max.s32 %common, %a_scale, %b_scale;
          sub.s32 %k, %common, %a_scale;
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %al, %ma, %pow;
          mul.hi.u64 %ah, %ma, %pow;
          sub.s32 %k, %common, %b_scale;
          mul.wide.u32 %offset, %k, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %bl, %mb, %pow;
          mul.hi.u64 %bh, %mb, %pow;
          {
              .param .b64 d_nh;
              .param .b64 d_nl;
              .param .b64 d_dh;
              .param .b64 d_dl;
              .param .align 8 .b8 quotient[32];
              st.param.b64 [d_nh], %ah;
              st.param.b64 [d_nl], %al;
              st.param.b64 [d_dh], %bh;
              st.param.b64 [d_dl], %bl;
              call (quotient), warp_u128_divmod, (d_nh, d_nl, d_dh, d_dl);
              ld.param.b64 %rl, [quotient+16];
              ld.param.b64 %rh, [quotient+24];
          }
          @!%negative bra $L__check;
          not.b64 %rl, %rl;
          not.b64 %rh, %rh;
          add.cc.u64 %rl, %rl, 1;
          addc.u64 %rh, %rh, 0;
      $L__check:
          {
              .param .b64 c_hi;
              .param .b64 c_lo;
              .param .b32 c_from;
              .param .b32 c_to;
              .param .b32 c_precision;
              .param .align 8 .b8 checked[16];
              st.param.b64 [c_hi], %rh;
              st.param.b64 [c_lo], %rl;
              st.param.b32 [c_from], %common;
              st.param.b32 [c_to], %scale;
              st.param.b32 [c_precision], %precision;
              call (checked), warp_decimal_round, (c_hi, c_lo, c_from, c_to, c_precision);
              ld.param.b64 %value, [checked];
              ld.param.b32 %status, [checked+8];
          }
      $L__done:
          st.param.b64 [result], %value;
          st.param.b32 [result+8], %status;
          ret;
      }
      """;

  static final String DECIMAL_COMPARE =
      """
      // -1, 0 or 1 as a (scale a_scale) is below, equal to or above b (scale b_scale)
      .func (.param .b32 result) warp_decimal_compare(
          .param .b64 a, .param .b32 a_scale, .param .b64 b, .param .b32 b_scale)
      {
          .reg .pred %p<5>;
          .reg .b32 %a_scale, %b_scale, %common, %k, %order;
          .reg .b64 %a, %b, %ah, %al, %bh, %bl;
          ld.param.b64 %a, [a];
          ld.param.b32 %a_scale, [a_scale];
          ld.param.b64 %b, [b];
          ld.param.b32 %b_scale, [b_scale];
          max.s32 %common, %a_scale, %b_scale;
          sub.s32 %k, %common, %a_scale;
          {
              .param .b64 s_value;
              .param .b32 s_k;
              .param .align 8 .b8 scaled[16];
              st.param.b64 [s_value], %a;
              st.param.b32 [s_k], %k;
              call (scaled), warp_decimal_scale, (s_value, s_k);
              ld.param.b64 %al, [scaled];
              ld.param.b64 %ah, [scaled+8];
          }
          sub.s32 %k, %common, %b_scale;
          {
              .param .b64 s_value;
              .param .b32 s_k;
              .param .align 8 .b8 scaled[16];
              st.param.b64 [s_value], %b;
              st.param.b32 [s_k], %k;
              call (scaled), warp_decimal_scale, (s_value, s_k);
              ld.param.b64 %bl, [scaled];
              ld.param.b64 %bh, [scaled+8];
          }
          setp.lt.s64 %p1, %ah, %bh;
          setp.eq.s64 %p2, %ah, %bh;
          setp.lt.u64 %p3, %al, %bl;
          and.pred %p3, %p2, %p3;
          or.pred %p1, %p1, %p3;
          setp.ne.u64 %p4, %al, %bl;
          and.pred %p4, %p2, %p4;
          setp.gt.s64 %p3, %ah, %bh;
          or.pred %p3, %p3, %p4;
          // %p1: a < b; %p3: a != b, so a > b when not %p1
          selp.s32 %order, 1, 0, %p3;
          @%p1 mov.s32 %order, -1;
          st.param.b32 [result], %order;
          ret;
      }
      """;

  static final String DECIMAL_FROM_F64 =
      """
      // The exact binary value of v as DECIMAL(precision, scale), rounded half away from zero.
      // Status 3 for NaN and infinities, 1 when the value does not fit.
      .func (.param .align 8 .b8 result[16]) warp_decimal_from_f64(
          .param .f64 v, .param .b32 scale, .param .b32 precision)
      {
          .reg .pred %p, %negative;
          .reg .b32 %scale, %precision, %e, %shift, %status;
          .reg .b64 %bits, %exponent, %m, %offset, %address, %pow, %h, %l, %carry, %value;
          .reg .f64 %v;
          ld.param.f64 %v, [v];
          ld.param.b32 %scale, [scale];
          ld.param.b32 %precision, [precision];
          mov.b64 %value, 0;
          mov.u32 %status, 3;
          mov.b64 %bits, %v;
          setp.lt.s64 %negative, %bits, 0;
          shr.u64 %exponent, %bits, 52;
          and.b64 %exponent, %exponent, 2047;
          and.b64 %m, %bits, 0xFFFFFFFFFFFFF;
          setp.eq.u64 %p, %exponent, 2047;
          @%p bra $L__done;
          mov.u32 %status, 0;
          // v = m * 2^e: subnormals have no implicit leading bit
          cvt.u32.u64 %e, %exponent;
          setp.eq.u32 %p, %e, 0;
          @!%p or.b64 %m, %m, 0x10000000000000;
          @!%p sub.s32 %e, %e, 1075;
          @%p mov.s32 %e, -1074;
          setp.eq.u64 %p, %m, 0;
          @%p bra $L__done;
          // m * 10^scale < 2^53 * 2^64, exact in 128 bits
          mul.wide.u32 %offset, %scale, 8;
          mov.u64 %address, warp_pow10;
          add.u64 %address, %address, %offset;
          ld.const.u64 %pow, [%address];
          mul.lo.u64 %l, %m, %pow;
          mul.hi.u64 %h, %m, %pow;
          setp.lt.s32 %p, %e, 0;
          @%p bra $L__shift_right;
          // e >= 0: shift left, which overflows once a bit reaches bit 127
          mov.u32 %status, 1;
          setp.ge.s32 %p, %e, 64;
          @%p bra $L__done;
          mov.u32 %shift, 63;
          sub.u32 %shift, %shift, %e;
          shr.u64 %carry, %h, %shift;
          setp.ne.u64 %p, %carry, 0;
          @%p bra $L__done;
          mov.u32 %status, 0;
          mov.u32 %shift, 64;
          sub.u32 %shift, %shift, %e;
          shr.u64 %carry, %l, %shift;
          shl.b64 %h, %h, %e;
          or.b64 %h, %h, %carry;
          shl.b64 %l, %l, %e;
          bra $L__signed;
      $L__shift_right:
          // e < 0: keep the bits above 2^-e and round up when the highest dropped bit is set
          neg.s32 %shift, %e;
          sub.u32 %shift, %shift, 1;
          {
              .param .b64 s_hi;
              .param .b64 s_lo;
              .param .b32 s_k;
              .param .align 8 .b8 shifted[16];
              st.param.b64 [s_hi], %h;
              st.param.b64 [s_lo], %l;
              st.param.b32 [s_k], %shift;
              call (shifted), warp_u128_shr, (s_hi, s_lo, s_k);
              ld.param.b64 %l, [shifted];
              ld.param.b64 %h, [shifted+8];
          }
          // the lowest remaining bit is the rounding bit: (x + 1) >> 1 rounds half up
          and.b64 %carry, %l, 1;
          shr.u64 %l, %l, 1;
          shl.b64 %pow, %h, 63;
          or.b64 %l, %l, %pow;
          shr.u64 %h, %h, 1;
          add.cc.u64 %l, %l, %carry;
          addc.u64 %h, %h, 0;
      $L__signed:
          @!%negative bra $L__check;
          not.b64 %l, %l;
          not.b64 %h, %h;
          add.cc.u64 %l, %l, 1;
          addc.u64 %h, %h, 0;
      $L__check:
          {
              .param .b64 c_hi;
              .param .b64 c_lo;
              .param .b32 c_from;
              .param .b32 c_to;
              .param .b32 c_precision;
              .param .align 8 .b8 checked[16];
              st.param.b64 [c_hi], %h;
              st.param.b64 [c_lo], %l;
              st.param.b32 [c_from], %scale;
              st.param.b32 [c_to], %scale;
              st.param.b32 [c_precision], %precision;
              call (checked), warp_decimal_round, (c_hi, c_lo, c_from, c_to, c_precision);
              ld.param.b64 %value, [checked];
              ld.param.b32 %status, [checked+8];
          }
      $L__done:
          st.param.b64 [result], %value;
          st.param.b32 [result+8], %status;
          ret;
      }
      """;

  static final String F64_MOD =
      """
      // a % b as Java computes it (truncated remainder, the sign of a). Each subtraction of
      // t = |b| * 2^j from x with t <= x < 2t is exact. b = 0 gives NaN as in Java: callers
      // raise DIVISION_BY_ZERO but still run the call, and doubling t = 0 would never end.
      .func (.param .f64 result) warp_f64_mod(.param .f64 a, .param .f64 b)
      {
          .reg .pred %p, %q;
          .reg .f64 %a, %b, %x, %y, %t, %twice, %r;
          ld.param.f64 %a, [a];
          ld.param.f64 %b, [b];
          abs.f64 %x, %a;
          abs.f64 %y, %b;
          mov.f64 %r, 0d7FF8000000000000;
          setp.nan.f64 %p, %a, %b;
          setp.eq.f64 %q, %x, 0d7FF0000000000000;
          or.pred %p, %p, %q;
          setp.eq.f64 %q, %y, 0d0000000000000000;
          or.pred %p, %p, %q;
          @%p bra $L__done;
          mov.f64 %r, %a;
          setp.lt.f64 %p, %x, %y;
          @%p bra $L__done;
          mov.f64 %t, %y;
      $L__grow:
          mul.rn.f64 %twice, %t, 0d4000000000000000;
          setp.le.f64 %p, %twice, %x;
          @!%p bra $L__reduce;
          mov.f64 %t, %twice;
          bra $L__grow;
      $L__reduce:
          setp.ge.f64 %p, %x, %t;
          @%p sub.rn.f64 %x, %x, %t;
          setp.eq.f64 %p, %t, %y;
          @%p bra $L__sign;
          mul.rn.f64 %t, %t, 0d3FE0000000000000;
          bra $L__reduce;
      $L__sign:
          copysign.f64 %r, %a, %x;
      $L__done:
          st.param.f64 [result], %r;
          ret;
      }
      """;

  static final String CIVIL_FROM_DAYS =
      """
      // Proleptic Gregorian year, month and day of a day count since 1970-01-01. Years are
      // counted from March inside 400-year eras, so that leap days fall at the end of a year.
      .func (.param .align 8 .b8 result[24]) warp_civil_from_days(.param .b64 days)
      {
          .reg .pred %p;
          .reg .b64 %z, %era, %doe, %yoe, %doy, %mp, %d, %m, %y, %t, %u;
          ld.param.b64 %z, [days];
          // days since 0000-03-01
          add.s64 %z, %z, 719468;
          // era = floor(z / 146097)
          mov.b64 %t, %z;
          setp.lt.s64 %p, %z, 0;
          @%p sub.s64 %t, %z, 146096;
          div.s64 %era, %t, 146097;
          mul.lo.s64 %t, %era, 146097;
          sub.s64 %doe, %z, %t;
          // year of era: (doe - doe/1460 + doe/36524 - doe/146096) / 365
          div.s64 %t, %doe, 1460;
          sub.s64 %yoe, %doe, %t;
          div.s64 %t, %doe, 36524;
          add.s64 %yoe, %yoe, %t;
          div.s64 %t, %doe, 146096;
          sub.s64 %yoe, %yoe, %t;
          div.s64 %yoe, %yoe, 365;
          // day of year: doe - (365 * yoe + yoe/4 - yoe/100)
          mul.lo.s64 %t, %yoe, 365;
          div.s64 %u, %yoe, 4;
          add.s64 %t, %t, %u;
          div.s64 %u, %yoe, 100;
          sub.s64 %t, %t, %u;
          sub.s64 %doy, %doe, %t;
          // month from March: (5 * doy + 2) / 153
          mad.lo.s64 %mp, %doy, 5, 2;
          div.s64 %mp, %mp, 153;
          // day: doy - (153 * mp + 2) / 5 + 1
          mad.lo.s64 %t, %mp, 153, 2;
          div.s64 %t, %t, 5;
          sub.s64 %d, %doy, %t;
          add.s64 %d, %d, 1;
          // calendar month, and the year, which January and February end
          setp.lt.s64 %p, %mp, 10;
          add.s64 %m, %mp, 3;
          @!%p sub.s64 %m, %mp, 9;
          mad.lo.s64 %y, %era, 400, %yoe;
          @!%p add.s64 %y, %y, 1;
          st.param.b64 [result], %y;
          st.param.b64 [result+8], %m;
          st.param.b64 [result+16], %d;
          ret;
      }
      """;

  static final String DAYS_FROM_CIVIL =
      """
      // Days since 1970-01-01 of a proleptic Gregorian year, month 1..12 and day of month, the
      // inverse of warp_civil_from_days. The day is not checked against the month's length.
      .func (.param .b64 result) warp_days_from_civil(
          .param .b64 year, .param .b64 month, .param .b64 day)
      {
          .reg .pred %p;
          .reg .b64 %y, %m, %d, %era, %yoe, %mp, %doy, %doe, %t;
          ld.param.b64 %y, [year];
          ld.param.b64 %m, [month];
          ld.param.b64 %d, [day];
          // years start in March, so January and February belong to the year before
          setp.le.s64 %p, %m, 2;
          @%p sub.s64 %y, %y, 1;
          // month from March: m - 3, or m + 9 for January and February
          sub.s64 %mp, %m, 3;
          @%p add.s64 %mp, %m, 9;
          // era = floor(y / 400)
          mov.b64 %t, %y;
          setp.lt.s64 %p, %y, 0;
          @%p sub.s64 %t, %y, 399;
          div.s64 %era, %t, 400;
          mul.lo.s64 %t, %era, 400;
          sub.s64 %yoe, %y, %t;
          // day of year: (153 * mp + 2) / 5 + d - 1
          mad.lo.s64 %doy, %mp, 153, 2;
          div.s64 %doy, %doy, 5;
          add.s64 %doy, %doy, %d;
          sub.s64 %doy, %doy, 1;
          // day of era: 365 * yoe + yoe / 4 - yoe / 100 + doy
          mul.lo.s64 %doe, %yoe, 365;
          div.s64 %t, %yoe, 4;
          add.s64 %doe, %doe, %t;
          div.s64 %t, %yoe, 100;
          sub.s64 %doe, %doe, %t;
          add.s64 %doe, %doe, %doy;
          // era * 146097 + doe, counted from 1970-01-01 instead of 0000-03-01
          mad.lo.s64 %t, %era, 146097, %doe;
          sub.s64 %t, %t, 719468;
          st.param.b64 [result], %t;
          ret;
      }
      """;

  static final String ADD_MONTHS =
      """
      // A day count since 1970-01-01 plus a number of months, the day of month clamped to the
      // last day of the target month. Status 1 when the target year passes 10,000,000 in
      // magnitude, beyond every DATE and TIMESTAMP; the caller checks the range of its type.
      // The day count is a DATE or the day of a TIMESTAMP.
      .func (.param .align 8 .b8 result[16]) warp_add_months(
          .param .b64 days, .param .b64 months)
      {
          .reg .pred %p, %q;
          .reg .b32 %status;
          .reg .b64 %days, %months, %y, %m, %d, %target, %last, %t, %value;
          ld.param.b64 %days, [days];
          ld.param.b64 %months, [months];
          mov.b64 %value, 0;
          mov.u32 %status, 1;
          // a shift past 240,000,000 months leaves every range; the bound keeps the sum exact
          setp.gt.s64 %p, %months, 240000000;
          setp.lt.s64 %q, %months, -240000000;
          or.pred %p, %p, %q;
          @%p bra $L__done;
          {
              .param .b64 f_days;
              .param .align 8 .b8 fields[24];
              st.param.b64 [f_days], %days;
              call (fields), warp_civil_from_days, (f_days);
              ld.param.b64 %y, [fields];
              ld.param.b64 %m, [fields+8];
              ld.param.b64 %d, [fields+16];
          }
          // target month index: year * 12 + month - 1 + months, within 10,000,000 years
          mad.lo.s64 %target, %y, 12, %m;
          sub.s64 %target, %target, 1;
          add.s64 %target, %target, %months;
          setp.gt.s64 %p, %target, 120000000;
          setp.lt.s64 %q, %target, -120000000;
          or.pred %p, %p, %q;
          @%p bra $L__done;
          // year = floor(target / 12), month = target - 12 * year + 1
          mov.b64 %t, %target;
          setp.lt.s64 %p, %target, 0;
          @%p sub.s64 %t, %target, 11;
          div.s64 %y, %t, 12;
          mul.lo.s64 %t, %y, 12;
          sub.s64 %m, %target, %t;
          add.s64 %m, %m, 1;
          // days in the month: 30 + ((m + m / 8) & 1), but 28 or 29 in February
          div.s64 %t, %m, 8;
          add.s64 %t, %t, %m;
          and.b64 %t, %t, 1;
          add.s64 %last, %t, 30;
          setp.ne.s64 %p, %m, 2;
          @%p bra $L__clamp;
          // a leap year is divisible by 4 and not by 100, or divisible by 400
          mov.b64 %last, 28;
          rem.s64 %t, %y, 4;
          setp.eq.s64 %p, %t, 0;
          rem.s64 %t, %y, 100;
          setp.ne.s64 %q, %t, 0;
          and.pred %p, %p, %q;
          rem.s64 %t, %y, 400;
          setp.eq.s64 %q, %t, 0;
          or.pred %p, %p, %q;
          @%p mov.b64 %last, 29;
      $L__clamp:
          min.s64 %d, %d, %last;
          {
              .param .b64 c_year;
              .param .b64 c_month;
              .param .b64 c_day;
              .param .b64 civil;
              st.param.b64 [c_year], %y;
              st.param.b64 [c_month], %m;
              st.param.b64 [c_day], %d;
              call (civil), warp_days_from_civil, (c_year, c_month, c_day);
              ld.param.b64 %value, [civil];
          }
          mov.u32 %status, 0;
      $L__done:
          st.param.b64 [result], %value;
          st.param.b32 [result+8], %status;
          ret;
      }
      """;
}
