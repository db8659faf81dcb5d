package dev.warpsql.executor.load;

import dev.warpsql.executor.catalog.CatalogSchema;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import io.trino.tpch.TpchEntity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates the eight TPC-H tables with the {@code io.trino.tpch} generator, straight into WarpSQL
 * tables with lower-case TPC-H names ({@code lineitem}, {@code l_orderkey}, ...).
 *
 * <p>The tables are generated in parallel, one thread per table, so the time is about that of
 * {@code lineitem} alone. Loading is all or nothing: when any table fails, or a table name is
 * already taken, no table is added and every vector is freed.
 */
public final class TpchLoader {
  private static final Logger LOG = LoggerFactory.getLogger(TpchLoader.class);

  /** Rows between two checks whether another table failed and generation should stop. */
  private static final int STOP_CHECK_ROWS = 8192;

  private TpchLoader() {}

  /**
   * Generates all TPC-H tables at the given scale factor, with {@link
   * TableBuilder#DEFAULT_CHUNK_ROWS} rows per chunk, and adds them to the schema.
   *
   * @return the added tables, smallest first, owned by the schema
   */
  public static List<Table> load(
      CatalogSchema schema, double scaleFactor, BufferAllocator allocator) {
    return load(schema, scaleFactor, allocator, TableBuilder.DEFAULT_CHUNK_ROWS);
  }

  /**
   * Generates all TPC-H tables at the given scale factor and adds them to the schema.
   *
   * @return the added tables, smallest first, owned by the schema
   */
  public static List<Table> load(
      CatalogSchema schema, double scaleFactor, BufferAllocator allocator, int chunkRows) {
    Objects.requireNonNull(schema, "schema");
    for (TpchTableSpec<?> spec : TpchTableSpec.ALL) {
      if (schema.table(spec.name()) != null) {
        throw duplicate(schema, spec.name());
      }
    }
    List<Table> tables = generate(scaleFactor, allocator, chunkRows);
    try {
      schema.addTables(tables);
    } catch (RuntimeException e) {
      closeAll(tables, e);
      throw e;
    }
    return tables;
  }

  /**
   * Generates all TPC-H tables at the given scale factor without adding them anywhere.
   *
   * @return the tables, smallest first, owned by the caller
   */
  public static List<Table> generate(double scaleFactor, BufferAllocator allocator, int chunkRows) {
    Objects.requireNonNull(allocator, "allocator");
    if (!(scaleFactor > 0) || Double.isInfinite(scaleFactor)) {
      throw new WarpException(
          ErrorCode.VALIDATION_ERROR,
          "invalid TPC-H scale factor "
              + scaleFactor
              + ": it must be a positive number, such as 0.01 or 1.");
    }
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
    }
    long start = System.nanoTime();
    List<TpchTableSpec<?>> specs = TpchTableSpec.ALL;
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService executor = Executors.newFixedThreadPool(threadCount(specs), daemonThreads());
    try {
      // Submit the largest tables (last in the list) first so that they start first.
      List<Future<Table>> futures = new ArrayList<>(Collections.nCopies(specs.size(), null));
      for (int i = specs.size() - 1; i >= 0; i--) {
        TpchTableSpec<?> spec = specs.get(i);
        futures.set(
            i, executor.submit(() -> generateTable(spec, scaleFactor, allocator, chunkRows, stop)));
      }
      List<Table> tables = collect(futures, stop);
      LOG.info(
          "Generated TPC-H scale factor {} ({} lineitem rows) in {} ms",
          scaleFactor,
          tables.get(tables.size() - 1).rowCount(),
          (System.nanoTime() - start) / 1_000_000);
      return tables;
    } finally {
      executor.shutdown();
    }
  }

  private static <E extends TpchEntity> Table generateTable(
      TpchTableSpec<E> spec,
      double scaleFactor,
      BufferAllocator allocator,
      int chunkRows,
      AtomicBoolean stop) {
    try (TableBuilder builder =
        new TableBuilder(spec.name(), spec.schema(), allocator, chunkRows)) {
      long rows = 0;
      // NOTE: one thread generates and builds each table, so lineitem, about 70% of all rows,
      // bounds the load time. Splitting it needs generator parts that share dictionaries.
      for (E row : spec.rows(scaleFactor, 1, 1)) {
        spec.append(builder, row);
        if (++rows % STOP_CHECK_ROWS == 0 && stop.get()) {
          throw new StoppedException();
        }
      }
      return builder.build();
    } catch (RuntimeException e) {
      stop.set(true);
      throw e;
    }
  }

  /**
   * Waits for every table, and on any failure frees the tables that did succeed and raises. An
   * interrupt stops the other tables early, but this still waits for every generating thread to
   * finish, so that none of them allocates after the caller frees the allocator.
   */
  private static List<Table> collect(List<Future<Table>> futures, AtomicBoolean stop) {
    List<Table> tables = new ArrayList<>(futures.size());
    RuntimeException failure = null;
    boolean interrupted = false;
    for (Future<Table> future : futures) {
      while (true) {
        try {
          tables.add(future.get());
          break;
        } catch (InterruptedException e) {
          if (!interrupted) {
            interrupted = true;
            stop.set(true);
            failure =
                firstOf(
                    failure,
                    new WarpException(
                        ErrorCode.QUERY_CANCELED, "TPC-H generation was interrupted", e));
          }
        } catch (ExecutionException e) {
          // A stopped table only follows another failure, which is the one to report.
          if (!(e.getCause() instanceof StoppedException)) {
            failure = firstOf(failure, translate(e.getCause()));
          }
          break;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      closeAll(tables, failure);
      throw failure;
    }
    return tables;
  }

  private static RuntimeException firstOf(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  private static RuntimeException translate(Throwable cause) {
    if (cause instanceof WarpException warp) {
      return warp;
    }
    if (cause instanceof OutOfMemoryException) {
      return new WarpException(
          ErrorCode.OUT_OF_MEMORY,
          "not enough memory to generate the TPC-H tables. Choose a smaller scale factor or "
              + "raise the memory limit.",
          cause);
    }
    return new WarpException(ErrorCode.INTERNAL_ERROR, "TPC-H generation failed: " + cause, cause);
  }

  private static void closeAll(List<Table> tables, RuntimeException failure) {
    for (Table table : tables) {
      try {
        table.close();
      } catch (RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static WarpException duplicate(CatalogSchema schema, String tableName) {
    return new WarpException(
        ErrorCode.DUPLICATE_TABLE,
        "cannot load TPC-H: table \""
            + tableName
            + "\" already exists in schema \""
            + schema.name()
            + "\". Drop the TPC-H tables first or load into another schema.");
  }

  private static int threadCount(List<TpchTableSpec<?>> specs) {
    return Math.max(1, Math.min(specs.size(), Runtime.getRuntime().availableProcessors()));
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "tpch-generate-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Ends the generation of one table because another table failed or the caller was interrupted.
   */
  private static final class StoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoppedException() {
      super("TPC-H generation stopped after another failure", null, false, false);
    }
  }
}
