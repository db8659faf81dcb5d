package dev.warpsql.kernels.cuda;

/**
 * The host's side of a radix selection: from byte counts, the prefix of the key at a requested
 * sorted position, and how many keys can come before it.
 *
 * <p>Bytes are taken from the highest down. After each, the keys below the prefix ({@link
 * #below()}) all sort before the requested position's key, and the keys equal to it down to that
 * byte ({@link #candidates()} less {@link #below()}) are still undecided. The rows at the first
 * requested positions are among the candidates: every other key is above the prefix and has at
 * least the requested number of keys before it.
 */
final class RadixSelection {
  private final long firstRows;
  private final long rowCount;
  private long prefix;
  private long below;
  private long candidates;
  private int shift = 64;

  /**
   * Starts a selection of the first {@code firstRows} of {@code rowCount} keys; every key is a
   * candidate until the first byte is taken.
   */
  RadixSelection(int firstRows, int rowCount) {
    if (firstRows < 1 || firstRows > rowCount) {
      throw new IllegalArgumentException(
          "invalid selection: cannot select the first " + firstRows + " of " + rowCount + " rows");
    }
    this.firstRows = firstRows;
    this.rowCount = rowCount;
    this.candidates = rowCount;
  }

  /**
   * Takes the byte at {@code shift} from its {@code counts} over the undecided keys: the value
   * whose keys hold the last requested position joins the prefix.
   */
  void take(int shift, int[] counts) {
    if (shift >= this.shift || shift % 8 != 0 || shift < 0) {
      throw new IllegalArgumentException("byte at bit " + shift + " after bit " + this.shift);
    }
    long running = below;
    for (int value = 0; value < counts.length; value++) {
      if (running + counts[value] >= firstRows) {
        prefix |= (long) value << shift;
        below = running;
        candidates = running + counts[value];
        this.shift = shift;
        return;
      }
      running += counts[value];
    }
    throw new IllegalStateException(
        "byte counts at bit " + shift + " hold " + running + " keys, fewer than " + firstRows);
  }

  /**
   * Returns whether a selected byte set some keys apart, so that the next byte's counts must be
   * taken over the undecided keys only, not over all.
   */
  boolean separated() {
    return below > 0 || candidates < rowCount;
  }

  /** Returns the selected bytes, with zeros below {@link #shift()}. */
  long prefix() {
    return prefix;
  }

  /** Returns the bit of the lowest selected byte, 64 before the first. */
  int shift() {
    return shift;
  }

  /** Returns the keys below the prefix. */
  long below() {
    return below;
  }

  /** Returns the keys at most the prefix down to the lowest selected byte. */
  long candidates() {
    return candidates;
  }
}
