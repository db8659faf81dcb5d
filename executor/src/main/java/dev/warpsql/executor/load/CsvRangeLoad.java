package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.ir.TypeKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;

/**
 * Loads the rows of a CSV file with an ASCII delimiter by parsing byte ranges of the file on
 * several threads, each range into chunks of its own that the table then lists in file order.
 *
 * <p>A range's first record is guessed to start after the first line break at or after its nominal
 * start, which is wrong only when that line break lies inside a quoted field. The guess is checked
 * in file order: a range is kept only when it starts where the range before it ended, and it is
 * parsed again on the calling thread from the right offset otherwise. A range that raised an error
 * is also parsed again once its start and first line are known, so an error names the right line,
 * and the first error in file order is the one raised. The VARCHAR columns of every range encode
 * into the same dictionaries, so the codes of the ranges need no remapping.
 */
final class CsvRangeLoad {
  /**
   * Smallest range: about one chunk of 65,536 rows of 128 bytes, so a file under twice this size is
   * parsed on the calling thread and gets the same chunks as with a sequential load.
   */
  static final long MIN_RANGE_BYTES = 8L << 20;

  /**
   * Largest range: ranges are sized for about eight per thread, so that the threads finish close
   * together, but this large at most, because each range ends with a partly filled chunk.
   */
  static final long MAX_RANGE_BYTES = 32L << 20;

  private static final int RANGES_PER_THREAD = 8;

  /** Records per range between two checks whether the load has already failed. */
  private static final int RECORDS_PER_CHECK = 4096;

  private final Path file;
  private final CsvOptions options;
  private final long rangeBytes;
  private final int threads;

  /**
   * Creates a load whose ranges are sized from the file's size and the number of threads.
   *
   * @param threads the most threads that parse at once
   */
  CsvRangeLoad(Path file, CsvOptions options, int threads) {
    this(file, options, 0, threads);
  }

  /**
   * Creates a load with ranges of about {@code rangeBytes} each, or sized from the file's size when
   * it is 0. A file shorter than two ranges is parsed on the calling thread.
   */
  CsvRangeLoad(Path file, CsvOptions options, long rangeBytes, int threads) {
    if (rangeBytes < 0 || threads < 1) {
      throw new IllegalArgumentException("rangeBytes must not be negative, threads positive");
    }
    this.file = file;
    this.options = options;
    this.rangeBytes = rangeBytes;
    this.threads = threads;
  }

  /** Loads the file into a new table that the caller owns. */
  Table load(
      String tableName,
      TableSchema schema,
      List<StringDictionary> dictionaries,
      BufferAllocator allocator) {
    String name = tableName.toLowerCase(Locale.ROOT);
    List<StringDictionary> shared = dictionaries == null ? newDictionaries(schema) : dictionaries;
    try (FileChannel channel = open();
        LoadProgress.Counter progress = LoadProgress.start(file)) {
      Ranges ranges =
          new Ranges(channel, channel.size(), new Destination(name, schema, shared, allocator));
      return ranges.load(progress);
    } catch (IOException e) {
      throw CsvLoader.ioError(file, e);
    } catch (OutOfMemoryException e) {
      throw CsvLoader.outOfMemory(file, name, e);
    }
  }

  private long automaticRangeBytes(long dataBytes) {
    long perThread = dataBytes / ((long) RANGES_PER_THREAD * threads);
    return Math.max(MIN_RANGE_BYTES, Math.min(MAX_RANGE_BYTES, perThread));
  }

