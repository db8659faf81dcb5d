package dev.warpsql.executor.persist;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/**
 * The check that this JVM can write Arrow IPC files, made before a database directory is opened so
 * that a JVM which cannot commit fails at once, before it writes anything.
 *
 * <p>Arrow (19.0) writes a buffer to a channel through a {@code DirectByteBuffer} that it creates
 * by reflection. On Java 17 and newer that needs {@value #JVM_OPTION}; without it the first write
 * raises {@code UnsupportedOperationException}, while Arrow's vectors themselves work. The check
 * writes one small record batch to memory, once per JVM, because JVM options do not change while it
 * runs. Thread-safe.
 */
final class ArrowIpcCheck {
  /** The JVM option that opens {@code java.nio} to Arrow when Arrow is on the class path. */
  static final String JVM_OPTION = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private ArrowIpcCheck() {}

  /**
   * Raises a {@link WarpException} unless this JVM can write Arrow IPC files: {@link
   * ErrorCode#JVM_OPTION_MISSING}, whose message names the option to add, when {@code java.nio} is
   * not open to Arrow, or {@link ErrorCode#INTERNAL_ERROR} with the cause when it is.
   *
   * @param directory the database directory that needs the writes, for the message
   */
  static void requireIpcWrites(Path directory) {
    Throwable failure = ProbeResult.FAILURE;
    if (failure == null) {
      return;
    }
    String problem =
        "cannot open database directory "
            + directory
            + " because this JVM cannot write Arrow IPC files ("
            + failure
            + ")";
    Module arrow = MemoryUtil.class.getModule();
    if (ByteBuffer.class.getModule().isOpen("java.nio", arrow)) {
      throw new WarpException(ErrorCode.INTERNAL_ERROR, problem, failure);
    }
    String option =
        arrow.isNamed() ? "--add-opens=java.base/java.nio=" + arrow.getName() : JVM_OPTION;
    throw new WarpException(
        ErrorCode.JVM_OPTION_MISSING,
        problem
            + ". Start Java with the option "
            + option
            + ": on the java command line before -cp or -jar, or for DBeaver on a line of its own"
            + " below -vmargs in dbeaver.ini, then restart it.",
        failure);
  }

  /** The outcome of the probe, computed when the first check runs. */
  private static final class ProbeResult {
    static final Throwable FAILURE = probe();

    /** Writes one record batch to memory and returns what it raised, or null when it worked. */
    private static Throwable probe() {
      try (BufferAllocator allocator = new RootAllocator();
          IntVector values = new IntVector("probe", allocator)) {
        values.allocateNew(1);
        values.set(0, 1);
        values.setValueCount(1);
        VectorSchemaRoot root = VectorSchemaRoot.of(values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))) {
          writer.start();
          writer.writeBatch();
          writer.end();
        }
        return null;
      } catch (IOException | RuntimeException | LinkageError e) {
        // The JVM raises a LinkageError when a static initializer fails, such as MemoryUtil's.
        return e;
      }
    }
  }
}
