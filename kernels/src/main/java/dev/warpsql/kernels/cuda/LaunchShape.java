package dev.warpsql.kernels.cuda;

/**
 * A 1-D launch: {@code gridSize} blocks of {@code blockSize} threads. Emitted kernels need a block
 * size that is a multiple of 32 and run correctly with any grid size, because their row loop
 * strides over the grid.
 */
public record LaunchShape(int gridSize, int blockSize) {
  /** Threads per block of {@link #forRows}: 8 warps, a common choice for memory-bound kernels. */
  public static final int BLOCK_SIZE = 256;

  /** Most blocks of {@link #forRows}; larger inputs loop over the grid. */
  public static final int MAX_GRID_SIZE = 65_535;

  public LaunchShape {
    if (gridSize < 1 || blockSize < 32 || blockSize > 1024 || blockSize % 32 != 0) {
      throw new IllegalArgumentException(
          "invalid launch shape "
              + gridSize
              + " x "
              + blockSize
              + ": the grid needs a block and the block size must be a multiple of 32 up to 1024");
    }
  }

  /** Returns a shape with one thread per row, up to {@link #MAX_GRID_SIZE} blocks. */
  public static LaunchShape forRows(long rows) {
    long blocks = (rows + BLOCK_SIZE - 1) / BLOCK_SIZE;
    return new LaunchShape((int) Math.max(1, Math.min(blocks, MAX_GRID_SIZE)), BLOCK_SIZE);
  }
}
