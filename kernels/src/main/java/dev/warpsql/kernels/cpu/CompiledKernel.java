package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * {@link CpuKernel} over a generated class: checks each run's arguments once, then hands the row
 * range to the generated loop. Programs of the same canonical text share the generated class.
 */
final class CompiledKernel implements CpuKernel {
  private final KernelProgram program;
  private final String javaSource;
  private final GeneratedKernel generated;

  /** Types that the program's expressions read each lookup table as, by table index. */
  private final Map<Integer, Set<DataType>> lookupTypes;

  CompiledKernel(KernelProgram program, String javaSource, GeneratedKernel generated) {
    this.program = program;
    this.javaSource = javaSource;
    this.generated = generated;
    this.lookupTypes = ExprReferences.of(ExprReferences.pipelineExprs(program)).lookupTypes;
  }

  /** Returns a kernel for another program of the same canonical text, sharing the bytecode. */
  CompiledKernel forProgram(KernelProgram other) {
    return other == program ? this : new CompiledKernel(other, javaSource, generated);
  }

  @Override
  public KernelProgram program() {
    return program;
  }

  @Override
  public String javaSource() {
    return javaSource;
  }

  @Override
  public void run(KernelArguments arguments, int rowStart, int rowEnd, MaterializeOutput output) {
    if (!(program.sink() instanceof MaterializeSink sink)) {
      throw new IllegalStateException(
          "pipeline " + program.name() + " aggregates; run it with an AggregationTable");
    }
    checkArguments(arguments, rowStart, rowEnd);
    checkOutput(sink, output);
    generated.materialize(arguments, rowStart, rowEnd, output);
  }

  @Override
  public void run(KernelArguments arguments, int rowStart, int rowEnd, AggregationTable table) {
    if (!(program.sink() instanceof AggregateSink sink)) {
      throw new IllegalStateException(
          "pipeline " + program.name() + " materializes; run it with a MaterializeOutput");
    }
    checkArguments(arguments, rowStart, rowEnd);
    if (!table.sink().equals(sink)) {
      throw new IllegalArgumentException(
          "aggregation table was built for another sink than pipeline " + program.name());
    }
    generated.aggregate(arguments, rowStart, rowEnd, table);
  }

  @Override
  public void checkArguments(KernelArguments arguments, int rowStart, int rowEnd) {
    List<FieldVector> inputs = arguments.inputs();
    if (inputs.size() != program.inputs().size()) {
      throw invalid(program.inputs().size() + " input vectors expected, got " + inputs.size());
    }
    if (rowStart < 0 || rowStart > rowEnd) {
      throw invalid("invalid row range [" + rowStart + ", " + rowEnd + ")");
    }
    for (int i = 0; i < inputs.size(); i++) {
      FieldVector vector = inputs.get(i);
      checkVectorType("input " + i, vector, program.inputs().get(i).type());
      if (vector.getValueCount() < rowEnd) {
        throw invalid(
            "input " + i + " has " + vector.getValueCount() + " rows, the run needs " + rowEnd);
      }
    }
    checkParams(arguments.params());
    LookupTable[] lookups = arguments.lookups();
    for (int i = 0; i < program.lookupTables(); i++) {
      if (lookups == null || lookups.length <= i || lookups[i] == null) {
        throw invalid("lookup table #" + i + " is missing");
      }
    }
    for (Map.Entry<Integer, Set<DataType>> entry : lookupTypes.entrySet()) {
      for (DataType type : entry.getValue()) {
        checkLookupTable(entry.getKey(), lookups[entry.getKey()], type);
      }
    }
    List<ProbeStage> probes = program.probes();
    for (int p = 0; p < probes.size(); p++) {
      checkBuildSide(p, probes.get(p), arguments.buildSides());
    }
  }

  /** Checks that the build side of probe stage {@code p} has the stage's key and payload types. */
  private void checkBuildSide(int p, ProbeStage probe, JoinBuildSide[] sides) {
    int index = probe.table();
    String tableName = "hash table #" + index + " of probe stage " + p;
    if (sides == null || sides.length <= index || sides[index] == null) {
      throw invalid(tableName + " is missing");
    }
    JoinBuildSide table = sides[index];
    if (table.isClosed()) {
      throw invalid(tableName + " is closed");
    }

    List<DataType> keyTypes = table.keyTypes();
    List<Expr> keys = probe.keys();
    if (keyTypes.size() != keys.size()) {
      throw invalid(
          tableName + " has " + keyTypes.size() + " keys, the stage probes " + keys.size());
    }
    for (int k = 0; k < keys.size(); k++) {
      DataType probeType = keys.get(k).type();
      DataType buildType = keyTypes.get(k);
      boolean sameKind = probeType.kind() == buildType.kind();
      if (!sameKind
          || (probeType.kind() == TypeKind.DECIMAL && probeType.scale() != buildType.scale())) {
        throw invalid(
            tableName
                + " key "
                + k
                + " is "
                + buildType
                + " but the stage probes it with "
                + probeType);
      }
    }

    List<FieldVector> payload = table.payload();
    List<KernelProgram.InputColumn> columns = probe.buildColumns();
    if (payload.size() != columns.size()) {
      throw invalid(
          tableName
              + " has "
              + payload.size()
              + " payload columns, the stage expects "
              + columns.size());
    }
    for (int c = 0; c < columns.size(); c++) {
      checkVectorType(tableName + " payload column " + c, payload.get(c), columns.get(c).type());
    }
  }

