package dev.warpsql.kernels.ptxsim;

import dev.warpsql.kernels.cpu.LookupTable;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Seeded random inputs for differential runs: NULLs in every nullable column, edge values (type
 * limits, NaN, infinities, -0.0, DECIMAL precision limits, far dates), lookup tables of the kinds a
 * program reads, and build sides whose keys overlap the probe keys.
 */
public final class SimDataSets {
  /** Value ranges of generated data. */
  public enum Profile {
    /** Moderate values plus edge values in about 3% of the cells: many row errors. */
    EDGES,
    /** Moderate values only, so that sums do not overflow. */
    MODERATE,
    /** Values from a few dozen distinct ones, so that join keys and groups repeat. */
    SMALL
  }

  /** Number of dictionary codes of VARCHAR columns; lookup tables cover exactly these codes. */
  public static final int DICTIONARY_SIZE = 12;

  private static final double NULL_RATE = 0.1;

  private SimDataSets() {}

  /** Returns inputs for {@code program} with {@code rows} rows; the caller closes the vectors. */
  public static SimKernelInputs generate(
      KernelProgram program, int rows, Profile profile, long seed, BufferAllocator allocator) {
    Random random = new Random(seed);
    List<FieldVector> columns = new ArrayList<>();
    for (int i = 0; i < program.inputs().size(); i++) {
      KernelProgram.InputColumn column = program.inputs().get(i);
      columns.add(
          column("in" + i, column.type(), column.nullable(), rows, profile, random, allocator));
    }
    Object[] params = new Object[program.params().size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = value(program.params().get(i), Profile.MODERATE, random);
    }
    LookupTable[] lookups = lookups(program, random);
    SimKernelInputs.BuildSide[] buildSides = buildSides(program, random, allocator);
    return new SimKernelInputs(columns, params, lookups, buildSides, rows);
  }

  /** Returns a copy of {@code inputs} without the given rows; build sides and tables are shared. */
  public static SimKernelInputs withoutRows(
      KernelProgram program,
      SimKernelInputs inputs,
      Set<Integer> dropped,
      BufferAllocator allocator) {
    List<FieldVector> columns = new ArrayList<>();
    for (int i = 0; i < inputs.columns().size(); i++) {
      FieldVector source = inputs.columns().get(i);
      List<Object> values = new ArrayList<>();
      for (int row = 0; row < inputs.rowCount(); row++) {
        if (!dropped.contains(row)) {
          values.add(SimVectors.value(source, row));
        }
      }
      columns.add(SimVectors.of("in" + i, program.inputs().get(i).type(), values, allocator));
    }
    int rows = inputs.rowCount() - dropped.size();
    return new SimKernelInputs(
        columns, inputs.params(), inputs.lookups(), inputs.buildSides(), rows);
  }

  /** Returns a nullable vector of physical values (Long, Double, Boolean, null for NULL). */
  public static FieldVector vector(
      String name, DataType type, List<Object> values, BufferAllocator allocator) {
    return SimVectors.of(name, type, values, allocator);
  }

  /** Closes every vector of {@code inputs}, build sides included. */
  public static void close(SimKernelInputs inputs) {
    inputs.columns().forEach(FieldVector::close);
    if (inputs.buildSides() != null) {
      for (SimKernelInputs.BuildSide side : inputs.buildSides()) {
        if (side != null) {
          side.keyColumns().forEach(FieldVector::close);
          side.payload().forEach(FieldVector::close);
        }
      }
    }
  }

  /** Closes the input columns only, for a copy made by {@link #withoutRows}. */
  public static void closeColumns(SimKernelInputs inputs) {
    inputs.columns().forEach(FieldVector::close);
  }

