package dev.warpsql.executor.device;

import dev.warpsql.kernels.cuda.ColumnUpload;
import dev.warpsql.kernels.cuda.DeviceApi;
import dev.warpsql.kernels.cuda.DeviceColumn;
import dev.warpsql.kernels.cuda.DeviceMemoryOwner;
import dev.warpsql.kernels.cuda.DeviceMemoryPool;
import dev.warpsql.kernels.ir.DataType;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Column chunks kept in device memory between queries. A chunk is uploaded the first time a
 * pipeline reads it on the device, and stays resident. While the resident bytes exceed the budget,
 * and whenever the memory pool requests room, the least recently used chunks that no running
 * pipeline uses are evicted.
 *
 * <p>A chunk is known by its Arrow vector object, held weakly, so a resident copy never outlives
 * interest in its vector: when the vector is garbage collected, the next call frees its copy. Only
 * vectors that stay unchanged while reachable may be made resident, such as the sealed chunks of a
 * table.
 *
 * <p>Memory: resident copies are charged to this manager's owner in the pool, and {@link #close()}
 * frees them. Thread-safe.
 */
public final class ResidencyManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResidencyManager.class);

  private final DeviceApi device;
  private final DeviceMemoryOwner memory;
  private final long budgetBytes;
  private final Map<VectorKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
  private final ReferenceQueue<FieldVector> collected = new ReferenceQueue<>();
  private long residentBytes;
  private long uploads;
  private long hits;
  private long evictions;

  /** Counters of a manager, for tests and statistics. */
  public record Stats(int chunks, long residentBytes, long uploads, long hits, long evictions) {}

  /** A vector's identity, held weakly so that residency does not keep a table's vectors alive. */
  private static final class VectorKey extends WeakReference<FieldVector> {
    private final int hash;

    VectorKey(FieldVector vector, ReferenceQueue<FieldVector> queue) {
      super(vector, queue);
      this.hash = System.identityHashCode(vector);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      if (this == other) {
        return true;
      }
      return other instanceof VectorKey key && get() != null && get() == key.get();
    }
  }

  /** One resident column chunk. */
  private static final class Entry {
    final ColumnUpload upload;
    final DataType type;
    final int rows;
    int leases;

    Entry(ColumnUpload upload, DataType type, int rows) {
      this.upload = upload;
      this.type = type;
      this.rows = rows;
    }
  }

  /** The use of a column chunk on the device by one pipeline; closing it lets it be evicted. */
  public final class Lease implements AutoCloseable {
    private final Entry entry;
    private final ColumnUpload unshared;
    private boolean closed;

    private Lease(Entry entry, ColumnUpload unshared) {
      this.entry = entry;
      this.unshared = unshared;
    }

    /** Returns the device addresses of the chunk. */
    public DeviceColumn column() {
      return entry != null ? entry.upload.column() : unshared.column();
    }

    @Override
    public void close() {
      synchronized (ResidencyManager.this) {
        if (closed) {
          return;
        }
        closed = true;
        if (entry != null) {
          entry.leases--;
          evictOverBudget();
        } else {
          unshared.close();
        }
      }
    }
  }

  /**
   * @param budgetBytes the resident bytes beyond which unused chunks are evicted
   */
  public ResidencyManager(DeviceApi device, DeviceMemoryPool pool, long budgetBytes) {
    this.device = Objects.requireNonNull(device, "device");
    this.memory = pool.newOwner("resident column chunks");
    this.budgetBytes = budgetBytes;
  }

  /**
   * Returns the device copy of the first {@code rows} values of {@code vector}, uploading it unless
   * it is resident. The caller closes the lease when its launches have finished.
   */
  public synchronized Lease acquire(FieldVector vector, DataType type, boolean nullable, int rows) {
    purgeCollected();
    VectorKey key = new VectorKey(vector, null);
    Entry entry = entries.get(key);
    if (entry != null && entry.rows == rows && entry.type.equals(type)) {
      hits++;
      entry.leases++;
      return new Lease(entry, null);
    }
    String name = "resident " + type + " column chunk of " + rows + " rows";
    ColumnUpload upload = ColumnUpload.upload(device, memory, name, vector, type, nullable, rows);
    uploads++;
    if (entry != null) {
      // The same vector read with another row count or type: serve it without caching it.
      return new Lease(null, upload);
    }
    entry = new Entry(upload, type, rows);
    entry.leases = 1;
    entries.put(new VectorKey(vector, collected), entry);
    residentBytes += upload.bytes();
    evictOverBudget();
    return new Lease(entry, null);
  }

  /**
   * Evicts unused chunks, least recently used first, until at least {@code bytes} bytes were freed
   * or none is left. Returns whether any chunk was evicted. The memory pool calls this when an
   * allocation does not fit.
   */
  public synchronized boolean evict(long bytes) {
    purgeCollected();
    long freed = 0;
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext() && freed < bytes; ) {
      Entry entry = it.next();
      if (entry.leases == 0) {
        it.remove();
        freed += free(entry);
      }
    }
    if (freed > 0) {
      LOG.debug("Evicted {} bytes of resident column chunks to make room", freed);
    }
    return freed > 0;
  }

  /** Returns the current counters. */
  public synchronized Stats stats() {
    return new Stats(entries.size(), residentBytes, uploads, hits, evictions);
  }

  private void evictOverBudget() {
    for (Iterator<Entry> it = entries.values().iterator();
        it.hasNext() && residentBytes > budgetBytes; ) {
      Entry entry = it.next();
      if (entry.leases == 0) {
        it.remove();
        free(entry);
      }
    }
  }

  private long free(Entry entry) {
    long bytes = entry.upload.bytes();
    entry.upload.close();
    residentBytes -= bytes;
    evictions++;
    return bytes;
  }

  /** Frees the copies of vectors that were garbage collected. */
  private void purgeCollected() {
    for (Object key = collected.poll(); key != null; key = collected.poll()) {
      Entry entry = entries.remove(key);
      if (entry != null) {
        free(entry);
      }
    }
  }

  /**
   * Frees every resident chunk.
   *
   * @throws IllegalStateException when a lease is still open
   */
  @Override
  public synchronized void close() {
    int leased = 0;
    for (Entry entry : entries.values()) {
      leased += entry.leases > 0 ? 1 : 0;
      free(entry);
    }
    entries.clear();
    memory.close();
    if (leased > 0) {
      throw new IllegalStateException(
          "residency manager closed while " + leased + " column chunks were leased");
    }
  }
}
