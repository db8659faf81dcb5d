package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one PTX instruction statement into a {@link SimInstruction}. Each opcode takes exactly
 * the modifiers it understands and fails on anything else, naming the modifier and the line, so PTX
 * outside the interpreter's subset is never run with guessed semantics.
 */
final class SimDecoder {
  private SimDecoder() {}

  static SimInstruction decode(SimStatement statement, SimFunctionBuilder builder) {
    SimOpcode opcode = new SimOpcode(statement);
    SimInstruction instruction =
        switch (opcode.root) {
          case "add", "sub", "mul", "div", "rem", "min", "max" -> arithmetic(opcode, builder);
          case "addc", "subc" -> carry(opcode, builder);
          case "mad", "fma" -> multiplyAdd(opcode, builder);
          case "and", "or", "xor", "not" -> logic(opcode, builder);
          case "neg", "abs", "popc", "clz", "brev", "sqrt" -> unary(opcode, builder);
          case "shl", "shr" -> shift(opcode, builder);
          case "copysign" -> copySign(opcode, builder);
          case "setp" -> SimCompareDecoder.setp(opcode, builder);
          case "selp" -> SimCompareDecoder.selp(opcode, builder);
          case "testp" -> SimCompareDecoder.testp(opcode, builder);
          case "mov", "cvta" -> move(opcode, builder);
          case "cvt" -> convert(opcode, builder);
          case "ld", "st" -> SimMemoryDecoder.loadStore(opcode, builder);
          case "atom", "red" -> SimMemoryDecoder.atomic(opcode, builder);
          case "bra", "call", "ret", "exit", "membar", "fence" ->
              SimFlowDecoder.flow(opcode, builder);
          case "vote", "shfl", "bar", "barrier" -> SimFlowDecoder.warp(opcode, builder);
          default -> throw statement.fail("unsupported instruction " + opcode.root);
        };
    opcode.done();
    return instruction;
  }

  private static SimInstruction arithmetic(SimOpcode opcode, SimFunctionBuilder builder) {
    boolean carryOut = opcode.take("cc");
    String rounding = opcode.takeAny("rn");
    String mode = opcode.takeAny("lo", "hi", "wide");
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(3);
    SimStatement statement = opcode.statement;
    int d = builder.destination(operands.get(0), statement);
    int a = builder.source(operands.get(1), type, statement);
    int b = builder.source(operands.get(2), type, statement);
    if (carryOut) {
      if (!opcode.root.equals("add") && !opcode.root.equals("sub") || !type.isInteger()) {
        throw opcode.fail(".cc is supported on integer add and sub only");
      }
      boolean subtract = opcode.root.equals("sub");
      return new SimIntegerOps.Carry(statement, subtract, false, true, type, d, a, b);
    }
    if (type.isFloat()) {
      if (mode != null) {
        throw opcode.fail("." + mode + " is not a floating-point modifier");
      }
      if (opcode.root.equals("div") && rounding == null) {
        throw opcode.fail("floating-point div is supported with .rn only");
      }
      SimFloatOps.BinaryOp op =
          switch (opcode.root) {
            case "add" -> SimFloatOps.BinaryOp.ADD;
            case "sub" -> SimFloatOps.BinaryOp.SUB;
            case "mul" -> SimFloatOps.BinaryOp.MUL;
            case "div" -> SimFloatOps.BinaryOp.DIV;
            case "min" -> SimFloatOps.BinaryOp.MIN;
            case "max" -> SimFloatOps.BinaryOp.MAX;
            default -> throw opcode.fail("unsupported floating-point " + opcode.root);
          };
      return new SimFloatOps.Binary(statement, op, type, d, a, b);
    }
    if (rounding != null) {
      throw opcode.fail(".rn is not an integer modifier");
    }
    return new SimIntegerOps.Binary(statement, integerOp(opcode, mode), type, d, a, b);
  }

  private static SimIntegerOps.BinaryOp integerOp(SimOpcode opcode, String mode) {
    if (opcode.root.equals("mul")) {
      if (mode == null) {
        throw opcode.fail("integer mul needs .lo, .hi or .wide");
      }
      return switch (mode) {
        case "lo" -> SimIntegerOps.BinaryOp.MUL_LO;
        case "hi" -> SimIntegerOps.BinaryOp.MUL_HI;
        default -> SimIntegerOps.BinaryOp.MUL_WIDE;
      };
    }
    if (mode != null) {
      throw opcode.fail("." + mode + " is not a modifier of " + opcode.root);
    }
    return switch (opcode.root) {
      case "add" -> SimIntegerOps.BinaryOp.ADD;
      case "sub" -> SimIntegerOps.BinaryOp.SUB;
      case "div" -> SimIntegerOps.BinaryOp.DIV;
      case "rem" -> SimIntegerOps.BinaryOp.REM;
      case "min" -> SimIntegerOps.BinaryOp.MIN;
      default -> SimIntegerOps.BinaryOp.MAX;
    };
  }

