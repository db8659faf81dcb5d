package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.ZoneMap;
import java.util.List;

/** Decides from a chunk's zone maps whether a filter can keep any of its rows. */
public interface ChunkPruner {
  /**
   * Returns false only when no row of the chunk can pass the filter; true is always safe.
   *
   * @param zoneMaps the zone maps of the kernel's source batch columns, in batch order
   */
  boolean mayMatch(List<ZoneMap> zoneMaps, ExecutionContext context);
}
