package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.CancelCheck;
import dev.warpsql.kernels.cpu.CpuKernel;
import dev.warpsql.kernels.cpu.GroupKeyRange;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.cpu.MaterializeOutput;
import dev.warpsql.kernels.cuda.DeviceCopies;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * A fused pipeline: runs one compiled kernel over every chunk of its input, morsel-parallel, and
 * collects what the kernel's sink produces.
 *
 * <p>When the execution has a device, the pipeline's PTX runs there instead (see {@link
 * DevicePipelineRun}), and a pipeline that the device cannot run falls back to the CPU kernel with
 * the fallback recorded in the execution's device usage. A pipeline that must keep the order of a
 * sort's output runs on the CPU (see {@link #keepsOrderOf}).
 *
 * <p>On the CPU, a materializing kernel yields one output chunk per input chunk that kept rows, in
 * input order, and an aggregating kernel keeps one partial aggregation table per worker thread and
 * merges them into a single chunk. On a device, a materializing kernel yields one chunk per batch
 * of input chunks, with rows in no particular order.
 */
public final class KernelStep implements ExecutionStep {
  /**
   * Rows per kernel run: small enough to spread one chunk over the workers, large enough that
   * per-run setup is negligible (an estimate, not a measured optimum).
   */
  private static final int MORSEL_ROWS = 8192;

  private final ExecutionStep input;
  private final int[] inputColumns;
  private final CpuKernel kernel;
  private final List<BatchColumn> outputColumns;
  private final List<LookupSource> lookups;
  private final ChunkPruner pruner;
  private final List<HashBuildStep> builds;
  private final ColumnOrigin[] dictionarySources;

  /** Whether a consumer that may run on the device reads this step's output; set at plan time. */
  private volatile boolean outputReadOnDevice;

  private final boolean keepsInputOrder;

  /**
   * @param inputColumns the input batch's column for each kernel input, in kernel order
   * @param outputColumns the columns of the batch this step returns, in sink order
   * @param pruner skips chunks by zone map; null to read every chunk
   */
  public KernelStep(
      ExecutionStep input,
      int[] inputColumns,
      CpuKernel kernel,
      List<BatchColumn> outputColumns,
      List<LookupSource> lookups,
      ChunkPruner pruner) {
    this(input, inputColumns, kernel, outputColumns, lookups, pruner, List.of());
  }

  /**
   * @param inputColumns the input batch's column for each kernel input, in kernel order
   * @param outputColumns the columns of the batch this step returns, in sink order
   * @param pruner skips chunks by zone map; null to read every chunk
   * @param builds the hash tables of the kernel's probe stages, by table index
   */
  public KernelStep(
      ExecutionStep input,
      int[] inputColumns,
      CpuKernel kernel,
      List<BatchColumn> outputColumns,
      List<LookupSource> lookups,
      ChunkPruner pruner,
      List<HashBuildStep> builds) {
    this.input = Objects.requireNonNull(input, "input");
    if (input instanceof KernelStep producer) {
      producer.readOutputOnDevice();
    }
    this.builds = List.copyOf(builds);
    this.inputColumns = inputColumns.clone();
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.outputColumns = List.copyOf(outputColumns);
    this.lookups = List.copyOf(lookups);
    this.pruner = pruner;
    KernelProgram program = kernel.program();
    this.keepsInputOrder = keepsOrderOf(input, program);
    this.dictionarySources = dictionarySources(program, inputColumns);
    if (program.inputs().size() != inputColumns.length) {
      throw new IllegalArgumentException(
          "kernel "
              + program.name()
              + " reads "
              + program.inputs().size()
              + " columns, got "
              + inputColumns.length);
    }
    if (program.lookupTables() != lookups.size()) {
      throw new IllegalArgumentException(
          "kernel " + program.name() + " needs " + program.lookupTables() + " lookup tables");
    }
  }

