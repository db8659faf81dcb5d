package dev.warpsql.kernels.cuda;

import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptx.PtxEmitter;
import dev.warpsql.kernels.ptx.PtxErrors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Runs one pipeline's PTX kernel on a device, one launch per batch of input chunks, with the kernel
 * arguments laid out as the {@code ptx} package documentation specifies. Construction uploads what
 * every launch shares (lookup tables, the build columns of probes) and builds the probes' hash
 * tables on the device. Each {@link #materialize} call uploads the batch's chunk table, allocates
 * output buffers, launches over the chunks' device columns, reads the error record and decodes the
 * rows. {@link #aggregate} launches into a group table that stays on the device across chunks,
 * without waiting for each launch, and {@link #finishAggregate} copies its groups back.
 *
 * <p>A data error in the error record becomes the {@link KernelException} that the CPU backend
 * raises for it. A full output is retried with room for the counted rows.
 *
 * <p>Memory: every device buffer is charged to the owner given at construction. Output buffers of
 * one launch are freed before the call returns; {@link #close()} frees the shared ones and the
 * group table. Not thread-safe: one execution of a pipeline uses one runner.
 */
public final class DeviceKernelRunner implements AutoCloseable {
  /**
   * Error record (16 bytes), the materialize sink's row counter at offset 16 and the aggregate
   * sink's group counter at offset 24. A materializing launch zeroes what comes before the group
   * counter. Aggregating launches keep the first error of all of them, which each wait reads.
   */
  private static final int CONTROL_BYTES = 32;

  private static final int COUNTER_OFFSET = 16;

  private static final int GROUPS_OFFSET = 24;

  private final DeviceApi device;
  private final DeviceMemoryOwner memory;
  private final LoadedKernel kernel;
  private final KernelProgram program;
  private final Object[] params;
  private final String deviceName;
  private final List<AutoCloseable> shared = new ArrayList<>();
  private final LookupTable[] lookups;
  private final long[][] lookupAddresses;
  private final int[] lookupSizes;
  private final ProbeBinding[] probes;
  private final List<DeviceCopies> buildCopies;
  private final DeviceBuffer control;
  private final ByteBuffer controlCopy;
  private AggregateSinkBuffers groups;
  private long maxGroups = Long.MAX_VALUE;
  private final List<DeviceBuffer> unsettledTables = new ArrayList<>();
  private long unsettledLaunches;
  private long unsettledRows;
  private long settles;
  private int outputRowsHint;
  private long launches;

  /** The device arrays of one probe stage, and the partition of its build side that they hold. */
  private record ProbeBinding(
      int slotMask,
      int partitionShift,
      int partition,
      long slotRows,
      long slotKeys,
      long slotHashes,
      long next,
      List<DeviceColumn> columns) {}

  /**
   * @param modules where the kernels that build join hash tables come from
   * @param deviceName the device as error messages name it, such as {@code gpu}
   * @param params parameter values in the physical representation of {@code Literal}, checked by
   *     the CPU kernel's argument checks
   * @param buildSides one build side per {@code ProbeStage.table()} index, whose hash tables are
   *     built on the device
   */
  public DeviceKernelRunner(
      DeviceApi device,
      DeviceMemoryOwner memory,
      ModuleCache modules,
      LoadedKernel kernel,
      KernelProgram program,
      String deviceName,
      Object[] params,
      LookupTable[] lookups,
      JoinBuildSide[] buildSides) {
    this(
        device,
        memory,
        modules,
        kernel,
        program,
        deviceName,
        params,
        lookups,
        buildSides,
        JoinPass.WHOLE,
        List.of());
  }

  /**
   * Returns a runner for {@code pass}. For a pass of a partitioned join, {@code buildSides} holds,
   * at {@code pass.table()}, the build rows of the pass's partition only. Hash builds read
   * build-side vectors from {@code buildCopies} where those have a copy, instead of copying them to
   * the device.
   */
  public DeviceKernelRunner(
      DeviceApi device,
      DeviceMemoryOwner memory,
      ModuleCache modules,
      LoadedKernel kernel,
      KernelProgram program,
      String deviceName,
      Object[] params,
      LookupTable[] lookups,
      JoinBuildSide[] buildSides,
      JoinPass pass,
      List<DeviceCopies> buildCopies) {
    this.buildCopies = List.copyOf(buildCopies);
    this.device = Objects.requireNonNull(device, "device");
    this.memory = Objects.requireNonNull(memory, "memory");
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.program = Objects.requireNonNull(program, "program");
    this.deviceName = deviceName;
    this.params = params == null ? new Object[0] : params.clone();
    this.lookups = lookups == null ? new LookupTable[0] : lookups.clone();
    this.lookupAddresses = new long[program.lookupTables()][];
    this.lookupSizes = new int[program.lookupTables()];
    this.probes = new ProbeBinding[program.probes().size()];
    try {
      this.control = memory.allocate("error record and row counter", CONTROL_BYTES);
      shared.add(control);
      // The control record is read after every launch, so it comes back through pinned memory,
      // which the driver copies into without staging.
      ByteBuffer pinned = device.allocatePinned(CONTROL_BYTES);
      shared.add(() -> device.freePinned(pinned));
      this.controlCopy = pinned.order(ByteOrder.LITTLE_ENDIAN);
      uploadLookups(lookups);
      buildProbeTables(
          Objects.requireNonNull(modules, "modules"),
          buildSides,
          Objects.requireNonNull(pass, "pass"));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Returns how many kernels this runner launched, counting retries. */
  public long launches() {
    return launches;
  }

  /**
   * Runs a materializing kernel over {@code rows} input rows and fills {@code outputs}, empty
   * vectors of the sink's output types, with the rows it emits. Returns the row count.
   *
   * @throws KernelException for a data error, as the CPU backend raises it
   */
  public int materialize(List<DeviceColumn> inputs, int rows, List<FieldVector> outputs) {
    return materialize(List.of(inputs), new int[] {rows}, outputs);
  }

  /**
   * Runs a materializing kernel over several chunks in one launch and fills {@code outputs} with
   * the rows that all of them emit, in no particular order. {@code chunks.get(c)} are the device
   * columns of chunk {@code c}, which has {@code rows[c]} rows. Waits for the launch.
   *
   * @throws KernelException for a data error, as the CPU backend raises it
   */
  public int materialize(List<List<DeviceColumn>> chunks, int[] rows, List<FieldVector> outputs) {
    return materialize(chunks, rows, outputs, null);
  }

  /**
   * Runs a materializing kernel as {@link #materialize(List, int[], List)} does and, unless {@code
   * keep} is null, also keeps a device copy of every output vector in {@code keep}.
   */
  public int materialize(
      List<List<DeviceColumn>> chunks, int[] rows, List<FieldVector> outputs, DeviceCopies keep) {
    MaterializeSink sink = (MaterializeSink) program.sink();
    ChunkRows sizes = ChunkRows.of(chunks, rows);
    int totalRows = Math.toIntExact(sizes.total());
    boolean capped = hasOutputCapacity(program);
    int capacity = capped ? Math.max(totalRows, outputRowsHint) : totalRows;
    while (true) {
      try (DeviceBuffer table = uploadChunkTable(chunks, rows);
          MaterializeSinkBuffers buffers =
              new MaterializeSinkBuffers(device, memory, sink, capacity)) {
        KernelParameterBuffer parameters = bindCommon();
        parameters.setLong("chunk_count", chunks.size());
        parameters.setLong("chunk_table", table.address());
        parameters.setLong("out_count", control.address() + COUNTER_OFFSET);
        if (capped) {
          parameters.setLong("out_capacity", buffers.capacity());
        }
        buffers.bind(parameters);
        launch(parameters, sizes.largest());
        int code = controlCopy.getInt(0);
        long counted = controlCopy.getInt(COUNTER_OFFSET) & 0xFFFFFFFFL;
        if (code == PtxErrors.OUTPUT_FULL && capped) {
          capacity = Math.toIntExact(counted);
          outputRowsHint = capacity;
          continue;
        }
        checkError(code);
        buffers.read((int) counted, outputs);
        if (keep != null) {
          keepCopies(buffers, (int) counted, outputs, keep);
        }
        return (int) counted;
      }
    }
  }

  /**
   * Copies each output into {@code keep}. An output without room for its copy stays on the host
   * only, so a reader copies it to the device again, as it would without copies.
   */
  private static void keepCopies(
      MaterializeSinkBuffers buffers, int rows, List<FieldVector> outputs, DeviceCopies keep) {
    for (int i = 0; i < outputs.size(); i++) {
      try {
        keep.put(outputs.get(i), buffers.copyOnDevice(i, rows, keep.owner()));
      } catch (DeviceException e) {
        if (e.kind() != DeviceException.Kind.OUT_OF_MEMORY) {
          throw e;
        }
        return;
      }
    }
  }

  /** The row counts of a launch's chunks: their sum and the largest. */
  private record ChunkRows(long total, int largest) {
    static ChunkRows of(List<List<DeviceColumn>> chunks, int[] rows) {
      if (chunks.isEmpty() || chunks.size() != rows.length) {
        throw new IllegalArgumentException(
            "expected one row count per chunk and at least one chunk, got "
                + chunks.size()
                + " chunks and "
                + rows.length
                + " row counts");
      }
      long total = 0;
      int largest = 0;
      for (int chunkRows : rows) {
        total += chunkRows;
        largest = Math.max(largest, chunkRows);
      }
      return new ChunkRows(total, largest);
    }
  }

  /**
   * Runs an aggregating kernel over {@code rows} input rows. The groups stay on the device for the
   * next chunk; when they might not have room for this chunk's rows, the groups so far are merged
   * into {@code into} first. {@link #finishAggregate} merges the rest.
   *
   * <p>The launch is not waited for. The host waits only when the groups might not have room, that
   * is when the group count at the last wait plus every row launched since and this chunk's rows
   * exceed the table, and at the end. A data error therefore surfaces from a later call.
   *
   * @throws KernelException for a data error, as the CPU backend raises it
   */
  public void aggregate(List<DeviceColumn> inputs, int rows, AggregationTable into) {
    aggregate(List.of(inputs), new int[] {rows}, into);
  }

  /**
   * Runs an aggregating kernel over several chunks in one launch, as {@link #aggregate(List, int,
   * AggregationTable)} does over one: {@code chunks.get(c)} are the device columns of chunk {@code
   * c}, which has {@code rows[c]} rows. The columns must stay on the device until the launches are
   * waited for, or be freed only into memory that later copies, which wait for the launches, reuse.
   */
  public void aggregate(List<List<DeviceColumn>> chunks, int[] rows, AggregationTable into) {
    ChunkRows sizes = ChunkRows.of(chunks, rows);
    long totalRows = sizes.total();
    if (groups == null) {
      device.fillZero(control.address(), CONTROL_BYTES);
      groups =
          new AggregateSinkBuffers(
              device,
              memory,
              (AggregateSink) program.sink(),
              control.address() + GROUPS_OFFSET,
              maxGroups);
      shared.add(groups);
    }
    if (!groups.hasRoom(unsettledRows + totalRows)) {
      settleAggregates();
      groups.reserve(Math.toIntExact(totalRows), into);
    }
    DeviceBuffer table = uploadChunkTable(chunks, rows);
    unsettledTables.add(table);
    KernelParameterBuffer parameters = bindCommon();
    parameters.setLong("chunk_count", chunks.size());
    parameters.setLong("chunk_table", table.address());
    groups.bind(parameters);
    device.launch(kernel.function(), LaunchShape.forRows(sizes.largest()), parameters);
    launches++;
    unsettledLaunches++;
    unsettledRows += totalRows;
  }

  /**
   * Sets the maximum number of groups that the aggregate can have, as the ranges of its keys allow.
   * Call it before the first {@link #aggregate}. A query with few groups then sizes its table for
   * them and waits for its launches only at the end. More groups than the bound can overflow the
   * table, which raises a {@link DeviceException} of kind {@code GROUP_TABLE_OVERFLOW}, and the
   * caller must then run the whole pipeline again elsewhere.
   */
  public void expectGroups(long maxGroups) {
    if (groups != null) {
      throw new IllegalStateException(
          "expectGroups was called after the first aggregate launch; call it before");
    }
    if (maxGroups < 1) {
      throw new IllegalArgumentException(
          "invalid group bound " + maxGroups + "; pass a positive count or Long.MAX_VALUE");
    }
    this.maxGroups = maxGroups;
  }

  /** Merges the groups that the aggregating launches left on the device into {@code into}. */
  public void finishAggregate(AggregationTable into) {
    if (groups != null) {
      settleAggregates();
      groups.drain(into);
    }
  }

  /**
   * Waits for the aggregating launches since the last wait, raises the first error they recorded,
   * and passes their group count to the group table.
   */
  private void settleAggregates() {
    if (unsettledLaunches == 0) {
      return;
    }
    device.synchronize();
    settles++;
    controlCopy.clear();
    device.copyToHost(controlCopy, control.address());
    controlCopy.clear();
    int code = controlCopy.getInt(0);
    if (code == PtxErrors.GROUP_TABLE_FULL) {
      throw new DeviceException(
          DeviceException.Kind.GROUP_TABLE_OVERFLOW,
          "pipeline "
              + program.name()
              + " found more groups than its table of "
              + groups.capacity()
              + " slots had room for, although the table was sized for "
              + (maxGroups == Long.MAX_VALUE ? "a new group per row" : "at most " + maxGroups));
    }
    checkError(code);
    groups.launched(controlCopy.getInt(GROUPS_OFFSET));
    unsettledLaunches = 0;
    unsettledRows = 0;
    freeChunkTables();
  }

  private void freeChunkTables() {
    unsettledTables.forEach(DeviceBuffer::close);
    unsettledTables.clear();
  }

  /** Returns how many times the host waited for aggregating launches, for tests. */
  long aggregateSettles() {
    return settles;
  }

  /** Returns how many times the groups were copied back to the host, for tests. */
  long groupDrains() {
    return groups == null ? 0 : groups.drains();
  }

  /** A probe stage's hash table as the build left it on the device, copied back for tests. */
  record JoinTableCopy(int[] slotRows, long[] slotKeys, int[] slotHashes, int[] next) {}

  /** Copies the hash table of probe stage {@code p} back from the device, for tests. */
  JoinTableCopy copyJoinTable(int p, int keyCount, int rows) {
    ProbeBinding table = probes[p];
    int slots = table.slotMask() + 1;
    return new JoinTableCopy(
        copyInts(table.slotRows(), slots),
        copyLongs(table.slotKeys(), slots * keyCount),
        table.slotHashes() == 0 ? null : copyInts(table.slotHashes(), slots),
        copyInts(table.next(), rows));
  }

  private int[] copyInts(long address, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    device.copyToHost(bytes, address);
    int[] values = new int[count];
    bytes.clear();
    bytes.asIntBuffer().get(values);
    return values;
  }

  private long[] copyLongs(long address, int count) {
    ByteBuffer bytes = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
    device.copyToHost(bytes, address);
    long[] values = new long[count];
    bytes.clear();
    bytes.asLongBuffer().get(values);
    return values;
  }

  /** Returns the slots of the device group table, for tests. */
  int groupCapacity() {
    return groups == null ? 0 : groups.capacity();
  }

  /** Launches a materializing kernel and waits for it, then copies the control record back. */
  private void launch(KernelParameterBuffer parameters, int rows) {
    device.fillZero(control.address(), GROUPS_OFFSET);
    device.launch(kernel.function(), LaunchShape.forRows(rows), parameters);
    launches++;
    device.synchronize();
    controlCopy.clear();
    device.copyToHost(controlCopy, control.address());
    controlCopy.clear();
  }

  /** Raises the error that the error record holds, if any. */
  private void checkError(int code) {
    if (code == PtxErrors.NO_ERROR) {
      return;
    }
    long row = controlCopy.getLong(8);
    if (code == PtxErrors.LOOKUP_ENTRY_FAILED) {
      throw lookupEntryError((int) (row >>> 32), (int) row);
    }
    KernelErrorCode error = PtxErrors.errorOf(code);
    if (error != null) {
      String where = row < 0 ? "while merging partial aggregates" : "at row " + row + " of a chunk";
      throw new KernelException(
          error,
          error.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " in pipeline "
              + program.name()
              + " "
              + where
              + ", run on "
              + deviceName);
    }
    String reason =
        switch (code) {
          case PtxErrors.LOOKUP_CODE_OUT_OF_RANGE ->
              "read a dictionary code outside its lookup table";
          case PtxErrors.JOIN_TABLE_FULL -> "found no free slot while building a join hash table";
          default -> "raised set-up error code " + code;
        };
    throw new IllegalStateException(
        "the kernel of pipeline " + program.name() + " " + reason + " at row " + row);
  }

  /**
   * Returns the error of entry {@code code} of lookup table {@code table}, the one that the CPU
   * backend raises when a row reads that entry.
   */
  private RuntimeException lookupEntryError(int table, int code) {
    RuntimeException[] errors = table < lookups.length ? lookups[table].errors() : null;
    if (errors == null || code < 0 || code >= errors.length || errors[code] == null) {
      return new IllegalStateException(
          "the kernel of pipeline "
              + program.name()
              + " reported a failed entry "
              + code
              + " of lookup table #"
              + table
              + ", which has no error");
    }
    return errors[code];
  }

  private void checkInputCount(List<DeviceColumn> inputs) {
    if (inputs.size() != program.inputs().size()) {
      throw new IllegalArgumentException(
          "pipeline "
              + program.name()
              + " reads "
              + program.inputs().size()
              + " columns, got "
              + inputs.size());
    }
  }

  /** Returns a parameter buffer with the parameters that do not depend on the input rows. */
  private KernelParameterBuffer bindCommon() {
    KernelParameterBuffer parameters = new KernelParameterBuffer(kernel.kernel().parameters());
    for (int i = 0; i < program.params().size(); i++) {
      bindParam(parameters, i, program.params().get(i), i < params.length ? params[i] : null);
    }
    for (int i = 0; i < lookupAddresses.length; i++) {
      parameters.setLong("lookup" + i + "_values", lookupAddresses[i][0]);
      parameters.setLong("lookup" + i + "_nulls", lookupAddresses[i][1]);
      parameters.setLong("lookup" + i + "_size", lookupSizes[i]);
    }
    for (int p = 0; p < probes.length; p++) {
      bindProbe(parameters, p, probes[p]);
    }
    parameters.setLong("error", control.address());
    return parameters;
  }

  /**
   * Uploads the chunk table of a launch: per chunk its row count and the addresses of its input
   * columns. The caller frees it after the launch has run.
   */
  private DeviceBuffer uploadChunkTable(List<List<DeviceColumn>> chunks, int[] rows) {
    int recordBytes = PtxEmitter.chunkRecordBytes(program);
    ByteBuffer records =
        ByteBuffer.allocate(chunks.size() * recordBytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int c = 0; c < chunks.size(); c++) {
      List<DeviceColumn> inputs = chunks.get(c);
      checkInputCount(inputs);
      records.putLong(rows[c]);
      for (DeviceColumn column : inputs) {
        records.putLong(column.data());
        records.putLong(column.validity());
      }
    }
    records.flip();
    DeviceBuffer table = memory.allocate("chunk table", Math.max(1, records.remaining()));
    try {
      device.copyToDevice(table.address(), records);
    } catch (RuntimeException e) {
      table.close();
      throw e;
    }
    return table;
  }

  private static void bindColumn(KernelParameterBuffer parameters, String prefix, DeviceColumn c) {
    parameters.setLong(prefix + "_data", c.data());
    parameters.setLong(prefix + "_validity", c.validity());
  }

  private static void bindParam(
      KernelParameterBuffer parameters, int index, DataType type, Object value) {
    String name = "param" + index + "_value";
    parameters.setLong("param" + index + "_null", value == null ? 1 : 0);
    if (type.kind().isApproximateNumeric()) {
      parameters.setDouble(name, value == null ? 0 : (Double) value);
    } else if (value instanceof Boolean bool) {
      parameters.setLong(name, bool ? 1 : 0);
    } else {
      parameters.setLong(name, value == null ? 0 : (Long) value);
    }
  }

  private static void bindProbe(KernelParameterBuffer parameters, int p, ProbeBinding probe) {
    String prefix = "probe" + p + "_";
    parameters.setLong(prefix + "slot_mask", probe.slotMask());
    parameters.setLong(prefix + "partition_shift", probe.partitionShift());
    parameters.setLong(prefix + "partition", probe.partition());
    parameters.setLong(prefix + "slot_rows", probe.slotRows());
    parameters.setLong(prefix + "slot_keys", probe.slotKeys());
    if (parameters.has(prefix + "slot_hashes")) {
      parameters.setLong(prefix + "slot_hashes", probe.slotHashes());
    }
    parameters.setLong(prefix + "next", probe.next());
    for (int c = 0; c < probe.columns().size(); c++) {
      bindColumn(parameters, prefix + "col" + c, probe.columns().get(c));
    }
  }

  private void uploadLookups(LookupTable[] lookups) {
    for (int i = 0; i < lookupAddresses.length; i++) {
      LookupTableImage image = LookupTableImage.of(lookups[i]);
      long values = upload("lookup" + i + " values", image.values());
      long nulls = image.nulls() == null ? 0 : upload("lookup" + i + " nulls", image.nulls());
      lookupAddresses[i] = new long[] {values, nulls};
      lookupSizes[i] = image.size();
    }
  }

  /**
   * Builds the hash table of every probe stage on the device from its build side's columns, which
   * stay there for the probes to read, and waits for the builds. The table has 2 to 4 slots per
   * build row, as the CPU backend's, so a build always finds a free slot.
   */
  private void buildProbeTables(ModuleCache modules, JoinBuildSide[] sides, JoinPass pass) {
    if (probes.length == 0) {
      return;
    }
    device.fillZero(control.address(), CONTROL_BYTES);
    for (int p = 0; p < probes.length; p++) {
      ProbeStage stage = program.probes().get(p);
      JoinBuildSide side = buildSide(p, stage, sides);
      String prefix = "probe" + p + " ";
      int rows = side.rowCount();
      List<DeviceColumn> columns = new ArrayList<>();
      for (int c = 0; c < stage.buildColumns().size(); c++) {
        KernelProgram.InputColumn column = stage.buildColumns().get(c);
        FieldVector vector = side.payload().get(c);
        DeviceColumn copy = copyOf(vector, column.nullable());
        columns.add(
            copy != null
                ? copy
                : uploadColumn(prefix + "col" + c, vector, column.type(), column.nullable()));
      }
      List<DeviceColumn> keys = new ArrayList<>();
      for (int k = 0; k < side.keyTypes().size(); k++) {
        FieldVector key = side.keyColumns().get(k);
        int payloadIndex = indexOf(side.payload(), key);
        // A payload column declared NOT NULL is uploaded without its bitmap. The key reuses that
        // upload only when it is declared nullable or has no NULLs, because the build must skip
        // NULL keys even where a declaration is wrong, as the CPU table does.
        boolean reusable =
            payloadIndex >= 0
                && (stage.buildColumns().get(payloadIndex).nullable() || key.getNullCount() == 0);
        DeviceColumn copy = reusable ? null : copyOf(key, true);
        if (reusable) {
          keys.add(columns.get(payloadIndex));
        } else if (copy != null) {
          keys.add(copy);
        } else {
          keys.add(uploadColumn(prefix + "key" + k, key, side.keyTypes().get(k), true));
        }
      }

      int slots = slotCount(rows);
      int keyCount = side.keyTypes().size();
      if ((long) slots * keyCount > Integer.MAX_VALUE) {
        // Kernels index slot keys with 32-bit arithmetic.
        throw new DeviceException(
            DeviceException.Kind.OUT_OF_MEMORY,
            "the join hash table of probe stage "
                + p
                + " needs "
                + slots
                + " slots of "
                + keyCount
                + " keys, more key entries than 32-bit indexes reach");
      }
      long slotRows = allocateShared(prefix + "slot_rows", slots * 4L);
      device.fill(slotRows, slots * 4L, (byte) 0xFF);
      long slotKeys = allocateShared(prefix + "slot_keys", slots * 8L * keyCount);
      long slotHashes = keyCount > 1 ? allocateShared(prefix + "slot_hashes", slots * 4L) : 0;
      long next = allocateShared(prefix + "next", Math.max(rows, 1) * 4L);
      boolean partitioned = stage.table() == pass.table();
      probes[p] =
          new ProbeBinding(
              slots - 1,
              partitioned ? pass.shift() : JoinPass.WHOLE.shift(),
              partitioned ? pass.partition() : 0,
              slotRows,
              slotKeys,
              slotHashes,
              next,
              columns);
      if (rows > 0) {
        launchBuild(modules, side, rows, keys, probes[p]);
      }
    }
    device.synchronize();
    controlCopy.clear();
    device.copyToHost(controlCopy, control.address());
    controlCopy.clear();
    checkError(controlCopy.getInt(0));
  }

  /**
   * Returns the build side of probe stage {@code p}, checked as the CPU kernel's argument checks
   * would check it, because the build runs before any chunk's arguments are checked.
   */
  private JoinBuildSide buildSide(int p, ProbeStage stage, JoinBuildSide[] sides) {
    String name = "hash table #" + stage.table() + " of probe stage " + p;
    if (sides == null || sides.length <= stage.table() || sides[stage.table()] == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    JoinBuildSide side = sides[stage.table()];
    if (side.isClosed()) {
      throw new IllegalArgumentException(name + " is closed");
    }
    if (side.payload().size() != stage.buildColumns().size()) {
      throw new IllegalArgumentException(
          name
              + " has "
              + side.payload().size()
              + " payload columns, the stage expects "
              + stage.buildColumns().size());
    }
    if (side.keyTypes().size() != stage.keys().size()) {
      throw new IllegalArgumentException(
          name
              + " has "
              + side.keyTypes().size()
              + " keys, the stage probes "
              + stage.keys().size());
    }
    return side;
  }

  /** Returns the slots of a table over {@code rows} build rows: a power of two, 2 to 4 per row. */
  static int slotCount(int rows) {
    return (int) Math.min(Math.max(2L, Long.highestOneBit(Math.max(1, rows)) * 4L), 1 << 30);
  }

  private void launchBuild(
      ModuleCache modules,
      JoinBuildSide side,
      int rows,
      List<DeviceColumn> keys,
      ProbeBinding table) {
    LoadedKernel build = modules.acquireHashBuild(side.keyTypes());
    shared.add(build);
    KernelParameterBuffer parameters = new KernelParameterBuffer(build.kernel().parameters());
    parameters.setLong("row_count", rows);
    for (int k = 0; k < keys.size(); k++) {
      bindColumn(parameters, "key" + k, keys.get(k));
    }
    parameters.setLong("slot_mask", table.slotMask());
    parameters.setLong("slot_rows", table.slotRows());
    parameters.setLong("slot_keys", table.slotKeys());
    if (parameters.has("slot_hashes")) {
      parameters.setLong("slot_hashes", table.slotHashes());
    }
    parameters.setLong("next", table.next());
    parameters.setLong("error", control.address());
    device.launch(build.function(), LaunchShape.forRows(rows), parameters);
    launches++;
  }

  /** Returns the device copy of a build-side vector from {@link #buildCopies}, or null. */
  private DeviceColumn copyOf(FieldVector vector, boolean nullable) {
    for (DeviceCopies copies : buildCopies) {
      DeviceColumn column = copies.column(vector, nullable);
      if (column != null) {
        return column;
      }
    }
    return null;
  }

  private DeviceColumn uploadColumn(
      String name, FieldVector vector, DataType type, boolean nullable) {
    ColumnUpload upload =
        ColumnUpload.upload(device, memory, name, vector, type, nullable, vector.getValueCount());
    shared.add(upload);
    return upload.column();
  }

  private long allocateShared(String name, long bytes) {
    DeviceBuffer buffer = memory.allocate(name, bytes);
    shared.add(buffer);
    return buffer.address();
  }

  private static int indexOf(List<FieldVector> vectors, FieldVector vector) {
    for (int i = 0; i < vectors.size(); i++) {
      if (vectors.get(i) == vector) {
        return i;
      }
    }
    return -1;
  }

  private long upload(String name, byte[] bytes) {
    long address = allocateShared(name, bytes.length);
    device.copyToDevice(address, ByteBuffer.wrap(bytes));
    return address;
  }

  /**
   * Returns whether a materializing program has {@code out_capacity}: with INNER or LEFT probes.
   */
  static boolean hasOutputCapacity(KernelProgram program) {
    for (ProbeStage stage : program.probes()) {
      if (stage.kind() == JoinKind.INNER || stage.kind() == JoinKind.LEFT) {
        return true;
      }
    }
    return false;
  }

  /** Frees the shared buffers; the kernel and the memory owner stay the caller's. */
  @Override
  public void close() {
    freeChunkTables();
    for (int i = shared.size() - 1; i >= 0; i--) {
      try {
        shared.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException("failed to free a device buffer of " + program.name(), e);
      }
    }
    shared.clear();
  }
}
