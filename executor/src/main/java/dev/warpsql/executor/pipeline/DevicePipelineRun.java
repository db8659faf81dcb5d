package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.device.ResidencyManager;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.CpuKernel;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.cuda.ColumnUpload;
import dev.warpsql.kernels.cuda.DeviceColumn;
import dev.warpsql.kernels.cuda.DeviceCopies;
import dev.warpsql.kernels.cuda.DeviceException;
import dev.warpsql.kernels.cuda.DeviceKernelRunner;
import dev.warpsql.kernels.cuda.DeviceMemoryOwner;
import dev.warpsql.kernels.cuda.JoinPass;
import dev.warpsql.kernels.cuda.LoadedKernel;
import dev.warpsql.kernels.cuda.ModuleCache;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.KernelProgram;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link KernelStep}'s pipeline on a device: one launch of its PTX per batch of input
 * chunks, through a {@link DeviceKernelRunner}. The chunks of a table are read through the
 * residency manager, so they stay on the device for later queries. The chunks of an intermediate
 * result are read from the device copies that the pipeline which produced them kept, or else
 * uploaded for this run only. The result is one chunk per batch that kept rows, or one chunk of
 * merged groups; when a later pipeline or hash build reads it, a materialized result keeps device
 * copies of its vectors ({@link Batch#deviceCopies()}).
 *
 * <p>When the hash tables of the pipeline's probes do not fit in device memory, the run splits its
 * largest build side into partitions ({@link BuildPartitions}) and runs once per partition.
 *
 * <p>{@link #run} returns null when the device cannot run the pipeline, after recording why, and
 * the caller runs it on the CPU. Data errors raise the CPU backend's {@code KernelException}; other
 * device failures raise {@link ErrorCode#DEVICE_FAILED}.
 *
 * <p>Memory: everything this run allocates on the device is charged to an owner named after the
 * pipeline and freed before {@link #run} returns; a buffer left behind fails the run.
 */
final class DevicePipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(DevicePipelineRun.class);

  /** Maximum chunks that one launch reads. */
  static final int BATCH_CHUNKS = 64;

  /**
   * Maximum rows that one launch reads: 16 chunks of the default size. A group table with room for
   * a new group per row then has at most 4M slots.
   */
  static final long BATCH_ROWS = 1 << 20;

  /**
   * Most bits by which a build side that does not fit is partitioned: 64 passes over the probe
   * side, past which the pipeline runs on the CPU.
   */
  static final int MAX_PARTITION_BITS = 6;

  private final DeviceRuntime device;
  private final CpuKernel kernel;
  private final KernelProgram program;
  private final int[] inputColumns;
  private final ExecutionContext context;
  private final boolean keepOutputCopies;

  /**
   * @param keepOutputCopies whether a materialized result keeps device copies of its vectors,
   *     because a later pipeline or hash build reads it
   */
  DevicePipelineRun(
      DeviceRuntime device,
      CpuKernel kernel,
      int[] inputColumns,
      ExecutionContext context,
      boolean keepOutputCopies) {
    this.device = device;
    this.kernel = kernel;
    this.program = kernel.program();
    this.inputColumns = inputColumns;
    this.context = context;
    this.keepOutputCopies = keepOutputCopies;
  }

  /**
   * Per-execution inputs that every chunk shares.
   *
   * @param buildCopies device copies of build-side vectors, which hash builds read in place
   */
  record Shared(
      Object[] params,
      LookupTable[] lookups,
      JoinBuildSide[] buildSides,
      List<DeviceCopies> buildCopies) {
    Shared(Object[] params, LookupTable[] lookups, JoinBuildSide[] buildSides) {
      this(params, lookups, buildSides, List.of());
    }
  }

  /**
   * Runs the pipeline over {@code chunks} of {@code source} and returns the batch of {@code
   * columns}, or null when it must run on the CPU instead.
   */
  Batch run(Batch source, List<BatchChunk> chunks, List<BatchColumn> columns, Shared shared) {
    ModuleCache.Emission emission = device.modules().emit(program);
    if (!emission.emitted()) {
      return fallBack(emission.rejection());
    }
    try {
      Batch result = launchAll(source, chunks, columns, shared);
      context.deviceUsage().ranOnDevice();
      device.recordDeviceRun();
      return result;
    } catch (DeviceException e) {
      if (e.kind() == DeviceException.Kind.OUT_OF_MEMORY) {
        return fallBack("out of device memory: " + e.getMessage());
      }
      if (e.kind() == DeviceException.Kind.GROUP_TABLE_OVERFLOW) {
        return fallBack("the device group table overflowed: " + e.getMessage());
      }
      throw new WarpException(
          ErrorCode.DEVICE_FAILED,
          "pipeline "
              + program.name()
              + " failed on device "
              + device.name()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private Batch fallBack(String reason) {
    context.deviceUsage().fellBack(program.name(), reason);
    device.recordFallback(program.name(), reason);
    return null;
  }

  private Batch launchAll(
      Batch source, List<BatchChunk> chunks, List<BatchColumn> columns, Shared shared) {
    Inputs inputs = new Inputs(!source.ownsVectors(), source.deviceCopies());
    int bits = 0;
    while (true) {
      try {
        return launchPasses(chunks, columns, shared, inputs, bits);
      } catch (TablesDoNotFit e) {
        if (largestBuildSide(shared.buildSides()) < 0 || bits == MAX_PARTITION_BITS) {
          throw e.failure();
        }
        bits++;
        LOG.info(
            "The hash tables of pipeline {} do not fit on {} ({}); running it in {} passes over"
                + " partitions of its largest build side",
            program.name(),
            device.name(),
            e.failure().getMessage(),
            1 << bits);
      }
    }
  }

  /**
   * Runs the pipeline once per partition of its largest build side, {@code 2^bits} times, or once
   * over whole build sides when {@code bits} is 0.
   */
  private Batch launchPasses(
      List<BatchChunk> chunks, List<BatchColumn> columns, Shared shared, Inputs inputs, int bits) {
    int table = bits == 0 ? -1 : largestBuildSide(shared.buildSides());
    try (BuildPartitions partitions =
            bits == 0
                ? null
                : BuildPartitions.split(shared.buildSides()[table], bits, context.allocator());
        DeviceMemoryOwner memory = device.pool().newOwner("pipeline " + program.name());
        LoadedKernel loaded = device.modules().acquire(program)) {
      Passes passes = new Passes(memory, loaded, shared, table, bits, partitions);
      if (program.sink() instanceof AggregateSink sink) {
        return aggregate(passes, sink, chunks, columns, shared, inputs);
      }
      return materialize(passes, chunks, columns, shared, inputs);
    }
  }

  /** Returns the index of the build side with the most rows, or -1 without build sides. */
  private static int largestBuildSide(JoinBuildSide[] sides) {
    int largest = -1;
    for (int i = 0; sides != null && i < sides.length; i++) {
      if (sides[i] != null && (largest < 0 || sides[i].rowCount() > sides[largest].rowCount())) {
        largest = i;
      }
    }
    return largest;
  }

  /** Raised when a pass's hash tables do not fit in device memory, so the run can partition. */
  private static final class TablesDoNotFit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TablesDoNotFit(DeviceException failure) {
      super(failure.getMessage(), failure);
    }

    DeviceException failure() {
      return (DeviceException) getCause();
    }
  }

  /** The passes of one run: a runner per pass, with the build rows of that pass's partition. */
  private final class Passes {
    private final DeviceMemoryOwner memory;
    private final LoadedKernel loaded;
    private final Shared shared;
    private final int table;
    private final int bits;
    private final BuildPartitions partitions;

    Passes(
        DeviceMemoryOwner memory,
        LoadedKernel loaded,
        Shared shared,
        int table,
        int bits,
        BuildPartitions partitions) {
      this.memory = memory;
      this.loaded = loaded;
      this.shared = shared;
      this.table = table;
      this.bits = bits;
      this.partitions = partitions;
    }

    int count() {
      return 1 << bits;
    }

    DeviceMemoryOwner memory() {
      return memory;
    }

    /** Returns the runner of pass {@code pass}, whose construction builds its hash tables. */
    DeviceKernelRunner open(int pass) {
      JoinBuildSide[] sides = shared.buildSides();
      JoinPass joinPass = JoinPass.WHOLE;
      if (partitions != null) {
        sides = sides.clone();
        sides[table] = partitions.sides().get(pass);
        joinPass = JoinPass.of(table, bits, pass);
      }
      try {
        return new DeviceKernelRunner(
            device.api(),
            memory,
            device.modules(),
            loaded,
            program,
            device.name(),
            shared.params(),
            shared.lookups(),
            sides,
            joinPass,
            shared.buildCopies());
      } catch (DeviceException e) {
        if (e.kind() == DeviceException.Kind.OUT_OF_MEMORY && program.probes().size() > 0) {
          throw new TablesDoNotFit(e);
        }
        throw e;
      }
    }
  }

  private Batch materialize(
      Passes passes,
      List<BatchChunk> chunks,
      List<BatchColumn> columns,
      Shared shared,
      Inputs inputs) {
    List<BatchChunk> result = new ArrayList<>();
    DeviceCopies copies =
        keepOutputCopies
            ? new DeviceCopies(
                device.api(), device.pool(), "device copy of pipeline " + program.name())
            : null;
    try {
      for (int pass = 0; pass < passes.count(); pass++) {
        try (DeviceKernelRunner runner = passes.open(pass)) {
          // TODO: batches are copied and launched one after another with synchronous copies, so a
          // GPU idles during transfers. Copying the next batch on a second stream would hide them.
          forEachBatch(
              chunks,
              passes.memory(),
              shared,
              inputs,
              (batchInputs, rows) -> {
                List<FieldVector> vectors = outputVectors(columns);
                try {
                  int emitted = runner.materialize(batchInputs, rows, vectors, copies);
                  if (emitted > 0 || result.isEmpty()) {
                    result.add(new BatchChunk(emitted, vectors, null));
                  } else {
                    vectors.forEach(vector -> closeWithCopy(vector, copies));
                  }
                } catch (RuntimeException e) {
                  vectors.forEach(vector -> closeWithCopy(vector, copies));
                  throw e;
                }
              });
        }
      }
    } catch (RuntimeException e) {
      result.forEach(chunk -> chunk.vectors().forEach(FieldVector::close));
      if (copies != null) {
        copies.close();
      }
      throw e;
    }
    if (copies == null || copies.size() == 0) {
      if (copies != null) {
        copies.close();
      }
      return new Batch(columns, result, true);
    }
    return Batch.withDeviceCopies(columns, result, copies);
  }

  private static void closeWithCopy(FieldVector vector, DeviceCopies copies) {
    if (copies != null) {
      copies.remove(vector);
    }
    vector.close();
  }

  private Batch aggregate(
      Passes passes,
      AggregateSink sink,
      List<BatchChunk> chunks,
      List<BatchColumn> columns,
      Shared shared,
      Inputs inputs) {
    try (AggregationTable merged = new AggregationTable(sink)) {
      long maxGroups =
          sink.groupKeys().isEmpty()
              ? 0
              : GroupKeyRanges.maxGroups(GroupKeyRanges.of(sink, inputColumns, columns, chunks));
      for (int pass = 0; pass < passes.count(); pass++) {
        try (DeviceKernelRunner runner = passes.open(pass)) {
          if (maxGroups > 0) {
            runner.expectGroups(maxGroups);
          }
          forEachBatch(
              chunks,
              passes.memory(),
              shared,
              inputs,
              (batchInputs, rows) -> runner.aggregate(batchInputs, rows, merged));
          runner.finishAggregate(merged);
        }
      }
      List<String> names = columns.stream().map(BatchColumn::name).toList();
      List<FieldVector> vectors = merged.toVectors(context.allocator(), names);
      int rows = vectors.isEmpty() ? merged.groupCount() : vectors.get(0).getValueCount();
      return new Batch(columns, List.of(new BatchChunk(rows, vectors, null)), true);
    }
  }

  /** One launch over a batch of chunks: their device columns and row counts. */
  private interface BatchLaunch {
    void launch(List<List<DeviceColumn>> inputs, int[] rows);
  }

  /**
   * Puts the chunks on the device in batches of at most {@link #BATCH_CHUNKS} chunks and {@link
   * #BATCH_ROWS} rows, runs {@code launch} on each, then releases the batch's device columns. A
   * launch may still run then: memory that a release frees is reused only by later copies, which
   * the driver orders after it.
   */
  // NOTE: that ordering holds because JCudaDevice copies on the legacy default stream and launches
  // on a blocking stream, and because the pool's cuMemFree of an emptied block waits for running
  // kernels. Neither has been checked on a GPU; per-thread default streams would break the first.
  private void forEachBatch(
      List<BatchChunk> chunks,
      DeviceMemoryOwner memory,
      Shared shared,
      Inputs inputs,
      BatchLaunch launch) {
    List<ChunkInputs> batch = new ArrayList<>();
    List<Integer> batchRows = new ArrayList<>();
    long rowsInBatch = 0;
    try {
      for (BatchChunk chunk : chunks) {
        context.checkCanceled();
        boolean full = batch.size() == BATCH_CHUNKS || rowsInBatch + chunk.rowCount() > BATCH_ROWS;
        if (!batch.isEmpty() && full) {
          launchBatch(batch, batchRows, launch);
          rowsInBatch = 0;
        }
        batch.add(upload(chunk, memory, shared, inputs));
        batchRows.add(chunk.rowCount());
        rowsInBatch += chunk.rowCount();
      }
      if (!batch.isEmpty()) {
        launchBatch(batch, batchRows, launch);
      }
    } finally {
      batch.forEach(ChunkInputs::close);
    }
  }

  private static void launchBatch(
      List<ChunkInputs> batch, List<Integer> batchRows, BatchLaunch launch) {
    List<List<DeviceColumn>> columns = new ArrayList<>();
    for (ChunkInputs inputs : batch) {
      columns.add(inputs.columns());
    }
    int[] rows = batchRows.stream().mapToInt(Integer::intValue).toArray();
    try {
      launch.launch(columns, rows);
    } finally {
      batch.forEach(ChunkInputs::close);
      batch.clear();
      batchRows.clear();
    }
  }

  private List<FieldVector> outputVectors(List<BatchColumn> columns) {
    List<FieldVector> vectors = new ArrayList<>(columns.size());
    for (BatchColumn column : columns) {
      long dictionaryId = column.dictionary() == null ? 0 : column.dictionary().id();
      vectors.add(
          ArrowColumns.createVector(
              column.name(), column.type(), column.nullable(), dictionaryId, context.allocator()));
    }
    return vectors;
  }

  /**
   * The sources of the input chunks' device columns.
   *
   * @param resident whether the chunks are a table's, which the residency manager keeps
   * @param copies device copies of an intermediate result's vectors, or null
   */
  private record Inputs(boolean resident, DeviceCopies copies) {}

  /**
   * Checks a chunk's arguments as the CPU kernel would, then puts its input columns on the device:
   * resident chunks through the residency manager, vectors with a device copy from that copy, and
   * others as uploads charged to {@code memory}.
   */
  private ChunkInputs upload(
      BatchChunk chunk, DeviceMemoryOwner memory, Shared shared, Inputs sources) {
    List<FieldVector> vectors = new ArrayList<>(inputColumns.length);
    for (int column : inputColumns) {
      vectors.add(chunk.vectors().get(column));
    }
    KernelArguments arguments =
        new KernelArguments(vectors, shared.params(), shared.lookups(), shared.buildSides());
    kernel.checkArguments(arguments, 0, chunk.rowCount());

    ChunkInputs inputs = new ChunkInputs();
    try {
      for (int i = 0; i < vectors.size(); i++) {
        KernelProgram.InputColumn input = program.inputs().get(i);
        DeviceColumn copy =
            sources.copies() == null
                ? null
                : sources.copies().column(vectors.get(i), input.nullable());
        if (copy != null) {
          inputs.add(() -> {}, copy);
        } else if (sources.resident()) {
          ResidencyManager.Lease lease =
              device
                  .residency()
                  .acquire(vectors.get(i), input.type(), input.nullable(), chunk.rowCount());
          inputs.add(lease, lease.column());
        } else {
          ColumnUpload upload =
              ColumnUpload.upload(
                  device.api(),
                  memory,
                  "in" + i,
                  vectors.get(i),
                  input.type(),
                  input.nullable(),
                  chunk.rowCount());
          inputs.add(upload, upload.column());
        }
      }
    } catch (RuntimeException e) {
      inputs.close();
      throw e;
    }
    return inputs;
  }

  /** The device columns of one chunk, and what releases them. */
  private static final class ChunkInputs implements AutoCloseable {
    private final List<AutoCloseable> releases = new ArrayList<>();
    private final List<DeviceColumn> columns = new ArrayList<>();

    void add(AutoCloseable release, DeviceColumn column) {
      releases.add(release);
      columns.add(column);
    }

    List<DeviceColumn> columns() {
      return columns;
    }

    @Override
    public void close() {
      for (AutoCloseable release : releases) {
        try {
          release.close();
        } catch (Exception e) {
          throw new IllegalStateException("failed to release a device column", e);
        }
      }
      releases.clear();
    }
  }
}
