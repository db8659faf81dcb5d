package dev.warpsql.executor.catalog;

/**
 * Storage of a catalog's committed state. A transaction calls {@link #persist} before it publishes
 * its changes, so a change that a store fails to persist never becomes visible.
 */
public interface CatalogStore extends AutoCloseable {
  /** A store for an in-memory database: it keeps nothing. */
  CatalogStore IN_MEMORY =
      new CatalogStore() {
        @Override
        public void persist(CatalogSnapshot snapshot) {}

        @Override
        public void close() {}
      };

  /**
   * Returns the committed state to start a catalog with, whose tables the caller then owns. A new
   * store returns no schemas.
   *
   * @param allocator the allocator of the returned tables' memory
   */
  default CatalogSnapshot load(org.apache.arrow.memory.BufferAllocator allocator) {
    return new CatalogSnapshot(java.util.List.of());
  }

  /**
   * Makes the snapshot the committed state. It raises a {@code WarpException} when it fails, and
   * the previously committed state then stays the committed one.
   */
  void persist(CatalogSnapshot snapshot);

  /** Releases the store's files and locks. */
  @Override
  void close();
}
