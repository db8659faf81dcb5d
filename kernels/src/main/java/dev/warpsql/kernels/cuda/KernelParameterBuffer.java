package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.ptx.PtxParameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values of one kernel launch, set by name and packed little-endian as the {@code
 * .param} space of a PTX entry lays them out: in declaration order, each at the next offset that is
 * a multiple of its size. Every parameter must be set before {@link #bytes()} is read.
 *
 * <p>Not thread-safe; one launch fills one buffer.
 */
public final class KernelParameterBuffer {
  private final List<PtxParameter> parameters;
  private final int[] offsets;
  private final boolean[] set;
  private final Map<String, Integer> indexes = new HashMap<>();
  private final byte[] bytes;

  /** Creates an empty buffer for an entry's parameters, in launch order. */
  public KernelParameterBuffer(List<PtxParameter> parameters) {
    this.parameters = List.copyOf(parameters);
    this.offsets = new int[this.parameters.size()];
    this.set = new boolean[this.parameters.size()];
    int offset = 0;
    for (int i = 0; i < offsets.length; i++) {
      PtxParameter parameter = this.parameters.get(i);
      int size = parameter.byteSize();
      offset = (offset + size - 1) / size * size;
      offsets[i] = offset;
      offset += size;
      if (indexes.put(parameter.name(), i) != null) {
        throw new IllegalArgumentException("parameter " + parameter.name() + " is declared twice");
      }
    }
    this.bytes = new byte[offset];
  }

  /** Returns the parameters in launch order. */
  public List<PtxParameter> parameters() {
    return parameters;
  }

  /** Returns the byte offset of parameter {@code index} in {@link #bytes()}. */
  public int offset(int index) {
    return offsets[index];
  }

  /**
   * Sets an integer or pointer parameter; the low bytes of {@code value} are stored at the
   * parameter's width.
   */
  public KernelParameterBuffer setLong(String name, long value) {
    int index = index(name);
    if (parameters.get(index).type().startsWith(".f")) {
      throw new IllegalArgumentException(
          "parameter " + name + " is " + parameters.get(index).type() + ", not an integer");
    }
    store(index, value);
    return this;
  }

  /** Sets an {@code .f32} or {@code .f64} parameter; an {@code .f32} gets the rounded value. */
  public KernelParameterBuffer setDouble(String name, double value) {
    int index = index(name);
    long bits =
        switch (parameters.get(index).type()) {
          case ".f32" -> Float.floatToRawIntBits((float) value);
          case ".f64" -> Double.doubleToRawLongBits(value);
          default ->
              throw new IllegalArgumentException(
                  "parameter " + name + " is " + parameters.get(index).type() + ", not floating");
        };
    store(index, bits);
    return this;
  }

  /** Returns whether the entry declares a parameter called {@code name}. */
  public boolean has(String name) {
    return indexes.containsKey(name);
  }

  /**
   * Returns a copy of the packed values.
   *
   * @throws IllegalStateException naming the first parameter that was not set
   */
  public byte[] bytes() {
    for (int i = 0; i < set.length; i++) {
      if (!set[i]) {
        throw new IllegalStateException(
            "kernel parameter " + parameters.get(i).name() + " is unset");
      }
    }
    return bytes.clone();
  }

  /** Returns a copy of the bytes of parameter {@code index}, which must be set. */
  public byte[] valueBytes(int index) {
    if (!set[index]) {
      throw new IllegalStateException(
          "kernel parameter " + parameters.get(index).name() + " is unset");
    }
    byte[] value = new byte[parameters.get(index).byteSize()];
    System.arraycopy(bytes, offsets[index], value, 0, value.length);
    return value;
  }

  private int index(String name) {
    Integer index = indexes.get(name);
    if (index == null) {
      throw new IllegalArgumentException("the kernel has no parameter " + name);
    }
    return index;
  }

  private void store(int index, long value) {
    int size = parameters.get(index).byteSize();
    for (int i = 0; i < size; i++) {
      bytes[offsets[index] + i] = (byte) (value >>> (8 * i));
    }
    set[index] = true;
  }
}
