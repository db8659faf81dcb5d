package dev.warpsql.executor.pipeline;

/**
 * Where a kernel reads a column from: input column {@code column} of its source batch when {@code
 * probe} is -1, otherwise payload column {@code column} of the hash table that probe stage {@code
 * probe} reads. Used to find the dictionary of a VARCHAR column at execution time.
 */
public record ColumnOrigin(int probe, int column) {
  public static ColumnOrigin input(int column) {
    return new ColumnOrigin(-1, column);
  }

  public static ColumnOrigin build(int probe, int column) {
    return new ColumnOrigin(probe, column);
  }

  public boolean isInput() {
    return probe < 0;
  }
}