  private FileChannel open() throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new WarpException(
          ErrorCode.FILE_NOT_FOUND, "CSV file not found: " + file + ". Check the path.", e);
    }
  }

  private static List<StringDictionary> newDictionaries(TableSchema schema) {
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      dictionaries.add(schema.type(i).kind() == TypeKind.VARCHAR ? new StringDictionary() : null);
    }
    return dictionaries;
  }

  /** Name, schema, dictionaries and allocator of the table that every range appends to. */
  private record Destination(
      String name,
      TableSchema schema,
      List<StringDictionary> dictionaries,
      BufferAllocator allocator) {}

  /**
   * One range's rows, from the offset it started at to the offset after its last record, with the
   * number of line breaks in between. A range that raised {@code error} has no table.
   */
  private record Parsed(
      long start, long end, long lineBreaks, Table table, RuntimeException error) {
    void close() {
      if (table != null) {
        table.close();
      }
    }
  }

  /** The ranges of one file and their parsing. */
  private final class Ranges {
    private final FileChannel channel;
    private final long fileSize;
    private final Destination destination;
    private final AtomicBoolean failed = new AtomicBoolean();
    private List<String> columnNames;

    /** Nominal bytes per range. */
    private long step;

    Ranges(FileChannel channel, long fileSize, Destination destination) {
      this.channel = channel;
      this.fileSize = fileSize;
      this.destination = destination;
      this.columnNames = destination.schema().names();
    }

    Table load(LoadProgress.Counter progress) throws IOException {
      long dataStart = 0;
      long dataLine = 1;
      if (options.header()) {
        CsvRangeReader header = reader(0, Long.MAX_VALUE, 1, 0);
        if (!header.next(Long.MAX_VALUE)) {
          throw CsvLoader.emptyFile(file);
        }
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < header.fieldCount(); i++) {
          fields.add(header.strictText(i));
        }
        columnNames = CsvLoader.checkHeader(file, fields, destination.schema());
        dataStart = header.offset();
        dataLine = header.nextLine();
      }
      long dataBytes = fileSize - dataStart;
      long perRange = rangeBytes > 0 ? rangeBytes : automaticRangeBytes(dataBytes);
      int rangeCount = (int) Math.max(1, Math.min(1 << 20, dataBytes / perRange));
      step = Math.max(1, dataBytes / rangeCount);
      List<Parsed> parsed = new ArrayList<>();
      ExecutorService workers = rangeCount > 1 && threads > 1 ? newWorkers() : null;
      List<Future<Parsed>> futures = new ArrayList<>();
      try {
        for (int i = 0; i < rangeCount && workers != null; i++) {
          long nominalStart = dataStart + i * step;
          long nominalEnd = end(dataStart, i, rangeCount);
          long firstLine = i == 0 ? dataLine : 1;
          boolean knownStart = i == 0;
          futures.add(
              workers.submit(() -> speculate(nominalStart, nominalEnd, knownStart, firstLine)));
        }
        long start = dataStart;
        long line = dataLine;
        for (int i = 0; i < rangeCount; i++) {
          Parsed range = workers == null ? null : await(futures.get(i));
          if (range == null || range.error() != null || range.start() != start) {
            if (range != null) {
              range.close();
            }
            range = parse(start, end(dataStart, i, rangeCount), line, 0);
          }
          parsed.add(range);
          start = range.end();
          line += range.lineBreaks();
          progress.set(start);
        }
        return assemble(parsed);
      } finally {
        failed.set(true);
        if (workers != null) {
          stop(workers, futures.subList(parsed.size(), futures.size()));
        }
        parsed.forEach(Parsed::close);
      }
    }

    private long end(long dataStart, int range, int rangeCount) {
      return range == rangeCount - 1 ? Long.MAX_VALUE : dataStart + (range + 1) * step;
    }

    /**
     * Parses a range from the first line start at or after its nominal start, keeping any error for
     * the check in file order. Only the first range has a known first line, so the others count
     * their lines from 1 until the check.
     */
    private Parsed speculate(
        long nominalStart, long nominalEnd, boolean knownStart, long firstLine) {
      long start = nominalStart;
      if (failed.get()) {
        return new Parsed(start, start, 0, null, new IllegalStateException("load failed"));
      }
      try {
        if (!knownStart) {
          start = CsvRangeReader.lineStartAtOrAfter(channel, fileSize, nominalStart);
        }
        // A wrong guess may read a quoted field to the end of the file, so its buffer is bounded.
        int maxBuffer = (int) Math.min(Integer.MAX_VALUE / 2, 4 * step + (16 << 20));
        return parse(start, nominalEnd, firstLine, maxBuffer);
      } catch (IOException e) {
        return new Parsed(start, start, 0, null, new UncheckedIOException(e));
      } catch (RuntimeException e) {
        return new Parsed(start, start, 0, null, e);
      }
    }

    /** Parses the records that start in [start, end) into a table of their own. */
    private Parsed parse(long start, long end, long firstLine, int maxBuffer) throws IOException {
      CsvRangeReader reader = reader(start, end, firstLine, maxBuffer);
      try (TableBuilder builder =
          new TableBuilder(
              destination.name(),
              destination.schema(),
              destination.dictionaries(),
              destination.allocator(),
              options.chunkRows())) {
        CsvRecordAppender appender = new CsvRecordAppender(builder, file, options);
        int records = 0;
        while (reader.next(end)) {
          appender.append(reader);
          if (++records % RECORDS_PER_CHECK == 0 && failed.get()) {
            throw new IllegalStateException("the load of " + file + " has already failed");
          }
        }
        Table table = builder.build();
        return new Parsed(start, reader.offset(), reader.nextLine() - firstLine, table, null);
      }
    }

    private CsvRangeReader reader(long offset, long end, long firstLine, int maxBuffer) {
      CsvRangeReader reader =
          new CsvRangeReader(
              channel,
              fileSize,
              options.delimiter(),
              file.toString(),
              offset,
              firstLine,
              // A range reads somewhat past its end to finish its last record.
              Math.min(end, fileSize) - offset + 4096,
              maxBuffer);
      reader.setColumnNames(columnNames);
      return reader;
    }

    private Table assemble(List<Parsed> parsed) {
      List<Chunk> chunks = new ArrayList<>();
      for (Parsed range : parsed) {
        for (Chunk chunk : range.table().chunks()) {
          chunks.add(chunk.retain());
        }
      }
      return new Table(
          destination.name(), destination.schema(), chunks, destination.dictionaries());
    }

    private ExecutorService newWorkers() {
      return Executors.newFixedThreadPool(
          threads,
          task -> {
            Thread thread = new Thread(task, "warp-csv-range");
            thread.setDaemon(true);
            return thread;
          });
    }

    private Parsed await(Future<Parsed> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WarpException(ErrorCode.QUERY_CANCELED, "the load of " + file + " was canceled");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("a CSV range task failed", e.getCause());
      }
    }

    /**
     * Stops the workers, waiting for the ranges in progress to notice the failed flag, and frees
     * the ranges that the load did not take.
     */
    private void stop(ExecutorService workers, List<Future<Parsed>> untaken) {
      workers.shutdown();
      boolean interrupted = false;
      for (Future<Parsed> future : untaken) {
        while (true) {
          try {
            future.get().close();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            break;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
