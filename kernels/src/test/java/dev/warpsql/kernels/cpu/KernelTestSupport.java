package dev.warpsql.kernels.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the CPU backend tests: a fresh allocator per test, closed afterwards so that a leaked
 * buffer fails the test, and helpers that build vectors and run one-expression kernels.
 *
 * <p>Values are in the physical representation of {@code Literal}: Long, Double, Boolean, or null
 * for SQL NULL.
 */
abstract class KernelTestSupport {
  protected final CpuBackend backend = new CpuBackend(64);
  protected RootAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  static Literal lit(long value, DataType type) {
    return Literal.ofLong(value, type);
  }

  static Literal lit(double value, DataType type) {
    return new Literal(value, type);
  }

  static Literal lit(boolean value) {
    return new Literal(value, DataType.BOOLEAN);
  }

  static Literal nullOf(DataType type) {
    return Literal.nullOf(type);
  }

  static InputRef in(int index, DataType type) {
    return new InputRef(index, type, true);
  }

  /** Returns the columns of a table's groups: the keys, then the calls. */
  List<List<Object>> columns(AggregationTable table) {
    int count = table.sink().groupKeys().size() + table.sink().calls().size();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add("c" + i);
    }
    List<List<Object>> columns = new ArrayList<>();
    for (FieldVector vector : table.toVectors(allocator, names)) {
      try (vector) {
        columns.add(values(vector));
      }
    }
    return columns;
  }

  /** Evaluates a constant expression, expects it to raise {@code code}, and returns the error. */
  KernelException raises(Expr expr, KernelErrorCode code) {
    Throwable thrown = catchThrowable(() -> eval(expr));
    assertThat(thrown).isInstanceOf(KernelException.class);
    KernelException exception = (KernelException) thrown;
    assertThat(exception.code()).as(exception.getMessage()).isEqualTo(code);
    return exception;
  }

  /** Returns a nullable vector of the given physical values; the caller closes it. */
  FieldVector vector(DataType type, Object... values) {
    FieldVector vector = ArrowColumns.createVector("c", type, true, 0, allocator);
    vector.setInitialCapacity(values.length);
    vector.allocateNew();
    for (int row = 0; row < values.length; row++) {
      Object value = values[row];
      if (value instanceof Double d) {
        ArrowValueWriter.setDouble(vector, row, d);
      } else if (value instanceof Boolean b) {
        ArrowValueWriter.setLong(vector, row, b ? 1 : 0);
      } else if (value != null) {
        ArrowValueWriter.setLong(vector, row, (Long) value);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  /** Returns the physical value of one row, or null for SQL NULL. */
  static Object valueAt(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return null;
    }
    if (vector instanceof BigIntVector v) {
      return v.get(row);
    } else if (vector instanceof IntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof DateDayVector v) {
      return (long) v.get(row);
    } else if (vector instanceof SmallIntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof TinyIntVector v) {
      return (long) v.get(row);
    } else if (vector instanceof TimeMicroVector v) {
      return v.get(row);
    } else if (vector instanceof TimeStampMicroVector v) {
      return v.get(row);
    } else if (vector instanceof BitVector v) {
      return v.get(row) != 0;
    } else if (vector instanceof Float8Vector v) {
      return v.get(row);
    } else if (vector instanceof Float4Vector v) {
      return (double) v.get(row);
    }
    throw new IllegalArgumentException(vector.getClass().getSimpleName());
  }

  static List<Object> values(FieldVector vector) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < vector.getValueCount(); row++) {
      values.add(valueAt(vector, row));
    }
    return values;
  }

  /** Evaluates a constant expression (no inputs) for one row. */
  Object eval(Expr expr) {
    KernelProgram program =
        new KernelProgram(
            "eval", List.of(), List.of(), 0, null, new MaterializeSink(List.of(expr)));
    return materialize(program, List.of(), null, null, 1).get(0).get(0);
  }

  /** Evaluates an expression over one input column and returns one value per row. */
  List<Object> evalOver(Expr expr, DataType inputType, Object... inputValues) {
    KernelProgram program =
        new KernelProgram(
            "eval",
            List.of(new KernelProgram.InputColumn(inputType, true)),
            List.of(),
            0,
            null,
            new MaterializeSink(List.of(expr)));
    try (FieldVector input = vector(inputType, inputValues)) {
      return materialize(program, List.of(input), null, null, inputValues.length).get(0);
    }
  }

  /** Runs a materializing program over rows [0, rows) and returns its columns' values. */
  List<List<Object>> materialize(
      KernelProgram program,
      List<FieldVector> inputs,
      Object[] params,
      LookupTable[] lookups,
      int rows) {
    CpuKernel kernel = backend.compile(program);
    List<FieldVector> vectors = outputVectors(program);
    try (MaterializeOutput output = new MaterializeOutput(vectors)) {
      kernel.run(new KernelArguments(inputs, params, lookups), 0, rows, output);
      List<FieldVector> finished = output.finish();
      List<List<Object>> columns = new ArrayList<>();
      for (FieldVector vector : finished) {
        columns.add(values(vector));
        vector.close();
      }
      return columns;
    }
  }

  List<FieldVector> outputVectors(KernelProgram program) {
    List<FieldVector> vectors = new ArrayList<>();
    List<Expr> outputs = ((MaterializeSink) program.sink()).outputs();
    for (int i = 0; i < outputs.size(); i++) {
      vectors.add(ArrowColumns.createVector("out" + i, outputs.get(i).type(), true, 0, allocator));
    }
    return vectors;
  }
}