  static FieldVector column(
      String name,
      DataType type,
      boolean nullable,
      int rows,
      Profile profile,
      Random random,
      BufferAllocator allocator) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      boolean isNull = nullable && random.nextDouble() < NULL_RATE;
      values.add(isNull ? null : value(type, profile, random));
    }
    return SimVectors.of(name, type, values, allocator);
  }

  /** Returns one physical value of {@code type}. */
  static Object value(DataType type, Profile profile, Random random) {
    if (profile == Profile.EDGES && random.nextDouble() < 0.03) {
      return edge(type, random);
    }
    boolean small = profile == Profile.SMALL;
    return switch (type.kind()) {
      case BOOLEAN -> random.nextBoolean();
      case TINYINT -> (long) (random.nextInt(small ? 9 : 41) - (small ? 4 : 20));
      case SMALLINT -> (long) (random.nextInt(small ? 9 : 2001) - (small ? 4 : 1000));
      case INTEGER -> (long) (random.nextInt(small ? 9 : 200_001) - (small ? 4 : 100_000));
      case BIGINT -> small ? random.nextInt(9) - 4L : random.nextLong() % 1_000_000_000L;
      case DECIMAL -> small ? 25L * (random.nextInt(9) - 4) : decimal(type, random);
      case REAL, DOUBLE -> small ? smallDouble(random) : moderateDouble(type, random);
      case DATE -> (long) (small ? 19_000 + random.nextInt(5) : random.nextInt(50_000) - 25_000);
      case TIME -> small ? 1_000_000L * random.nextInt(4) : (long) (random.nextDouble() * 86_400e6);
      case TIMESTAMP ->
          small ? 86_400_000_000L * random.nextInt(4) : random.nextLong() % 2_000_000_000_000_000L;
      case VARCHAR -> (long) random.nextInt(DICTIONARY_SIZE);
    };
  }

  private static long decimal(DataType type, Random random) {
    int digits = Math.min(type.precision(), 7);
    long bound = (long) Math.pow(10, digits);
    return random.nextLong() % bound;
  }

  private static double smallDouble(Random random) {
    int pick = random.nextInt(12);
    if (pick == 0) {
      return Double.NaN;
    }
    if (pick == 1) {
      return -0.0;
    }
    return (pick - 6) * 0.5;
  }

  private static double moderateDouble(DataType type, Random random) {
    double value = (random.nextDouble() - 0.5) * 2_000;
    return type.kind() == TypeKind.REAL ? (double) (float) value : value;
  }

  private static Object edge(DataType type, Random random) {
    List<Object> edges =
        switch (type.kind()) {
          case BOOLEAN -> List.of(true, false);
          case TINYINT -> List.of(-128L, 127L, 0L, -1L);
          case SMALLINT -> List.of(-32768L, 32767L, 0L, -1L);
          case INTEGER, DATE ->
              List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L, -1L);
          case BIGINT, TIMESTAMP, TIME -> List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L);
          case DECIMAL -> decimalEdges(type);
          case REAL ->
              List.of(
                  Double.NaN,
                  -0.0,
                  Double.POSITIVE_INFINITY,
                  Double.NEGATIVE_INFINITY,
                  (double) Float.MAX_VALUE,
                  (double) Float.MIN_VALUE);
          case DOUBLE ->
              List.of(
                  Double.NaN,
                  -0.0,
                  Double.POSITIVE_INFINITY,
                  Double.NEGATIVE_INFINITY,
                  Double.MAX_VALUE,
                  Double.MIN_VALUE,
                  9.223372036854776E18);
          case VARCHAR -> List.of((long) DICTIONARY_SIZE - 1, 0L);
        };
    return edges.get(random.nextInt(edges.size()));
  }

  private static List<Object> decimalEdges(DataType type) {
    if (type.precision() >= 19) {
      return List.of(Long.MAX_VALUE, Long.MIN_VALUE + 1, 0L, 1L, -1L);
    }
    long max = (long) Math.pow(10, type.precision()) - 1;
    return List.of(max, -max, 0L, 1L, -1L);
  }

  /** Returns one table per lookup index, of the kind its readers need, codes 0..size-1. */
  private static LookupTable[] lookups(KernelProgram program, Random random) {
    Map<Integer, Expr> readers = new HashMap<>();
    for (Expr expr : expressions(program)) {
      collectLookups(expr, readers);
    }
    LookupTable[] tables = new LookupTable[program.lookupTables()];
    for (int i = 0; i < tables.length; i++) {
      boolean[] nulls = new boolean[DICTIONARY_SIZE];
      for (int code = 0; code < DICTIONARY_SIZE; code++) {
        nulls[code] = random.nextInt(6) == 0;
      }
      Expr reader = readers.get(i);
      if (reader instanceof CodeMap map && SimKernelHarness.floating(map.type())) {
        double[] values = new double[DICTIONARY_SIZE];
        for (int code = 0; code < DICTIONARY_SIZE; code++) {
          values[code] = code == 1 ? Double.NaN : code == 2 ? -0.0 : (code - 5) * 1.25;
        }
        tables[i] = LookupTable.ofDoubles(values, nulls);
      } else if (reader instanceof CodeMap) {
        long[] values = new long[DICTIONARY_SIZE];
        for (int code = 0; code < DICTIONARY_SIZE; code++) {
          values[code] = random.nextInt(DICTIONARY_SIZE);
        }
        tables[i] = LookupTable.ofLongs(values, nulls);
      } else {
        boolean[] values = new boolean[DICTIONARY_SIZE];
        for (int code = 0; code < DICTIONARY_SIZE; code++) {
          values[code] = random.nextBoolean();
        }
        tables[i] = new LookupTable(values, random.nextBoolean() ? nulls : null);
      }
    }
    return tables;
  }

  private static SimKernelInputs.BuildSide[] buildSides(
      KernelProgram program, Random random, BufferAllocator allocator) {
    if (program.probes().isEmpty()) {
      return null;
    }
    int tables = 0;
    for (ProbeStage stage : program.probes()) {
      tables = Math.max(tables, stage.table() + 1);
    }
    SimKernelInputs.BuildSide[] sides = new SimKernelInputs.BuildSide[tables];
    for (ProbeStage stage : program.probes()) {
      int rows = 150 + random.nextInt(100);
      List<DataType> keyTypes = new ArrayList<>();
      List<FieldVector> keys = new ArrayList<>();
      for (int k = 0; k < stage.keys().size(); k++) {
        DataType type = stage.keys().get(k).type();
        keyTypes.add(type);
        keys.add(column("key" + k, type, true, rows, Profile.SMALL, random, allocator));
      }
      List<FieldVector> payload = new ArrayList<>();
      for (int c = 0; c < stage.buildColumns().size(); c++) {
        KernelProgram.InputColumn column = stage.buildColumns().get(c);
        payload.add(
            column(
                "col" + c,
                column.type(),
                column.nullable(),
                rows,
                Profile.SMALL,
                random,
                allocator));
      }
      sides[stage.table()] = new SimKernelInputs.BuildSide(keys, keyTypes, payload);
    }
    return sides;
  }

  /** Returns every expression of a program: filter, probe keys and conditions, sink. */
  static List<Expr> expressions(KernelProgram program) {
    List<Expr> exprs = new ArrayList<>();
    if (program.filter() != null) {
      exprs.add(program.filter());
    }
    for (ProbeStage stage : program.probes()) {
      exprs.addAll(stage.keys());
      if (stage.residual() != null) {
        exprs.add(stage.residual());
      }
      if (stage.after() != null) {
        exprs.add(stage.after());
      }
    }
    if (program.sink() instanceof MaterializeSink sink) {
      exprs.addAll(sink.outputs());
    } else {
      AggregateSink sink = (AggregateSink) program.sink();
      exprs.addAll(sink.groupKeys());
      for (AggregateCall call : sink.calls()) {
        if (call.argument() != null) {
          exprs.add(call.argument());
        }
      }
    }
    return exprs;
  }

  private static void collectLookups(Expr expr, Map<Integer, Expr> readers) {
    if (expr instanceof CodeLookup lookup) {
      readers.put(lookup.table(), lookup);
      collectLookups(lookup.code(), readers);
    } else if (expr instanceof CodeMap map) {
      readers.put(map.table(), map);
      collectLookups(map.code(), readers);
    } else if (expr instanceof Call call) {
      call.operands().forEach(operand -> collectLookups(operand, readers));
    } else if (expr instanceof BuildRef) {
      return;
    }
  }
}