  /**
   * Returns, for each VARCHAR output column that passes codes through, where the codes come from,
   * and null for other columns. Dictionaries are resolved at execution time, because a source such
   * as a fallback subplan or a hash build creates its dictionaries only when it runs.
   */
  private static ColumnOrigin[] dictionarySources(KernelProgram program, int[] inputColumns) {
    List<Expr> outputs = new ArrayList<>();
    if (program.sink() instanceof MaterializeSink materialize) {
      outputs.addAll(materialize.outputs());
    } else {
      outputs.addAll(((AggregateSink) program.sink()).groupKeys());
    }
    ColumnOrigin[] sources = new ColumnOrigin[outputs.size()];
    for (int i = 0; i < sources.length; i++) {
      Expr output = outputs.get(i);
      if (output.type().kind() != TypeKind.VARCHAR) {
        continue;
      }
      if (output instanceof InputRef ref) {
        sources[i] = ColumnOrigin.input(inputColumns[ref.index()]);
      } else if (output instanceof BuildRef ref) {
        sources[i] = ColumnOrigin.build(ref.probe(), ref.column());
      } else if (output instanceof CodeMap map) {
        sources[i] = ColumnOrigin.lookup(map.table());
      }
    }
    return sources;
  }

  /** Returns the output columns with the dictionaries of this execution's sources. */
  private List<BatchColumn> outputColumns(
      Batch source, List<BuiltHashTable> tables, List<BuiltLookup> builtLookups) {
    List<BatchColumn> columns = new ArrayList<>(outputColumns);
    for (int i = 0; i < dictionarySources.length; i++) {
      if (dictionarySources[i] != null) {
        BatchColumn column = columns.get(i);
        StringDictionary dictionary =
            dictionary(dictionarySources[i], source, tables, builtLookups, true);
        columns.set(
            i, new BatchColumn(column.name(), column.type(), column.nullable(), dictionary));
      }
    }
    return columns;
  }

  /**
   * Returns the dictionary of a column that the kernel reads.
   *
   * @param sourceIndexed whether an input origin indexes the source batch (true) or the kernel's
   *     inputs (false)
   */
  private StringDictionary dictionary(
      ColumnOrigin origin,
      Batch source,
      List<BuiltHashTable> tables,
      List<BuiltLookup> builtLookups,
      boolean sourceIndexed) {
    if (origin.isInput()) {
      int column = sourceIndexed ? origin.column() : inputColumns[origin.column()];
      return source.columns().get(column).dictionary();
    }
    if (origin.kind() == ColumnOrigin.Kind.LOOKUP) {
      return builtLookups.get(origin.column()).dictionary();
    }
    int table = kernel.program().probes().get(origin.probe()).table();
    return tables.get(table).columns().get(origin.column()).dictionary();
  }

  public CpuKernel kernel() {
    return kernel;
  }

  /**
   * Returns whether a pipeline of {@code program} over {@code input} must keep the order of its
   * input rows, and so runs on the CPU: a materializing pipeline over an {@link
   * ExecutionStep#ordered() ordered} input, such as a projection that Calcite keeps above a sort
   * with FETCH. A device materializes rows in no particular order, while the CPU keeps the order of
   * the sorted chunk.
   */
  public static boolean keepsOrderOf(ExecutionStep input, KernelProgram program) {
    return input.ordered() && program.sink() instanceof MaterializeSink;
  }

  @Override
  public boolean ordered() {
    return keepsInputOrder;
  }

  /**
   * Marks this step's output as input of a pipeline, hash build or sort, which may run on the
   * device, so that a device run of this step keeps device copies of its output for it.
   */
  void readOutputOnDevice() {
    outputReadOnDevice = true;
  }

