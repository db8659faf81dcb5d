package dev.warpsql.kernels.ptxsim;

import java.util.HashMap;
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
