package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.InSet;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.List;

/**
 * PTX for {@link InSet}: a binary search over the sorted constants, unrolled into a tree of
 * branches. A row takes about log2(n) branches, and the emitter recurses only as deep as the tree,
 * so a set of any size neither nests code nor exhausts the Java stack. The code grows linearly with
 * the set, which PTX allows, and which needs no constant memory or extra kernel parameters.
 */
final class PtxSetMembership {
  /** A range at most this long is tested by equality with each member in turn. */
  private static final int LINEAR_RANGE = 4;

  private final PtxWriter out;

  PtxSetMembership(PtxWriter out) {
    this.out = out;
  }

  /** Emits the test of a non-VARCHAR value against the set's members. */
  PtxValue emit(PtxValue operand, InSet set) {
    DataType type = operand.type();
    String result = out.register(RegisterClass.PRED);
    String test = out.register(RegisterClass.PRED);
    String found = out.label("in_set_found");
    String done = out.label("in_set_done");
    out.comment("IN set of " + set.values().size() + " values");
    out.op("mov.pred " + result + ", 0");
    if (!operand.neverNull()) {
      out.op("@" + operand.isNull() + " bra " + done);
    }
    search(operand.value(), type, set.values(), 0, set.values().size(), test, found, done);
    out.place(found);
    out.op("mov.pred " + result + ", 1");
    out.place(done);
    return new PtxValue(result, operand.isNull(), DataType.BOOLEAN);
  }

  /** Emits the search of members {@code [from, to)}, which branches to found or to done. */
  private void search(
      String value,
      DataType type,
      List<Literal> members,
      int from,
      int to,
      String test,
      String found,
      String done) {
    String suffix = typeSuffix(type);
    if (to - from <= LINEAR_RANGE) {
      for (int i = from; i < to; i++) {
        Literal member = members.get(i);
        if (member.value() instanceof Double number && number.isNaN()) {
          // NaN equals NaN in SQL's order, but setp.eq is false for it.
          out.op("testp.notanumber" + suffix + " " + test + ", " + value);
        } else {
          out.op("setp.eq" + suffix + " " + test + ", " + value + ", " + constant(member));
        }
        out.op("@" + test + " bra " + found);
      }
      out.op("bra " + done);
      return;
    }
    // NaN sorts last, so the middle member is a number and a NaN value takes the upper half.
    int middle = (from + to) >>> 1;
    String lower = out.label("in_set_lower");
    out.op("setp.lt" + suffix + " " + test + ", " + value + ", " + constant(members.get(middle)));
    out.op("@" + test + " bra " + lower);
    search(value, type, members, middle, to, test, found, done);
    out.place(lower);
    search(value, type, members, from, middle, test, found, done);
  }

  private static String typeSuffix(DataType type) {
    return switch (type.physicalType()) {
      case INT -> ".s32";
      case LONG -> ".s64";
      case FLOAT -> ".f32";
      case DOUBLE -> ".f64";
      case BOOLEAN -> throw new IllegalArgumentException("set membership of a BOOLEAN value");
    };
  }

  private static String constant(Literal member) {
    return switch (member.type().physicalType()) {
      case INT, LONG -> PtxLiterals.s64((Long) member.value());
      case FLOAT -> PtxLiterals.f32(((Double) member.value()).floatValue());
      case DOUBLE -> PtxLiterals.f64((Double) member.value());
      case BOOLEAN -> throw new IllegalArgumentException("set membership of a BOOLEAN value");
    };
  }
}
