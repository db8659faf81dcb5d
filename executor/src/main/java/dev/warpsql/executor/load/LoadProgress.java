package dev.warpsql.executor.load;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes read so far by the file loads in progress in this JVM, by file, so that a command line can
 * draw a progress bar while a statement loads a file on another thread. Thread-safe.
 */
public final class LoadProgress {
  private static final ConcurrentHashMap<Path, AtomicLong> READ = new ConcurrentHashMap<>();

  private LoadProgress() {}

  /**
   * Returns the bytes read from the file by the load in progress, or -1 when no load of it runs.
   */
  public static long bytesRead(Path file) {
    AtomicLong read = READ.get(file.toAbsolutePath().normalize());
    return read == null ? -1 : read.get();
  }

  /**
   * Starts counting the bytes of a file that a load has read. The load sets the count and closes
   * the counter when it ends.
   */
  static Counter start(Path file) {
    Path key = file.toAbsolutePath().normalize();
    AtomicLong read = new AtomicLong();
    READ.put(key, read);
    return new Counter(key, read);
  }

  /** Bytes read of one file, visible to {@link #bytesRead} until closed. */
  record Counter(Path key, AtomicLong read) implements AutoCloseable {
    void set(long bytes) {
      read.set(bytes);
    }

    @Override
    public void close() {
      READ.remove(key, read);
    }
  }

  /** Wraps a file's stream so that its reads count until it is closed. */
  static InputStream track(Path file, InputStream stream) {
    Counter counter = start(file);
    AtomicLong read = counter.read();
    return new FilterInputStream(stream) {
      @Override
      public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
          read.incrementAndGet();
        }
        return value;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
          read.addAndGet(count);
        }
        return count;
      }

      @Override
      public void close() throws IOException {
        counter.close();
        super.close();
      }
    };
  }
}