  /**
   * Checks that a lookup table is of the kind that an expression of {@code type} reads and, for a
   * LONG table, that its non-NULL values fit {@code type}.
   */
  private void checkLookupTable(int index, LookupTable table, DataType type) {
    LookupTable.Kind expected = LookupTable.kindReadAs(type);
    if (table.kind() != expected) {
      String reader = type.kind() == TypeKind.BOOLEAN ? "a CodeLookup" : "a CodeMap";
      throw invalid(
          "lookup table #"
              + index
              + " contains "
              + table.kind()
              + " values, but "
              + reader
              + " reads it as "
              + type
              + ", which needs a "
              + expected
              + " table");
    }
    long min = table.minLong();
    long max = table.maxLong();
    if (expected != LookupTable.Kind.LONG || min > max) {
      return;
    }
    boolean fits =
        switch (type.kind()) {
          case TINYINT, SMALLINT, INTEGER ->
              fitsRange(min, IntegerRange.of(type)) && fitsRange(max, IntegerRange.of(type));
          case DATE, VARCHAR -> min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE;
          case DECIMAL ->
              DecimalArithmetic.fitsPrecision(min, type.precision())
                  && DecimalArithmetic.fitsPrecision(max, type.precision());
          default -> true;
        };
    if (!fits) {
      throw invalid(
          "lookup table #"
              + index
              + " contains values from "
              + min
              + " to "
              + max
              + ", which do not all fit "
              + type);
    }
  }

  private void checkParams(Object[] params) {
    List<DataType> types = program.params();
    if (types.isEmpty()) {
      return;
    }
    if (params == null || params.length < types.size()) {
      throw invalid(
          types.size() + " parameters expected, got " + (params == null ? 0 : params.length));
    }
    for (int i = 0; i < types.size(); i++) {
      checkParam(i, params[i], types.get(i));
    }
  }

  private void checkParam(int index, Object value, DataType type) {
    if (value == null) {
      return;
    }
    Class<?> expected =
        switch (type.physicalType()) {
          case BOOLEAN -> Boolean.class;
          case INT, LONG -> Long.class;
          case FLOAT, DOUBLE -> Double.class;
        };
    if (!expected.isInstance(value)) {
      throw invalid(
          "parameter ?"
              + index
              + " of type "
              + type
              + " must be a "
              + expected.getSimpleName()
              + ", got "
              + value.getClass().getSimpleName());
    }
    boolean fits =
        switch (type.kind()) {
          case TINYINT, SMALLINT, INTEGER -> fitsRange((Long) value, IntegerRange.of(type));
          case DATE, VARCHAR -> (Long) value == ((Long) value).intValue();
          case DECIMAL -> DecimalArithmetic.fitsPrecision((Long) value, type.precision());
          default -> true;
        };
    if (!fits) {
      throw invalid("parameter ?" + index + " value " + value + " does not fit " + type);
    }
  }

  private static boolean fitsRange(long value, IntegerRange range) {
    return value >= range.min() && value <= range.max();
  }

  private void checkOutput(MaterializeSink sink, MaterializeOutput output) {
    List<FieldVector> vectors = output.vectors();
    List<Expr> outputs = sink.outputs();
    if (vectors.size() != outputs.size()) {
      throw invalid(outputs.size() + " output vectors expected, got " + vectors.size());
    }
    for (int i = 0; i < vectors.size(); i++) {
      checkVectorType("output " + i, vectors.get(i), outputs.get(i).type());
    }
  }

  private void checkVectorType(String what, FieldVector vector, DataType type) {
    if (!vector.getField().getType().equals(ArrowColumns.arrowType(type))) {
      throw invalid(
          what
              + " must be a "
              + ArrowColumns.arrowType(type)
              + " vector for "
              + type
              + ", got "
              + vector.getField().getType());
    }
  }

  private IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("pipeline " + program.name() + ": " + message);
  }
}
