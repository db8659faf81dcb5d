package dev.warpsql.planner.lower;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ChunkPruner;
import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.executor.pipeline.KernelStep;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.pipeline.ScanStep;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.cpu.CpuKernel;
import dev.warpsql.kernels.cuda.ModuleCache;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.Sink;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.planner.exec.StatementDevice;
import dev.warpsql.planner.rel.WarpRel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexBuilder;

/**
 * Lowers a physical plan in the WARP convention into {@link ExecutionStep}s, compiling one kernel
 * per pipeline.
 *
 * <p>Each operator extends the open {@link Stream} of its input ({@link WarpRel#lower}); pipeline
 * breakers close it with {@link #closeInto}, which is where the kernel is built. A lowering is used
 * for one statement and is not thread-safe.
 *
 * <p>Every pipeline is compiled for the CPU, which runs it when there is no device or the device
 * cannot. With a device, the pipeline's PTX is emitted too, and the pipeline descriptions name the
 * device that will run each pipeline, with the reason for each fallback to the CPU.
 */
public final class PlanLowering {
  private final CpuBackend backend;
  private final RexBuilder rexBuilder;
  private final List<DataType> paramTypes;
  private final DeviceRuntime device;
  private final List<String> pipelineDescriptions = new ArrayList<>();
  private int pipelines;
  private int sorts;

  /**
   * Creates a lowering for the device of the connection whose statement this thread prepares (see
   * {@link StatementDevice}).
   *
   * @param paramTypes kernel types of the statement's dynamic parameters, by index
   */
  public PlanLowering(CpuBackend backend, RexBuilder rexBuilder, List<DataType> paramTypes) {
    this(backend, rexBuilder, paramTypes, StatementDevice.current());
  }

