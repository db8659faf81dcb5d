package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.cpu.AggregationTable;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.cpu.CpuKernel;
import dev.warpsql.kernels.cpu.JoinBuildSide;
import dev.warpsql.kernels.cpu.KernelArguments;
import dev.warpsql.kernels.cpu.MaterializeOutput;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ptx.PtxErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** Runs a program on the CPU backend over {@link SimKernelInputs}, the differential reference. */
public final class SimCpuReference {
  private static final CpuBackend BACKEND = new CpuBackend(256);

  private SimCpuReference() {}

  /** Runs the whole input and returns the rows, or the error code with row -1. */
  public static SimKernelResult run(
      KernelProgram program, SimKernelInputs inputs, BufferAllocator allocator) {
    CpuKernel kernel = BACKEND.compile(program);
    List<JoinBuildSide> tables = hashTables(inputs);
    try {
      KernelArguments arguments = arguments(inputs, tables);
      if (program.sink() instanceof MaterializeSink sink) {
        return new SimKernelResult(
            0, 0, materialize(kernel, sink.outputs(), arguments, 0, inputs.rowCount(), allocator));
      }
      AggregateSink sink = (AggregateSink) program.sink();
      try (AggregationTable table = new AggregationTable(sink)) {
        kernel.run(arguments, 0, inputs.rowCount(), table);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sink.groupKeys().size() + sink.calls().size(); i++) {
          names.add("c" + i);
        }
        List<FieldVector> vectors = table.toVectors(allocator, names);
        try {
          return new SimKernelResult(0, 0, SimVectors.rows(vectors));
        } finally {
          vectors.forEach(FieldVector::close);
        }
      }
    } catch (KernelException e) {
      return new SimKernelResult(PtxErrors.codeOf(e.code()), -1, List.of());
    } finally {
      tables.forEach(JoinBuildSide::close);
    }
  }

  /**
   * Returns, by input row, the error that evaluating that row alone raises: the row's filter,
   * probes and sink expressions (the group keys and arguments of an aggregate), without the
   * aggregation itself, whose overflow depends on the other rows.
   */
  public static Map<Integer, KernelErrorCode> rowErrors(
      KernelProgram program, SimKernelInputs inputs, BufferAllocator allocator) {
    KernelProgram rowProgram = rowProgram(program);
    CpuKernel kernel = BACKEND.compile(rowProgram);
    List<Expr> outputs = ((MaterializeSink) rowProgram.sink()).outputs();
    Map<Integer, KernelErrorCode> errors = new TreeMap<>();
    List<JoinBuildSide> tables = hashTables(inputs);
    List<FieldVector> vectors = outputVectors(outputs, allocator);
    try (MaterializeOutput output = new MaterializeOutput(vectors)) {
      KernelArguments arguments = arguments(inputs, tables);
      for (int row = 0; row < inputs.rowCount(); row++) {
        try {
          kernel.run(arguments, row, row + 1, output);
        } catch (KernelException e) {
          errors.put(row, e.code());
        }
      }
      output.finish().forEach(FieldVector::close);
    } finally {
      tables.forEach(JoinBuildSide::close);
    }
    return errors;
  }

  /** Returns the program with a materialize sink of what a row evaluates. */
  private static KernelProgram rowProgram(KernelProgram program) {
    if (program.sink() instanceof MaterializeSink) {
      return program;
    }
    AggregateSink sink = (AggregateSink) program.sink();
    List<Expr> outputs = new ArrayList<>(sink.groupKeys());
    for (AggregateCall call : sink.calls()) {
      if (call.argument() != null) {
        outputs.add(call.argument());
      }
    }
    return new KernelProgram(
        program.name() + "_rows",
        program.inputs(),
        program.params(),
        program.lookupTables(),
        program.filter(),
        program.probes(),
        new MaterializeSink(outputs));
  }

  private static List<List<Object>> materialize(
      CpuKernel kernel,
      List<Expr> outputs,
      KernelArguments arguments,
      int start,
      int end,
      BufferAllocator allocator) {
    try (MaterializeOutput output = new MaterializeOutput(outputVectors(outputs, allocator))) {
      kernel.run(arguments, start, end, output);
      List<FieldVector> finished = output.finish();
      try {
        return SimVectors.rows(finished);
      } finally {
        finished.forEach(FieldVector::close);
      }
    }
  }

  private static List<FieldVector> outputVectors(List<Expr> outputs, BufferAllocator allocator) {
    List<FieldVector> vectors = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      vectors.add(ArrowColumns.createVector("out" + i, outputs.get(i).type(), true, 0, allocator));
    }
    return vectors;
  }

  private static KernelArguments arguments(SimKernelInputs inputs, List<JoinBuildSide> tables) {
    JoinBuildSide[] array = null;
    if (inputs.buildSides() != null) {
      array = new JoinBuildSide[inputs.buildSides().length];
      int next = 0;
      for (int i = 0; i < array.length; i++) {
        if (inputs.buildSides()[i] != null) {
          array[i] = tables.get(next++);
        }
      }
    }
    return new KernelArguments(inputs.columns(), inputs.params(), inputs.lookups(), array);
  }

  private static List<JoinBuildSide> hashTables(SimKernelInputs inputs) {
    List<JoinBuildSide> tables = new ArrayList<>();
    if (inputs.buildSides() != null) {
      for (SimKernelInputs.BuildSide side : inputs.buildSides()) {
        if (side != null) {
          tables.add(JoinBuildSide.of(side.keyColumns(), side.keyTypes(), side.payload()));
        }
      }
    }
    return tables;
  }
}
