package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed and decoded PTX module: its functions and entries, its {@code .const} variables (in a
 * constant memory of their own) and the layout of its {@code .shared} variables. Immutable after
 * {@link #parse}; one module may be launched any number of times.
 */
public final class SimModule {
  static final long CONST_BASE = 0x7000_0000_0000L;
  static final long SHARED_BASE = 0x100L;

  private final Map<String, SimFunction> functions = new LinkedHashMap<>();
  private final Map<String, Long> variables = new HashMap<>();
  private final SimMemory constants = new SimMemory("const", CONST_BASE);
  private int sharedBytes;
  private final Map<String, SimFunctionBuilder> builders = new HashMap<>();

  private SimModule() {}

  /**
   * Parses PTX text. Fails with a {@link SimException} naming the line for syntax the interpreter
   * does not read and for instructions or modifiers outside its subset.
   */
  public static SimModule parse(String ptx) {
    SimModule module = new SimModule();
    for (SimSourceReader.Item item : new SimSourceReader(ptx).items()) {
      module.read(item);
    }
    for (SimFunction function : module.functions.values()) {
      SimFunctionBuilder builder = module.builders.get(function.name());
      for (SimInstruction instruction : function.code()) {
        instruction.link(module, builder);
      }
    }
    module.builders.clear();
    return module;
  }

  /** Returns the entry called {@code name}. */
  SimFunction entry(String name) {
    SimFunction function = functions.get(name);
    if (function == null || !function.isEntry()) {
      throw new SimException("the module has no .entry called " + name);
    }
    return function;
  }

  /** Returns the names and PTX types of an entry's parameters, in declaration order. */
  public List<String> entryParameters(String name) {
    List<String> declared = new ArrayList<>();
    for (SimParam param : entry(name).params()) {
      declared.add(param.name() + " " + param.type());
    }
    return declared;
  }

  /** Returns the function called {@code name}, for a call. */
  SimFunction function(String name) {
    return functions.get(name);
  }

  /** Returns the address of a {@code .const} or {@code .shared} variable, or null. */
  Long variableAddress(String name) {
    return variables.get(name);
  }

  SimMemory constants() {
    return constants;
  }

  int sharedBytes() {
    return sharedBytes;
  }

  private void read(SimSourceReader.Item item) {
    String header = item.header();
    if (header.startsWith(".version") || header.startsWith(".target")) {
      return;
    }
    if (header.startsWith(".address_size")) {
      if (!header.endsWith("64")) {
        throw new SimException("line " + item.line() + ": only 64-bit addresses are supported");
      }
      return;
    }
    if (item.body() != null) {
      readFunction(item);
      return;
    }
    readVariable(item);
  }

  private void readVariable(SimSourceReader.Item item) {
    String header = item.header();
    int equals = header.indexOf('=');
    String declaration = equals < 0 ? header : header.substring(0, equals).trim();
    SimDeclaration variable = SimDeclaration.parse(declaration, item.line());
    if (variable.space().equals(".const")) {
      long address = constants.allocate(variable.name(), variable.size(), false);
      if (equals >= 0) {
        constants.write(address, initializer(header.substring(equals + 1), variable, item));
      }
      variables.put(variable.name(), address);
    } else if (variable.space().equals(".shared")) {
      int offset = (sharedBytes + variable.align() - 1) / variable.align() * variable.align();
      variables.put(variable.name(), SHARED_BASE + offset);
      sharedBytes = offset + variable.size();
    } else {
      throw new SimException(
          "line " + item.line() + ": unsupported module-level declaration: " + header);
    }
  }

  private static byte[] initializer(
      String text, SimDeclaration variable, SimSourceReader.Item item) {
    String values = text.trim();
    if (!values.startsWith("{") || !values.endsWith("}")) {
      throw new SimException("line " + item.line() + ": expected {...} initializer");
    }
    List<String> elements =
        SimSourceReader.splitOperands(values.substring(1, values.length() - 1).trim());
    if (elements.size() > variable.count()) {
      throw new SimException(
          "line "
              + item.line()
              + ": "
              + elements.size()
              + " initializers for "
              + variable.count()
              + " elements of "
              + variable.name());
    }
    byte[] bytes = new byte[variable.size()];
    SimStatement where =
        new SimStatement(
            item.line(), SimStatement.Kind.DIRECTIVE, null, ".const", List.of(), variable.name());
    int width = variable.type().bytes();
    for (int i = 0; i < elements.size(); i++) {
      long bits = SimLiterals.parse(elements.get(i), variable.type(), where);
      SimBytes.put(bytes, i * width, width, bits);
    }
    return bytes;
  }

  private void readFunction(SimSourceReader.Item item) {
    SimFunctionHeader header = SimFunctionHeader.parse(item.header(), item.line());
    SimFunctionBuilder builder = new SimFunctionBuilder(this, header.name());
    SimParam result = null;
    if (header.result() != null) {
      SimDeclaration declared = header.result();
      result =
          builder.declareParam(
              declared.name(), declared.type(), declared.count(), declared.align());
    }
    List<SimParam> params = new ArrayList<>();
    for (SimDeclaration declared : header.params()) {
      params.add(
          builder.declareParam(
              declared.name(), declared.type(), declared.count(), declared.align()));
    }
    for (SimStatement statement : SimSourceReader.statements(item.body(), item.bodyLine())) {
      readStatement(statement, builder);
    }
    if (functions.containsKey(header.name())) {
      throw new SimException("line " + item.line() + ": function " + header.name() + " twice");
    }
    functions.put(header.name(), builder.build(header.entry(), params, result));
    builders.put(header.name(), builder);
  }

  private static void readStatement(SimStatement statement, SimFunctionBuilder builder) {
    switch (statement.kind()) {
      case SCOPE_OPEN -> builder.openScope();
      case SCOPE_CLOSE -> builder.closeScope(statement);
      case LABEL -> builder.placeLabel(statement.opcode(), statement);
      case DIRECTIVE -> readDirective(statement, builder);
      case INSTRUCTION -> builder.add(SimDecoder.decode(statement, builder), statement);
    }
  }

  private static void readDirective(SimStatement statement, SimFunctionBuilder builder) {
    if (statement.opcode().equals(".reg")) {
      String[] words = statement.text().substring(4).trim().split("\\s+", 2);
      SimType type = SimType.of(words[0].substring(1));
      if (type == null || words.length < 2) {
        throw statement.fail("unsupported register declaration");
      }
      builder.declareRegisters(type, SimSourceReader.splitOperands(words[1]), statement);
      return;
    }
    if (statement.opcode().equals(".param")) {
      SimDeclaration declared = SimDeclaration.parse(statement.text(), statement.line());
      builder.declareParam(declared.name(), declared.type(), declared.count(), declared.align());
      return;
    }
    throw statement.fail("unsupported directive " + statement.opcode() + " in a function body");
  }
}
