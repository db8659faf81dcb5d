package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelErrorCode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builder of one PTX function body: virtual registers by class, unique labels, instructions and
 * comments. Registers are declared in bulk by {@link #declarations()} once the body is complete.
 */
final class PtxWriter {
  /** PTX register classes, each with its declaration type and name prefix. */
  enum RegisterClass {
    PRED(".pred", "%p"),
    B32(".b32", "%r"),
    B64(".b64", "%rd"),
    F32(".f32", "%f"),
    F64(".f64", "%fd");

    private final String declaredType;
    private final String prefix;

    RegisterClass(String declaredType, String prefix) {
      this.declaredType = declaredType;
      this.prefix = prefix;
    }

    /** Returns the class that holds values of a kernel type. */
    static RegisterClass of(DataType type) {
      return switch (type.physicalType()) {
        case BOOLEAN -> PRED;
        case INT -> B32;
        case LONG -> B64;
        case FLOAT -> F32;
        case DOUBLE -> F64;
      };
    }
  }

  private final StringBuilder body = new StringBuilder();
  private final Map<RegisterClass, Integer> registerCounts = new EnumMap<>(RegisterClass.class);
  private int labelCount;
  private String errorFlag;
  private String row;

  /** Returns a new register of the given class. */
  String register(RegisterClass registerClass) {
    int next = registerCounts.merge(registerClass, 1, Integer::sum);
    return registerClass.prefix + next;
  }

  /** Returns a new register of the class that holds values of {@code type}. */
  String register(DataType type) {
    return register(RegisterClass.of(type));
  }

  /** Returns a new label name, unique in this function, that mentions {@code hint}. */
  String label(String hint) {
    labelCount++;
    return "$L__" + hint + "_" + labelCount;
  }

  /** Appends one instruction; the terminating semicolon is added here. */
  void op(String instruction) {
    body.append("    ").append(instruction).append(";\n");
  }

  /** Appends a label definition. */
  void place(String label) {
    body.append(label).append(":\n");
  }

  void comment(String text) {
    body.append("    // ").append(text.replace('\n', ' ')).append('\n');
  }

  /** Appends a raw line, such as an opening or closing brace of a call scope. */
  void raw(String line) {
    body.append("    ").append(line).append('\n');
  }

  /**
   * Sets the registers that {@link #raiseWhen} uses: the global address of the error record and the
   * 64-bit row index that it stores.
   */
  void setErrorRegisters(String errorFlag, String row) {
    this.errorFlag = errorFlag;
    this.row = row;
  }

  /** Returns the register holding the current row index. */
  String row() {
    return row;
  }

  /** Emits code that records {@code code} for the current row when {@code predicate} is true. */
  void raiseWhen(String predicate, KernelErrorCode code) {
    raiseWhen(predicate, PtxErrors.codeOf(code), code.name());
  }

  /**
   * Emits code that records the error code {@code code} when {@code predicate} is true. The first
   * error of a launch wins the compare-and-swap on the code word and alone stores its row.
   */
  void raiseWhen(String predicate, int code, String name) {
    raiseWhen(predicate, code, name, row);
  }

  /**
   * Emits code that records the error code {@code code} when {@code predicate} is true, as {@link
   * #raiseWhen(String, int, String)} does, storing the 64-bit register {@code detail} in place of
   * the row.
   */
  void raiseWhen(String predicate, int code, String name, String detail) {
    String skip = label("no_" + name.toLowerCase(java.util.Locale.ROOT));
    String old = register(RegisterClass.B32);
    String won = register(RegisterClass.PRED);
    comment("raise " + name + " (error code " + code + ") when " + predicate);
    op("@!" + predicate + " bra " + skip);
    op("atom.global.cas.b32 " + old + ", [" + errorFlag + "], 0, " + code);
    op("setp.eq.u32 " + won + ", " + old + ", 0");
    op("@" + won + " st.global.u64 [" + errorFlag + "+8], " + detail);
    place(skip);
  }

  /** Returns the {@code .reg} declarations of every register used so far. */
  String declarations() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<RegisterClass, Integer> entry : registerCounts.entrySet()) {
      RegisterClass registerClass = entry.getKey();
      out.append("    .reg ")
          .append(registerClass.declaredType)
          .append(' ')
          .append(registerClass.prefix)
          .append('<')
          .append(entry.getValue() + 1)
          .append(">;\n");
    }
    return out.toString();
  }

  /** Returns the body written so far. */
  String body() {
    return body.toString();
  }
}
