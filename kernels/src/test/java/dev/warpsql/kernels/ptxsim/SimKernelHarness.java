package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cuda.KernelParameterBuffer;
import dev.warpsql.kernels.cuda.LookupTableImage;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxEmitter;
import dev.warpsql.kernels.ptx.PtxErrors;
import dev.warpsql.kernels.ptx.PtxKernel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.FieldVector;

/**
 * Runs the PTX that {@link PtxEmitter} emits for a program in the interpreter, as a GPU host would:
 * it lays out the kernel arguments as the CUDA backend's package documentation prescribes (input
 * columns, parameters, lookup tables, probe hash tables, the error record and the sink's buffers),
 * launches the entry, and reads the error record and the sink's output back.
 *
 * <p>Arguments are packed by the runtime's {@link KernelParameterBuffer}, whose offsets are checked
 * against the entry's declarations, and lookup tables and accumulators are encoded by the runtime's
 * images. The hash tables and the decoding of results are written here from the ABI alone, so that
 * they check the runtime's own versions, which reuse the CPU join table and aggregation table.
 */
public final class SimKernelHarness {
  /** A launch shape and scheduling; block sizes must be multiples of 32. */
  public record Shape(int gridSize, int blockSize, SimLaunch.Options options) {
    @Override
    public String toString() {
      String order = options.seed() == null ? "sequential" : "interleaved";
      return gridSize + "x" + blockSize + " " + order;
    }
  }

  private static final Map<String, Parsed> CACHE = new ConcurrentHashMap<>();

  private record Parsed(PtxKernel kernel, SimModule module) {}

  private SimKernelHarness() {}

  /**
   * Runs {@code program} over {@code inputs}. {@code outputCapacity} sets {@code out_capacity} for
   * materializing programs with INNER or LEFT probes (and the rows the output buffers hold).
   */
  public static SimKernelResult run(
      KernelProgram program, SimKernelInputs inputs, Shape shape, int outputCapacity) {
    return run(program, inputs, shape, outputCapacity, 0);
  }

  /**
   * Runs {@code program} as {@link #run(KernelProgram, SimKernelInputs, Shape, int)} does, with
   * {@code groupCapacity} slots in a keyed aggregate's group table (0 for twice the row count).
   */
  public static SimKernelResult run(
      KernelProgram program,
      SimKernelInputs inputs,
      Shape shape,
      int outputCapacity,
      int groupCapacity) {
    Parsed parsed =
        CACHE.computeIfAbsent(
            program.name() + "|" + program.canonicalText(),
            key -> {
              PtxKernel kernel = PtxEmitter.emit(program);
              return new Parsed(kernel, SimModule.parse(kernel.ptx()));
            });
    List<String> declared = parsed.module().entryParameters(parsed.kernel().entryName());
    List<String> expected = SimKernelParameters.expected(program);
    if (!declared.equals(expected)) {
      throw new AssertionError(
          "entry parameters differ from the documented ABI\nexpected: "
              + expected
              + "\ndeclared: "
              + declared);
    }
    SimMemory global = new SimMemory("global", 0x1000_0000L);
    KernelParameterBuffer arguments = new KernelParameterBuffer(parsed.kernel().parameters());
    bindColumns(program, inputs, arguments, global);
    bindParams(program, inputs, arguments);
    bindLookups(program, inputs, arguments, global);
    bindProbes(program, inputs, arguments, global);
    long error = global.allocate("error record", 16, false);
    arguments.setLong("error", error);
    SimSinkBuffers sink =
        program.sink() instanceof MaterializeSink
            ? SimSinkBuffers.materialize(program, inputs.rowCount(), outputCapacity, global)
            : SimSinkBuffers.aggregate(program, inputs.rowCount(), groupCapacity, global);
    sink.bind(arguments);
    SimArguments packed = new SimArguments(parsed.module(), parsed.kernel().entryName(), arguments);
    SimLaunch.run(
        parsed.module(), packed, shape.gridSize(), shape.blockSize(), global, shape.options());
    byte[] record = global.read(error, 16);
    int code = (int) SimBytes.get(record, 0, 4);
    long row = SimBytes.get(record, 8, 8);
    long counter = sink.counter();
    if (code != 0) {
      return new SimKernelResult(code, row, List.of(), counter);
    }
    try {
      return new SimKernelResult(0, 0, sink.read(), counter);
    } catch (KernelException e) {
      // The host's conversion of the accumulators failed, as the CPU backend's would.
      return new SimKernelResult(PtxErrors.codeOf(e.code()), -1, List.of());
    }
  }

  /** Binds the input columns as a chunk table of one chunk. */
  private static void bindColumns(
      KernelProgram program,
      SimKernelInputs inputs,
      KernelParameterBuffer arguments,
      SimMemory global) {
    ByteBuffer record =
        ByteBuffer.allocate(PtxEmitter.chunkRecordBytes(program)).order(ByteOrder.LITTLE_ENDIAN);
    record.putLong(inputs.rowCount());
    for (int i = 0; i < program.inputs().size(); i++) {
      KernelProgram.InputColumn column = program.inputs().get(i);
      FieldVector vector = inputs.columns().get(i);
      long[] addresses =
          uploadColumn(
              "in" + i, column.type(), column.nullable(), vector, inputs.rowCount(), global);
      record.putLong(addresses[0]).putLong(addresses[1]);
    }
    arguments.setLong("chunk_count", 1);
    arguments.setLong("chunk_table", global.allocate("chunk_table", record.array(), true));
  }