  @Override
  public String describe() {
    return "kernel " + kernel.program().name();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    List<BuiltHashTable> tables = new ArrayList<>();
    try {
      for (HashBuildStep build : builds) {
        tables.add(build.build(context));
      }
      try (Batch source = input.execute(context)) {
        List<BatchChunk> chunks = selectChunks(source, context);
        List<BuiltLookup> builtLookups = buildLookups(source, tables, context);
        LookupTable[] lookupTables = new LookupTable[builtLookups.size()];
        for (int i = 0; i < lookupTables.length; i++) {
          lookupTables[i] = builtLookups.get(i).table();
        }
        JoinBuildSide[] buildSides = new JoinBuildSide[tables.size()];
        for (int i = 0; i < buildSides.length; i++) {
          buildSides[i] = tables.get(i).side();
        }
        Arguments arguments =
            new Arguments(lookupTables, buildSides, context.params(), context::checkCanceled);
        List<BatchColumn> columns = outputColumns(source, tables, builtLookups);
        if (context.device() != null && !keepsInputOrder) {
          List<DeviceCopies> buildCopies = new ArrayList<>();
          for (BuiltHashTable table : tables) {
            if (table.deviceCopies() != null) {
              buildCopies.add(table.deviceCopies());
            }
          }
          DevicePipelineRun.Shared shared =
              new DevicePipelineRun.Shared(
                  arguments.params(), lookupTables, buildSides, buildCopies);
          Batch onDevice =
              new DevicePipelineRun(
                      context.device(), kernel, inputColumns, context, outputReadOnDevice)
                  .run(source, chunks, columns, shared);
          if (onDevice != null) {
            return onDevice;
          }
        }
        List<Morsel> morsels = morsels(chunks);
        if (kernel.program().sink() instanceof AggregateSink sink) {
          List<GroupKeyRange> keyRanges = GroupKeyRanges.of(sink, inputColumns, columns, chunks);
          return aggregate(sink, keyRanges, columns, morsels, arguments, context);
        }
        return materialize(columns, morsels, arguments, context);
      }
    } catch (KernelException e) {
      throw new WarpException(ErrorCode.of(e.code()), e.getMessage(), e);
    } finally {
      tables.forEach(BuiltHashTable::close);
    }
  }

  /** Per-execution arguments shared by every morsel. */
  private record Arguments(
      LookupTable[] lookups,
      JoinBuildSide[] buildSides,
      Object[] params,
      CancelCheck cancelCheck) {}

  private List<BatchChunk> selectChunks(Batch source, ExecutionContext context) {
    List<BatchChunk> selected = new ArrayList<>();
    for (BatchChunk chunk : source.chunks()) {
      boolean keep =
          pruner == null || chunk.zoneMaps() == null || pruner.mayMatch(chunk.zoneMaps(), context);
      if (keep && chunk.rowCount() > 0) {
        selected.add(chunk);
      }
    }
    return selected;
  }

  private List<BuiltLookup> buildLookups(
      Batch source, List<BuiltHashTable> tables, ExecutionContext context) {
    List<BuiltLookup> built = new ArrayList<>();
    for (LookupSource lookup : lookups) {
      StringDictionary dictionary = dictionary(lookup.origin(), source, tables, built, false);
      StringDictionary target =
          lookup.target() == null
              ? null
              : dictionary(lookup.target(), source, tables, built, false);
      built.add(lookup.build(dictionary, target, context));
    }
    return built;
  }

  private KernelArguments kernelArguments(BatchChunk chunk, Arguments arguments) {
    List<FieldVector> vectors = new ArrayList<>(inputColumns.length);
    for (int column : inputColumns) {
      vectors.add(chunk.vectors().get(column));
    }
    return new KernelArguments(
        vectors,
        arguments.params(),
        arguments.lookups(),
        arguments.buildSides(),
        arguments.cancelCheck());
  }

  private Batch aggregate(
      AggregateSink sink,
      List<GroupKeyRange> keyRanges,
      List<BatchColumn> columns,
      List<Morsel> morsels,
      Arguments arguments,
      ExecutionContext context) {
    List<AggregateWorker> workers = new ArrayList<>();
    AggregationTable merged = null;
    try {
      context
          .scheduler()
          .run(
              morsels.size(),
              context,
              worker -> {
                AggregateWorker created = new AggregateWorker(sink, keyRanges, morsels, arguments);
                workers.add(created);
                return created;
              });
      merged = workers.get(0).table;
      for (int i = 1; i < workers.size(); i++) {
        context.checkCanceled();
        merged.merge(workers.get(i).table);
      }
      List<String> names = columns.stream().map(BatchColumn::name).toList();
      List<FieldVector> vectors = merged.toVectors(context.allocator(), names);
      int rows = vectors.isEmpty() ? merged.groupCount() : vectors.get(0).getValueCount();
      return new Batch(columns, List.of(new BatchChunk(rows, vectors, null)), true);
    } finally {
      for (AggregateWorker worker : workers) {
        worker.table.close();
      }
    }
  }

