package dev.warpsql.kernels.cpu;

import java.util.Arrays;

/**
 * Sorted constant sets of generated kernels, for {@link dev.warpsql.kernels.ir.InSet}.
 *
 * <p>A kernel cannot hold a large set as an array initializer, because the JVM limits a method, the
 * class initializer included, to 64 KiB of bytecode. The generated source writes the members as
 * decimal text in string constants of at most {@link #CHUNK_CHARS} characters, below the JVM's
 * 65,535-byte limit on one constant, and parses them once when the kernel class is loaded.
 */
public final class ConstantSets {
  /** The maximum length of one string constant of members. */
  static final int CHUNK_CHARS = 30_000;

  private ConstantSets() {}

  /** Parses comma-separated integers, written in ascending order over consecutive chunks. */
  public static long[] parseLongs(String... chunks) {
    String[] members = String.join("", chunks).split(",");
    long[] values = new long[members.length];
    for (int i = 0; i < members.length; i++) {
      values[i] = Long.parseLong(members[i]);
    }
    return values;
  }

  /** Parses comma-separated doubles, written in ascending order over consecutive chunks. */
  public static double[] parseDoubles(String... chunks) {
    String[] members = String.join("", chunks).split(",");
    double[] values = new double[members.length];
    for (int i = 0; i < members.length; i++) {
      values[i] = Double.parseDouble(members[i]);
    }
    return values;
  }

  /** Returns whether a sorted set contains {@code value}. */
  public static boolean contains(long[] set, long value) {
    return Arrays.binarySearch(set, value) >= 0;
  }

  /**
   * Returns whether a sorted set without -0.0 contains {@code value}. Adding 0.0 turns -0.0 into
   * 0.0, because SQL equality does not tell them apart.
   */
  public static boolean contains(double[] set, double value) {
    return Arrays.binarySearch(set, value + 0.0) >= 0;
  }
}