  /** Binds {@code prefix_data} and {@code prefix_validity}. */
  private static void bindColumn(
      String prefix,
      DataType type,
      boolean nullable,
      FieldVector vector,
      int rows,
      KernelParameterBuffer arguments,
      SimMemory global) {
    long[] addresses = uploadColumn(prefix, type, nullable, vector, rows, global);
    arguments.setLong(prefix + "_data", addresses[0]);
    arguments.setLong(prefix + "_validity", addresses[1]);
  }

  /**
   * Copies a column into simulated memory and returns its data and validity addresses. A column
   * without NULLs gets a null validity pointer, which the layout allows, so both forms are
   * exercised.
   */
  private static long[] uploadColumn(
      String prefix,
      DataType type,
      boolean nullable,
      FieldVector vector,
      int rows,
      SimMemory global) {
    byte[] data = SimArrowBuffers.data(vector, type, rows);
    long dataAddress = global.allocate(prefix + "_data", data, true);
    long validity = 0;
    if (nullable && vector.getNullCount() > 0) {
      byte[] bits = SimArrowBuffers.validity(vector, rows);
      validity = global.allocate(prefix + "_validity", bits, true);
    }
    return new long[] {dataAddress, validity};
  }

  private static void bindParams(
      KernelProgram program, SimKernelInputs inputs, KernelParameterBuffer arguments) {
    for (int i = 0; i < program.params().size(); i++) {
      DataType type = program.params().get(i);
      Object value = inputs.params()[i];
      String name = "param" + i + "_value";
      if (value == null) {
        arguments.setLong("param" + i + "_null", 1);
        if (type.kind().isApproximateNumeric()) {
          arguments.setDouble(name, 0);
        } else {
          arguments.setLong(name, 0);
        }
        continue;
      }
      arguments.setLong("param" + i + "_null", 0);
      if (value instanceof Boolean b) {
        arguments.setLong(name, b ? 1 : 0);
      } else if (value instanceof Double d) {
        arguments.setDouble(name, d);
      } else {
        arguments.setLong(name, (Long) value);
      }
    }
  }

  private static void bindLookups(
      KernelProgram program,
      SimKernelInputs inputs,
      KernelParameterBuffer arguments,
      SimMemory global) {
    for (int i = 0; i < program.lookupTables(); i++) {
      LookupTableImage image = LookupTableImage.of(inputs.lookups()[i]);
      arguments.setLong(
          "lookup" + i + "_values", global.allocate("lookup" + i, image.values(), true));
      long nulls = 0;
      if (image.nulls() != null) {
        nulls = global.allocate("lookup" + i + " nulls", image.nulls(), true);
      }
      arguments.setLong("lookup" + i + "_nulls", nulls);
      arguments.setLong("lookup" + i + "_size", image.size());
    }
  }

  private static void bindProbes(
      KernelProgram program,
      SimKernelInputs inputs,
      KernelParameterBuffer arguments,
      SimMemory global) {
    for (int p = 0; p < program.probes().size(); p++) {
      ProbeStage stage = program.probes().get(p);
      SimKernelInputs.BuildSide side = inputs.buildSides()[stage.table()];
      int rows = side.keyColumns().get(0).getValueCount();
      int distinct = SimJoinTables.distinctKeys(side, rows);
      // The smallest valid slot count, so that searches wrap around the end of the slot array.
      int slots = Math.max(1, Integer.highestOneBit(distinct) * 2);
      SimJoinTables.Layout layout = SimJoinTables.build(side, rows, slots);
      String prefix = "probe" + p + "_";
      arguments.setLong(prefix + "slot_mask", layout.slotMask());
      // The whole build side in one table: a shift of 32 keeps every row.
      arguments.setLong(prefix + "partition_shift", 32);
      arguments.setLong(prefix + "partition", 0);
      arguments.setLong(
          prefix + "slot_rows",
          global.allocate(prefix + "slot_rows", ints(layout.slotRows()), true));
      arguments.setLong(
          prefix + "slot_keys",
          global.allocate(prefix + "slot_keys", longs(layout.slotKeys()), true));
      if (stage.keys().size() >= 2) {
        arguments.setLong(
            prefix + "slot_hashes",
            global.allocate(prefix + "slot_hashes", ints(layout.slotHashes()), true));
      }
      arguments.setLong(
          prefix + "next", global.allocate(prefix + "next", ints(layout.next()), true));
      for (int c = 0; c < stage.buildColumns().size(); c++) {
        KernelProgram.InputColumn column = stage.buildColumns().get(c);
        bindColumn(
            prefix + "col" + c,
            column.type(),
            column.nullable(),
            side.payload().get(c),
            rows,
            arguments,
            global);
      }
    }
  }

  private static byte[] ints(int[] values) {
    byte[] bytes = new byte[Math.max(values.length, 1) * 4];
    for (int i = 0; i < values.length; i++) {
      SimBytes.put(bytes, i * 4, 4, values[i]);
    }
    return bytes;
  }

  private static byte[] longs(long[] values) {
    byte[] bytes = new byte[Math.max(values.length, 1) * 8];
    for (int i = 0; i < values.length; i++) {
      SimBytes.put(bytes, i * 8, 8, values[i]);
    }
    return bytes;
  }

  /** Returns whether a type is held as bits of a double in keys and results. */
  static boolean floating(DataType type) {
    return type.kind() == TypeKind.REAL || type.kind() == TypeKind.DOUBLE;
  }
}