  private Batch materialize(
      List<BatchColumn> columns,
      List<Morsel> morsels,
      Arguments arguments,
      ExecutionContext context) {
    MaterializeSink sink = (MaterializeSink) kernel.program().sink();
    List<BatchChunk>[] outputs = newChunkLists(morsels.size());
    try {
      context
          .scheduler()
          .run(
              morsels.size(),
              context,
              worker ->
                  morsel ->
                      outputs[morsel] =
                          List.of(
                              materializeMorsel(
                                  sink, columns, morsels.get(morsel), arguments, context)));
    } catch (RuntimeException e) {
      for (List<BatchChunk> output : outputs) {
        if (output != null) {
          output.get(0).vectors().forEach(FieldVector::close);
        }
      }
      throw e;
    }
    List<BatchChunk> result = new ArrayList<>();
    for (List<BatchChunk> output : outputs) {
      if (output == null) {
        continue;
      }
      BatchChunk chunk = output.get(0);
      if (chunk.rowCount() > 0 || result.isEmpty()) {
        result.add(chunk);
      } else {
        chunk.vectors().forEach(FieldVector::close);
      }
    }
    return new Batch(columns, result, true);
  }

  private BatchChunk materializeMorsel(
      MaterializeSink sink,
      List<BatchColumn> columns,
      Morsel morsel,
      Arguments arguments,
      ExecutionContext context) {
    List<FieldVector> vectors = new ArrayList<>(sink.outputs().size());
    for (int i = 0; i < sink.outputs().size(); i++) {
      BatchColumn column = columns.get(i);
      long dictionaryId = column.dictionary() == null ? 0 : column.dictionary().id();
      vectors.add(
          ArrowColumns.createVector(
              column.name(), column.type(), column.nullable(), dictionaryId, context.allocator()));
    }
    try (MaterializeOutput output = new MaterializeOutput(vectors)) {
      kernel.run(kernelArguments(morsel.chunk(), arguments), morsel.start(), morsel.end(), output);
      int rows = output.rowCount();
      return new BatchChunk(rows, output.finish(), null);
    }
  }

  /** Rows {@code [start, end)} of one chunk: the unit of work of one kernel run. */
  private record Morsel(BatchChunk chunk, int start, int end) {}

  /**
   * Splits chunks into morsels of at most {@link #MORSEL_ROWS} rows, so that a table of a single
   * chunk still runs on every worker and a cancel or timeout is noticed between morsels.
   */
  private static List<Morsel> morsels(List<BatchChunk> chunks) {
    List<Morsel> morsels = new ArrayList<>();
    for (BatchChunk chunk : chunks) {
      for (int start = 0; start < chunk.rowCount(); start += MORSEL_ROWS) {
        morsels.add(new Morsel(chunk, start, Math.min(chunk.rowCount(), start + MORSEL_ROWS)));
      }
    }
    return morsels;
  }

  @SuppressWarnings("unchecked")
  private static List<BatchChunk>[] newChunkLists(int size) {
    return (List<BatchChunk>[]) new List<?>[size];
  }

  /** One worker's partial aggregation state. */
  private final class AggregateWorker implements MorselScheduler.MorselWorker {
    private final AggregationTable table;
    private final List<Morsel> morsels;
    private final Arguments arguments;

    AggregateWorker(
        AggregateSink sink,
        List<GroupKeyRange> keyRanges,
        List<Morsel> morsels,
        Arguments arguments) {
      this.table = new AggregationTable(sink, keyRanges);
      this.morsels = morsels;
      this.arguments = arguments;
    }

    @Override
    public void process(int index) {
      Morsel morsel = morsels.get(index);
      kernel.run(kernelArguments(morsel.chunk(), arguments), morsel.start(), morsel.end(), table);
    }
  }
}
