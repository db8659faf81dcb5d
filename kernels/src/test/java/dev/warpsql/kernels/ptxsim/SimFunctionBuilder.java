package dev.warpsql.kernels.ptxsim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Symbol tables of one function while its body is decoded: registers, immediates and special
 * registers as register-file slots, {@code .param} variables by scope, and labels.
 */
final class SimFunctionBuilder {
  /** A memory operand {@code [base+offset]}: a register slot or a symbol, plus a byte offset. */
  record Address(int baseSlot, String symbol, long offset) {}

  final SimModule module;
  final String name;
  private final Deque<Map<String, Integer>> registerScopes = new ArrayDeque<>();
  private final List<Integer> slotBits = new ArrayList<>();
  private final List<Long> template = new ArrayList<>();
  private final Map<String, Integer> constants = new HashMap<>();
  private final Map<SimSpecialRegister, Integer> specials = new HashMap<>();
  private final Deque<Map<String, SimParam>> paramScopes = new ArrayDeque<>();
  private final Map<String, Integer> labels = new HashMap<>();
  private final List<SimInstruction> code = new ArrayList<>();
  private int paramBytes;

  SimFunctionBuilder(SimModule module, String name) {
    this.module = module;
    this.name = name;
    paramScopes.push(new HashMap<>());
    registerScopes.push(new HashMap<>());
  }

  /** Declares a parameter in the current scope and returns it with its frame offset. */
  SimParam declareParam(String paramName, SimType type, int count, int align) {
    int alignment = Math.max(align, type.bytes());
    int offset = (paramBytes + alignment - 1) / alignment * alignment;
    SimParam param = new SimParam(paramName, type, count, alignment, offset);
    paramBytes = offset + param.size();
    paramScopes.peek().put(paramName, param);
    return param;
  }

  void openScope() {
    paramScopes.push(new HashMap<>());
    registerScopes.push(new HashMap<>());
  }

  void closeScope(SimStatement statement) {
    if (paramScopes.size() == 1) {
      throw statement.fail("'}' without an open scope");
    }
    paramScopes.pop();
    registerScopes.pop();
  }

  /** Returns the slot of the innermost register called {@code name}, or null. */
  private Integer register(String name) {
    for (Map<String, Integer> scope : registerScopes) {
      Integer slot = scope.get(name);
      if (slot != null) {
        return slot;
      }
    }
    return null;
  }

  /** Returns the innermost parameter called {@code paramName}, or null. */
  SimParam param(String paramName) {
    for (Map<String, SimParam> scope : paramScopes) {
      SimParam param = scope.get(paramName);
      if (param != null) {
        return param;
      }
    }
    return null;
  }

  /** Declares registers for a {@code .reg} directive's operands such as {@code %r<12>}. */
  void declareRegisters(SimType type, List<String> names, SimStatement statement) {
    for (String declared : names) {
      int open = declared.indexOf('<');
      if (open < 0) {
        declareRegister(declared, type, statement);
        continue;
      }
      String prefix = declared.substring(0, open);
      int count = Integer.parseInt(declared.substring(open + 1, declared.indexOf('>')));
      for (int i = 0; i < count; i++) {
        declareRegister(prefix + i, type, statement);
      }
    }
  }

  private void declareRegister(String register, SimType type, SimStatement statement) {
    Map<String, Integer> scope = registerScopes.peek();
    if (scope.containsKey(register)) {
      throw statement.fail("register " + register + " declared twice in one scope");
    }
    scope.put(register, newSlot(type.bits, 0));
  }

  private int newSlot(int bits, long value) {
    slotBits.add(bits);
    template.add(value);
    return template.size() - 1;
  }

  /** Returns the slot of a declared register, the only kind of destination. */
  int destination(String operand, SimStatement statement) {
    Integer slot = register(operand);
    if (slot == null) {
      throw statement.fail("destination " + operand + " is not a declared register");
    }
    return slot;
  }

  /** Returns the declared width in bits of a register slot. */
  int bitsOf(int slot) {
    return slotBits.get(slot);
  }

  /**
   * Returns the slot of a source operand read as {@code type}: a register, a special register, an
   * immediate (converted to the type's bits for floating-point types) or a variable's address.
   */
  int source(String operand, SimType type, SimStatement statement) {
    Integer register = register(operand);
    if (register != null) {
      return register;
    }
    SimSpecialRegister special = SimSpecialRegister.of(operand);
    if (special != null) {
      return specials.computeIfAbsent(special, s -> newSlot(32, 0));
    }
    Long address = module.variableAddress(operand);
    if (address != null) {
      return constant(address);
    }
    if (operand.startsWith("%")) {
      throw statement.fail("register " + operand + " is not declared");
    }
    return constant(SimLiterals.parse(operand, type, statement));
  }

  /** Returns the slot of a predicate source written as {@code %p} or {@code !%p}. */
  int predicate(String operand, SimStatement statement) {
    String register = operand.startsWith("!") ? operand.substring(1) : operand;
    return source(register, SimType.PRED, statement);
  }

  private int constant(long bits) {
    return constants.computeIfAbsent(Long.toString(bits), key -> newSlot(64, bits));
  }

  /** Parses a memory operand {@code [%rd+8]}, {@code [name]} or {@code [name+8]}. */
  Address address(String operand, SimStatement statement) {
    if (!operand.startsWith("[") || !operand.endsWith("]")) {
      throw statement.fail("expected a memory operand in brackets, got " + operand);
    }
    String inside = operand.substring(1, operand.length() - 1).trim();
    long offset = 0;
    int plus = inside.indexOf('+');
    if (plus > 0) {
      offset = Long.parseLong(inside.substring(plus + 1).trim());
      inside = inside.substring(0, plus).trim();
    }
    Integer register = register(inside);
    if (register != null) {
      return new Address(register, null, offset);
    }
    if (inside.startsWith("%")) {
      throw statement.fail("register " + inside + " is not declared");
    }
    if (Character.isDigit(inside.charAt(0))) {
      return new Address(constant(SimLiterals.parse(inside, SimType.U64, statement)), null, offset);
    }
    return new Address(-1, inside, offset);
  }

  void placeLabel(String label, SimStatement statement) {
    if (labels.putIfAbsent(label, code.size()) != null) {
      throw statement.fail("label " + label + " defined twice");
    }
  }

  /** Returns the instruction index of a label, once the body has been read. */
  int labelTarget(String label, SimInstruction at) {
    Integer target = labels.get(label);
    if (target == null) {
      throw at.fail("label " + label + " is not defined in " + name);
    }
    return target;
  }

  void add(SimInstruction instruction, SimStatement statement) {
    if (statement.guard() != null) {
      String guard = statement.guard();
      instruction.guardNegated = guard.startsWith("!");
      instruction.guard = predicate(guard, statement);
    }
    code.add(instruction);
  }

  /** Returns the finished function; instructions are linked by the module afterwards. */
  SimFunction build(boolean entry, List<SimParam> params, SimParam result) {
    long[] values = new long[template.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = template.get(i);
    }
    int[] specialSlots = new int[specials.size()];
    SimSpecialRegister[] specialRegisters = new SimSpecialRegister[specials.size()];
    int i = 0;
    for (Map.Entry<SimSpecialRegister, Integer> special : specials.entrySet()) {
      specialRegisters[i] = special.getKey();
      specialSlots[i] = special.getValue();
      i++;
    }
    return new SimFunction(
        name,
        entry,
        params,
        result,
        paramBytes,
        code.toArray(new SimInstruction[0]),
        values,
        specialSlots,
        specialRegisters);
  }
}
