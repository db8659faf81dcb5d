package dev.warpsql.kernels.ptx;

import java.util.Objects;

/**
 * One parameter of a kernel entry, in launch order: its name in the PTX and its PTX type ({@code
 * .u32}, {@code .u64} for pointers and counts, {@code .s32}, {@code .s64}, {@code .f32}, {@code
 * .f64}). The package documentation lists the meaning of each name.
 */
public record PtxParameter(String name, String type) {
  public PtxParameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Returns the size of the parameter's value in bytes, as a launch passes it. */
  public int byteSize() {
    return switch (type) {
      case ".u32", ".s32", ".f32" -> 4;
      case ".u64", ".s64", ".f64" -> 8;
      default -> throw new IllegalStateException("unknown PTX parameter type " + type);
    };
  }
}
