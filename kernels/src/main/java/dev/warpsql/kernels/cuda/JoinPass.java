package dev.warpsql.kernels.cuda;

/**
 * The part of a partitioned hash join that one pass of a pipeline runs: the probe stages of hash
 * table {@code table} were given the build rows of one partition, and emit only the rows whose key
 * hash, shifted right by {@code shift} bits, equals {@code partition}. Rows with a NULL key match
 * nothing and are emitted by the pass of partition 0. Running the pipeline once per partition emits
 * every row once.
 *
 * @param table the {@code ProbeStage.table()} index of the partitioned build side, or -1 for none
 * @param shift 32 minus the number of partition bits, so 32 keeps every row
 */
public record JoinPass(int table, int shift, int partition) {
  /** A pass over whole build sides. */
  public static final JoinPass WHOLE = new JoinPass(-1, 32, 0);

  public JoinPass {
    if (shift < 1 || shift > 32) {
      throw new IllegalArgumentException("partition shift must be in [1, 32], got " + shift);
    }
    if (partition < 0 || (shift < 32 && partition >= 1 << (32 - shift))) {
      throw new IllegalArgumentException(
          "partition " + partition + " is outside the " + (32 - shift) + " partition bits");
    }
    if (shift == 32 && partition != 0) {
      throw new IllegalArgumentException("a pass over whole build sides has partition 0");
    }
  }

  /**
   * Returns the pass over partition {@code partition} of {@code 2^bits} of build side {@code
   * table}.
   */
  public static JoinPass of(int table, int bits, int partition) {
    return new JoinPass(table, 32 - bits, partition);
  }
}