  private static SimInstruction carry(SimOpcode opcode, SimFunctionBuilder builder) {
    boolean carryOut = opcode.take("cc");
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(3);
    SimStatement statement = opcode.statement;
    return new SimIntegerOps.Carry(
        statement,
        opcode.root.equals("subc"),
        true,
        carryOut,
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement),
        builder.source(operands.get(2), type, statement));
  }

  private static SimInstruction multiplyAdd(SimOpcode opcode, SimFunctionBuilder builder) {
    String rounding = opcode.takeAny("rn");
    String mode = opcode.takeAny("lo", "hi", "wide");
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(4);
    SimStatement statement = opcode.statement;
    int d = builder.destination(operands.get(0), statement);
    int a = builder.source(operands.get(1), type, statement);
    int b = builder.source(operands.get(2), type, statement);
    if (type.isFloat()) {
      if (rounding == null || mode != null) {
        throw opcode.fail("floating-point " + opcode.root + " is supported as .rn only");
      }
      int c = builder.source(operands.get(3), type, statement);
      return new SimFloatOps.Fma(statement, type, d, a, b, c);
    }
    if (opcode.root.equals("fma") || rounding != null) {
      throw opcode.fail("fma and .rn need a floating-point type");
    }
    SimIntegerOps.BinaryOp op = integerOp(new SimOpcode(withRoot(statement, "mul")), mode);
    SimType addendType = op == SimIntegerOps.BinaryOp.MUL_WIDE ? widened(type, opcode) : type;
    int c = builder.source(operands.get(3), addendType, statement);
    return new SimIntegerOps.MultiplyAdd(statement, op, type, d, a, b, c);
  }

  private static SimStatement withRoot(SimStatement statement, String root) {
    return new SimStatement(
        statement.line(), statement.kind(), null, root, statement.operands(), statement.text());
  }

  private static SimType widened(SimType type, SimOpcode opcode) {
    return switch (type) {
      case U16 -> SimType.U32;
      case S16 -> SimType.S32;
      case U32 -> SimType.U64;
      case S32 -> SimType.S64;
      default -> throw opcode.fail("no .wide form for " + type);
    };
  }

  private static SimInstruction logic(SimOpcode opcode, SimFunctionBuilder builder) {
    SimType type = opcode.takeType();
    SimStatement statement = opcode.statement;
    boolean unary = opcode.root.equals("not");
    List<String> operands = opcode.operands(unary ? 2 : 3);
    int d = builder.destination(operands.get(0), statement);
    if (type == SimType.PRED) {
      String a = operands.get(1);
      String b = unary ? null : operands.get(2);
      return new SimCompareOps.PredicateLogic(
          statement,
          opcode.root,
          d,
          builder.predicate(a, statement),
          a.startsWith("!"),
          b == null ? -1 : builder.predicate(b, statement),
          b != null && b.startsWith("!"));
    }
    if (type.kind != SimType.Kind.BITS) {
      throw opcode.fail(opcode.root + " needs a .b or .pred type, got " + type);
    }
    int a = builder.source(operands.get(1), type, statement);
    if (unary) {
      return new SimIntegerOps.Unary(statement, SimIntegerOps.UnaryOp.NOT, type, d, a);
    }
    int b = builder.source(operands.get(2), type, statement);
    SimIntegerOps.BinaryOp op =
        switch (opcode.root) {
          case "and" -> SimIntegerOps.BinaryOp.AND;
          case "or" -> SimIntegerOps.BinaryOp.OR;
          default -> SimIntegerOps.BinaryOp.XOR;
        };
    return new SimIntegerOps.Binary(statement, op, type, d, a, b);
  }

  private static SimInstruction unary(SimOpcode opcode, SimFunctionBuilder builder) {
    String rounding = opcode.takeAny("rn");
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(2);
    SimStatement statement = opcode.statement;
    int d = builder.destination(operands.get(0), statement);
    int a = builder.source(operands.get(1), type, statement);
    if (type.isFloat()) {
      SimFloatOps.UnaryOp op =
          switch (opcode.root) {
            case "neg" -> SimFloatOps.UnaryOp.NEG;
            case "abs" -> SimFloatOps.UnaryOp.ABS;
            case "sqrt" -> SimFloatOps.UnaryOp.SQRT;
            default -> throw opcode.fail("unsupported floating-point " + opcode.root);
          };
      if ((op == SimFloatOps.UnaryOp.SQRT) != (rounding != null)) {
        throw opcode.fail("sqrt is supported as sqrt.rn only, and .rn only on sqrt");
      }
      return new SimFloatOps.Unary(statement, op, type, d, a);
    }
    if (rounding != null) {
      throw opcode.fail(".rn needs a floating-point type");
    }
    SimIntegerOps.UnaryOp op =
        switch (opcode.root) {
          case "neg" -> SimIntegerOps.UnaryOp.NEG;
          case "abs" -> SimIntegerOps.UnaryOp.ABS;
          case "popc" -> SimIntegerOps.UnaryOp.POPC;
          case "clz" -> SimIntegerOps.UnaryOp.CLZ;
          case "brev" -> SimIntegerOps.UnaryOp.BREV;
          default -> throw opcode.fail("unsupported integer " + opcode.root);
        };
    return new SimIntegerOps.Unary(statement, op, type, d, a);
  }

  private static SimInstruction shift(SimOpcode opcode, SimFunctionBuilder builder) {
    SimType type = opcode.takeType();
    if (opcode.root.equals("shl") && type.kind != SimType.Kind.BITS) {
      throw opcode.fail("shl needs a .b type, got " + type);
    }
    List<String> operands = opcode.operands(3);
    SimStatement statement = opcode.statement;
    SimIntegerOps.BinaryOp op =
        opcode.root.equals("shl") ? SimIntegerOps.BinaryOp.SHL : SimIntegerOps.BinaryOp.SHR;
    return new SimIntegerOps.Binary(
        statement,
        op,
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement),
        builder.source(operands.get(2), SimType.U32, statement));
  }

  private static SimInstruction copySign(SimOpcode opcode, SimFunctionBuilder builder) {
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(3);
    SimStatement statement = opcode.statement;
    return new SimFloatOps.Binary(
        statement,
        SimFloatOps.BinaryOp.COPYSIGN,
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement),
        builder.source(operands.get(2), type, statement));
  }

  private static SimInstruction move(SimOpcode opcode, SimFunctionBuilder builder) {
    if (opcode.root.equals("cvta")) {
      // Generic and state-space addresses coincide in the interpreter.
      opcode.take("to");
      opcode.takeAny("global", "shared", "const", "local");
    }
    SimType type = opcode.takeType();
    List<String> operands = opcode.operands(2);
    SimStatement statement = opcode.statement;
    if (operands.get(0).startsWith("{") || operands.get(1).startsWith("{")) {
      return pack(opcode, type, operands, builder);
    }
    return new SimConversions.Move(
        statement,
        type,
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), type, statement));
  }

  private static SimInstruction pack(
      SimOpcode opcode, SimType type, List<String> operands, SimFunctionBuilder builder) {
    boolean unpack = operands.get(0).startsWith("{");
    String vector = unpack ? operands.get(0) : operands.get(1);
    List<String> halves =
        SimSourceReader.splitOperands(vector.substring(1, vector.length() - 1).trim());
    if (type != SimType.B64 || halves.size() != 2 || opcode.root.equals("cvta")) {
      throw opcode.fail("only mov.b64 packs or unpacks two 32-bit registers");
    }
    SimStatement statement = opcode.statement;
    if (unpack) {
      return new SimConversions.Pack(
          statement,
          true,
          builder.source(operands.get(1), type, statement),
          builder.destination(halves.get(0), statement),
          builder.destination(halves.get(1), statement));
    }
    return new SimConversions.Pack(
        statement,
        false,
        builder.destination(operands.get(0), statement),
        builder.source(halves.get(0), SimType.B32, statement),
        builder.source(halves.get(1), SimType.B32, statement));
  }

  private static SimInstruction convert(SimOpcode opcode, SimFunctionBuilder builder) {
    String rounding = opcode.takeAny("rn", "rni", "rzi", "rmi", "rpi");
    boolean saturate = opcode.take("sat");
    List<SimType> types = opcode.takeTypes();
    if (types.size() != 2) {
      throw opcode.fail("cvt needs a destination and a source type");
    }
    List<String> operands = opcode.operands(2);
    SimStatement statement = opcode.statement;
    SimConversions.Rounding mode =
        rounding == null
            ? SimConversions.Rounding.NONE
            : SimConversions.Rounding.valueOf(rounding.toUpperCase(java.util.Locale.ROOT));
    return new SimConversions.Convert(
        statement,
        mode,
        saturate,
        types.get(0),
        types.get(1),
        builder.destination(operands.get(0), statement),
        builder.source(operands.get(1), types.get(1), statement));
  }

  /** Returns the operands of a parenthesized list such as {@code (arg0, arg1)}. */
  static List<String> parenthesized(String text, SimStatement statement) {
    if (!text.startsWith("(") || !text.endsWith(")")) {
      throw statement.fail("expected a parenthesized list, got " + text);
    }
    return new ArrayList<>(
        SimSourceReader.splitOperands(text.substring(1, text.length() - 1).trim()));
  }
}
