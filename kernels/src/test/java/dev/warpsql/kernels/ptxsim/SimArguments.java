package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cuda.KernelParameterBuffer;
import dev.warpsql.kernels.ptx.PtxParameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel parameter values of one launch, set by name and packed at the offsets of the entry's
 * {@code .param} declarations. Every parameter must be set before a launch.
 */
public final class SimArguments {
  private final SimFunction entry;
  private final byte[] bytes;
  private final Map<String, SimParam> params = new HashMap<>();
  private final Map<String, Boolean> set = new HashMap<>();

  /** Creates empty arguments for the entry called {@code entryName} of {@code module}. */
  public SimArguments(SimModule module, String entryName) {
    this.entry = module.entry(entryName);
    this.bytes = new byte[entry.paramBytes()];
    for (SimParam param : entry.params()) {
      params.put(param.name(), param);
    }
  }

  /**
   * Creates arguments from a buffer that the host packed, after checking that its names, types and
   * offsets are those of the entry's {@code .param} declarations.
   */
  public SimArguments(SimModule module, String entryName, KernelParameterBuffer packed) {
    this(module, entryName);
    List<SimParam> declared = entry.params();
    List<PtxParameter> host = packed.parameters();
    if (declared.size() != host.size()) {
      throw new SimException(
          entryName
              + " declares "
              + declared.size()
              + " parameters, the host packed "
              + host.size());
    }
    for (int i = 0; i < declared.size(); i++) {
      SimParam param = declared.get(i);
      PtxParameter value = host.get(i);
      boolean same =
          param.name().equals(value.name())
              && param.type().toString().equals(value.type())
              && param.offset() == packed.offset(i);
      if (!same) {
        throw new SimException(
            "parameter "
                + i
                + " of "
                + entryName
                + " is declared as "
                + param.name()
                + " "
                + param.type()
                + " at offset "
                + param.offset()
                + ", the host packed "
                + value.name()
                + " "
                + value.type()
                + " at offset "
                + packed.offset(i));
      }
    }
    // The entry's parameters come first in its frame; call scopes in its body may follow them.
    byte[] values = packed.bytes();
    System.arraycopy(values, 0, bytes, 0, values.length);
    for (SimParam param : declared) {
      set.put(param.name(), true);
    }
  }

  /** Sets an integer or pointer parameter; its low bytes are stored at the declared width. */
  public SimArguments set(String name, long value) {
    SimParam param = param(name);
    if (param.type().isFloat()) {
      throw new SimException("parameter " + name + " is " + param.type() + ", not an integer");
    }
    SimBytes.put(bytes, param.offset(), param.size(), value);
    set.put(name, true);
    return this;
  }

  /** Sets an {@code .f32} or {@code .f64} parameter. */
  public SimArguments setFloating(String name, double value) {
    SimParam param = param(name);
    long bits =
        switch (param.type()) {
          case F32 -> Float.floatToRawIntBits((float) value);
          case F64 -> Double.doubleToRawLongBits(value);
          default -> throw new SimException("parameter " + name + " is " + param.type());
        };
    SimBytes.put(bytes, param.offset(), param.size(), bits);
    set.put(name, true);
    return this;
  }

  /** Returns the declared PTX type of a parameter, such as {@code .u64}. */
  public String typeOf(String name) {
    return param(name).type().toString();
  }

  SimFunction entry() {
    return entry;
  }

  /** Returns the packed parameter bytes; fails when a parameter was not set. */
  byte[] bytes() {
    for (SimParam param : entry.params()) {
      if (!set.containsKey(param.name())) {
        throw new SimException("kernel parameter " + param.name() + " was not set");
      }
    }
    return bytes.clone();
  }

  private SimParam param(String name) {
    SimParam param = params.get(name);
    if (param == null) {
      throw new SimException(entry.name() + " has no parameter " + name);
    }
    return param;
  }
}
