package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.CpuKernel;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.cpu.MaterializeOutput;
import dev.warpsql.kernels.ir.AggregateSink;
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
 * <p>A materializing kernel yields one output chunk per input chunk that kept rows, in input order.
 * An aggregating kernel keeps one partial aggregation table per worker thread and merges them into
 * a single chunk.
 */
public final class KernelStep implements ExecutionStep {
  private final ExecutionStep input;
  private final int[] inputColumns;
  private final CpuKernel kernel;
  private final List<BatchColumn> outputColumns;
  private final List<LookupSource> lookups;
  private final ChunkPruner pruner;
  private final int[] dictionarySources;

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
    this.input = Objects.requireNonNull(input, "input");
    this.inputColumns = inputColumns.clone();
    this.kernel = Objects.requireNonNull(kernel, "kernel");
    this.outputColumns = List.copyOf(outputColumns);
    this.lookups = List.copyOf(lookups);
    this.pruner = pruner;
    KernelProgram program = kernel.program();
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
   * Returns, for each output column, the source batch column whose codes it passes through, or -1.
   * Dictionaries are taken from the source batch at execution time, because a source such as a
   * fallback subplan builds its dictionaries only when it runs.
   */
  private static int[] dictionarySources(KernelProgram program, int[] inputColumns) {
    List<Expr> outputs = new ArrayList<>();
    if (program.sink() instanceof MaterializeSink materialize) {
      outputs.addAll(materialize.outputs());
    } else {
      outputs.addAll(((AggregateSink) program.sink()).groupKeys());
    }
    int[] sources = new int[outputs.size()];
    for (int i = 0; i < sources.length; i++) {
      Expr output = outputs.get(i);
      boolean passesCodes = output instanceof InputRef && output.type().kind() == TypeKind.VARCHAR;
      sources[i] = passesCodes ? inputColumns[((InputRef) output).index()] : -1;
    }
    return sources;
  }

  /** Returns the output columns with the dictionaries of this execution's source batch. */
  private List<BatchColumn> outputColumns(Batch source) {
    List<BatchColumn> columns = new ArrayList<>(outputColumns);
    for (int i = 0; i < dictionarySources.length; i++) {
      if (dictionarySources[i] >= 0) {
        BatchColumn column = columns.get(i);
        columns.set(
            i,
            new BatchColumn(
                column.name(),
                column.type(),
                column.nullable(),
                source.columns().get(dictionarySources[i]).dictionary()));
      }
    }
    return columns;
  }

  public CpuKernel kernel() {
    return kernel;
  }

  @Override
  public String describe() {
    return "kernel " + kernel.program().name();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    try (Batch source = input.execute(context)) {
      List<BatchChunk> chunks = selectChunks(source, context);
      LookupTable[] lookupTables = buildLookups(source, context);
      Object[] params = context.params();
      List<BatchColumn> columns = outputColumns(source);
      try {
        if (kernel.program().sink() instanceof AggregateSink sink) {
          return aggregate(sink, columns, chunks, lookupTables, params, context);
        }
        return materialize(columns, chunks, lookupTables, params, context);
      } catch (KernelException e) {
        throw new WarpException(ErrorCode.of(e.code()), e.getMessage(), e);
      }
    }
  }

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

  private LookupTable[] buildLookups(Batch source, ExecutionContext context) {
    LookupTable[] tables = new LookupTable[lookups.size()];
    for (int i = 0; i < tables.length; i++) {
      LookupSource lookup = lookups.get(i);
      BatchColumn column = source.columns().get(inputColumns[lookup.inputColumn()]);
      tables[i] = lookup.build(column.dictionary(), context);
    }
    return tables;
  }

  private KernelArguments arguments(BatchChunk chunk, LookupTable[] lookupTables, Object[] params) {
    List<FieldVector> vectors = new ArrayList<>(inputColumns.length);
    for (int column : inputColumns) {
      vectors.add(chunk.vectors().get(column));
    }
    return new KernelArguments(vectors, params, lookupTables);
  }

  private Batch aggregate(
      AggregateSink sink,
      List<BatchColumn> columns,
      List<BatchChunk> chunks,
      LookupTable[] lookupTables,
      Object[] params,
      ExecutionContext context) {
    List<AggregateWorker> workers = new ArrayList<>();
    AggregationTable merged = null;
    try {
      context
          .scheduler()
          .run(
              chunks.size(),
              context,
              worker -> {
                AggregateWorker created = new AggregateWorker(sink, chunks, lookupTables, params);
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
      List<BatchChunk> chunks,
      LookupTable[] lookupTables,
      Object[] params,
      ExecutionContext context) {
    MaterializeSink sink = (MaterializeSink) kernel.program().sink();
    List<BatchChunk>[] outputs = newChunkLists(chunks.size());
    try {
      context
          .scheduler()
          .run(
              chunks.size(),
              context,
              worker ->
                  morsel -> {
                    BatchChunk chunk = chunks.get(morsel);
                    outputs[morsel] =
                        List.of(
                            materializeChunk(sink, columns, chunk, lookupTables, params, context));
                  });
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

  private BatchChunk materializeChunk(
      MaterializeSink sink,
      List<BatchColumn> columns,
      BatchChunk chunk,
      LookupTable[] lookupTables,
      Object[] params,
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
      kernel.run(arguments(chunk, lookupTables, params), 0, chunk.rowCount(), output);
      int rows = output.rowCount();
      return new BatchChunk(rows, output.finish(), null);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<BatchChunk>[] newChunkLists(int size) {
    return (List<BatchChunk>[]) new List<?>[size];
  }

  /** One worker's partial aggregation state. */
  private final class AggregateWorker implements MorselScheduler.MorselWorker {
    private final AggregationTable table;
    private final List<BatchChunk> chunks;
    private final LookupTable[] lookupTables;
    private final Object[] params;

    AggregateWorker(
        AggregateSink sink, List<BatchChunk> chunks, LookupTable[] lookupTables, Object[] params) {
      this.table = new AggregationTable(sink);
      this.chunks = chunks;
      this.lookupTables = lookupTables;
      this.params = params;
    }

    @Override
    public void process(int morsel) {
      BatchChunk chunk = chunks.get(morsel);
      kernel.run(arguments(chunk, lookupTables, params), 0, chunk.rowCount(), table);
    }
  }
}