  /**
   * @param paramTypes kernel types of the statement's dynamic parameters, by index
   * @param device the device that will run the pipelines, or null for the CPU
   */
  public PlanLowering(
      CpuBackend backend, RexBuilder rexBuilder, List<DataType> paramTypes, DeviceRuntime device) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.rexBuilder = Objects.requireNonNull(rexBuilder, "rexBuilder");
    this.paramTypes = List.copyOf(paramTypes);
    this.device = device;
  }

  /** Lowers the whole plan and returns the step that produces its result. */
  public ExecutionStep lowerRoot(WarpRel root) {
    Stream stream = root.lower(this);
    return close(stream, root.getRowType().getFieldNames()).step();
  }

  /** Lowers an input operator. */
  public Stream lower(RelNode input) {
    if (!(input instanceof WarpRel warp)) {
      throw new UnsupportedLoweringException(
          "operator " + input.getRelTypeName() + " is not in the WARP convention");
    }
    return warp.lower(this);
  }

  /** Returns an expression lowering over the given stream. */
  public RexLowering rex(Stream stream) {
    return new RexLowering(stream, rexBuilder);
  }

  public RexBuilder rexBuilder() {
    return rexBuilder;
  }

  public CpuBackend backend() {
    return backend;
  }

  /** Returns the device that will run the pipelines, or null for the CPU. */
  public DeviceRuntime device() {
    return device;
  }

  /**
   * Returns one line per compiled pipeline and per ORDER BY, in the order they were lowered. A
   * pipeline's line has its number, fused operators, kernel shape and the device that runs it. A
   * sort's line has its keys and where it runs.
   */
  public List<String> pipelineDescriptions() {
    return List.copyOf(pipelineDescriptions);
  }

  /**
   * Closes a stream: returns a step whose batch contains the stream's current columns, running a
   * materializing kernel unless the stream passes its source through unchanged.
   */
  public Closed close(Stream stream, List<String> names) {
    if (stream.isIdentity()) {
      return new Closed(stream.source(), stream.sourceColumns());
    }
    List<BatchColumn> outputs = new ArrayList<>();
    for (int i = 0; i < stream.columns().size(); i++) {
      Expr column = stream.columns().get(i);
      outputs.add(column(names.get(i), column, stream.dictionaries().get(i)));
    }
    KernelStep step =
        closeInto(stream, new MaterializeSink(stream.columns()), outputs, "materialize");
    return new Closed(step, outputs);
  }

  /**
   * Returns the batch column for a kernel output. A VARCHAR whose dictionary is only known at
   * execution time (a fallback source, a hash build, a string function's results) gets an empty
   * placeholder; kernels replace it with the real dictionary when they run.
   */
  public static BatchColumn column(String name, Expr expr, StringDictionary dictionary) {
    StringDictionary known =
        dictionary == null && expr.type().kind() == TypeKind.VARCHAR
            ? new StringDictionary()
            : dictionary;
    return new BatchColumn(name, expr.type(), expr.nullable(), known);
  }

  /**
   * Returns where a pipeline runs: {@code on cpu}, {@code on gpu} or {@code on ptx-sim}, or {@code
   * on cpu, fallback: reason} when the device cannot run it. A pipeline that the device runs starts
   * loading its modules, and those of its hash builds, in the background, so that the pipelines of
   * a new query shape compile in parallel while the rest is planned.
   */
  private String deviceOf(KernelProgram program) {
    if (device == null) {
      return "on cpu";
    }
    ModuleCache.Emission emission = device.modules().emit(program);
    if (!emission.emitted()) {
      return "on cpu, fallback: " + emission.rejection();
    }
    device.modules().preload(program);
    for (ProbeStage probe : program.probes()) {
      device.modules().preloadHashBuild(probe.keys().stream().map(Expr::type).toList());
    }
    return "on " + device.name();
  }

  /**
   * Adds the line of an ORDER BY over {@code keys}, each written like {@code name DESC NULLS
   * FIRST}.
   */
  public void describeSort(List<String> keys) {
    sorts++;
    pipelineDescriptions.add(
        "sort" + sorts + ": order by " + String.join(", ", keys) + " [" + sortDevice() + "]");
  }

  /**
   * Returns where a sort runs: on the CPU without a device, otherwise on the device from its
   * minimum row count.
   */
  private String sortDevice() {
    if (device == null) {
      return "on cpu";
    }
    if (device.sortMinRows() <= 1) {
      return "on " + device.name();
    }
    return "on " + device.name() + " from " + device.sortMinRows() + " rows, else on cpu";
  }

  /** A closed stream: the step that materializes it and the columns of its batch. */
  public record Closed(ExecutionStep step, List<BatchColumn> columns) {}

  /**
   * Closes a stream into a kernel with the given sink, reading only the source columns that the
   * filter and sink use.
   *
   * @param outputs columns of the batch the kernel's sink produces
   */
  public KernelStep closeInto(
      Stream stream, Sink sink, List<BatchColumn> outputs, String sinkName) {
    BitSet used = new BitSet();
    if (stream.filter() != null) {
      InputRemapper.collect(stream.filter(), used);
    }
    for (Expr expr : SinkRemapper.expressions(sink)) {
      InputRemapper.collect(expr, used);
    }
    for (ProbeStage probe : stream.probes()) {
      InputRemapper.collect(probe, used);
    }
    for (LookupSource lookup : stream.lookups()) {
      if (lookup.origin().isInput()) {
        used.set(lookup.origin().column());
      }
    }

    int[] mapping = new int[stream.sourceColumns().size()];
    int[] inputColumns = new int[used.cardinality()];
    List<KernelProgram.InputColumn> inputs = new ArrayList<>();
    int next = 0;
    for (int column = used.nextSetBit(0); column >= 0; column = used.nextSetBit(column + 1)) {
      mapping[column] = next;
      inputColumns[next] = column;
      BatchColumn source = stream.sourceColumns().get(column);
      inputs.add(new KernelProgram.InputColumn(source.type(), source.nullable()));
      next++;
    }

    List<LookupSource> lookups = new ArrayList<>();
    for (LookupSource lookup : stream.lookups()) {
      ColumnOrigin origin = lookup.origin();
      ColumnOrigin remapped =
          origin.isInput() ? ColumnOrigin.input(mapping[origin.column()]) : origin;
      lookups.add(lookup.withOrigin(remapped));
    }
    List<ProbeStage> probes = new ArrayList<>();
    for (ProbeStage probe : stream.probes()) {
      probes.add(InputRemapper.remap(probe, mapping));
    }
    Expr filter = stream.filter() == null ? null : InputRemapper.remap(stream.filter(), mapping);
    Sink remappedSink = SinkRemapper.remap(sink, mapping);

    ChunkPruner pruner = stream.pruner();
    if (pruner == null && stream.filter() != null && stream.source() instanceof ScanStep) {
      pruner = ZoneMapPruner.forFilter(stream.filter());
    }

    pipelines++;
    String name = "pipeline" + pipelines;
    KernelProgram program =
        new KernelProgram(name, inputs, paramTypes, lookups.size(), filter, probes, remappedSink);
    CpuKernel kernel = backend.compile(program);
    pipelineDescriptions.add(
        name
            + ": "
            + String.join(" -> ", stream.operators())
            + " -> "
            + sinkName
            + " ["
            + (KernelStep.keepsOrderOf(stream.source(), program)
                ? "on cpu, keeps the order of the sort"
                : deviceOf(program))
            + "]");
    return new KernelStep(
        stream.source(), inputColumns, kernel, outputs, lookups, pruner, stream.builds());
  }
}
