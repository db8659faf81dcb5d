package dev.warpsql.kernels.ptx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.CodeLookup;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.KernelProgram.InputColumn;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ptxsim.SimCpuReference;
import dev.warpsql.kernels.ptxsim.SimDataSets;
import dev.warpsql.kernels.ptxsim.SimDifferential;
import dev.warpsql.kernels.ptxsim.SimKernelHarness;
import dev.warpsql.kernels.ptxsim.SimKernelInputs;
import dev.warpsql.kernels.ptxsim.SimKernelResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interpreted PTX against the CPU backend on inputs built for one behaviour each: errors of single
 * rows, the host retry protocols (OUTPUT_FULL, GROUP_TABLE_FULL), many groups and NULL logic.
 */
class PtxSimTargetedTest {
  private static final SimKernelHarness.Shape SHAPE = SimDifferential.SHAPES.get(1);

  private RootAllocator allocator;

  @BeforeEach
  void openAllocator() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void floatingModByZeroRaisesWithoutHanging() {
    // Before the fix, the remainder routine doubled |b| = 0 forever after the error was raised.
    for (DataType type : List.of(DataType.DOUBLE, DataType.REAL)) {
      KernelProgram program =
          materialize(
              List.of(type, type), List.of(Call.of(Operator.MOD, type, in(0, type), in(1, type))));
      SimKernelInputs inputs =
          inputs(
              program,
              500,
              column(type, 500, row -> 7.5 + row),
              column(type, 500, row -> row % 50 == 49 ? 0.0 : 2.0));
      try {
        SimKernelResult result = SimKernelHarness.run(program, inputs, SHAPE, 500);

        assertThat(result.errorCode())
            .isEqualTo(PtxErrors.codeOf(KernelErrorCode.DIVISION_BY_ZERO));
        assertThat(result.errorRow() % 50).isEqualTo(49);
        SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
      } finally {
        SimDataSets.close(inputs);
      }
    }
  }

  @Test
  void floatOverflowRaisesLikeCpu() {
    Object[][] cases = {
      {DataType.DOUBLE, Operator.TIMES, 1e300}, {DataType.REAL, Operator.PLUS, 3e38},
    };
    for (Object[] c : cases) {
      DataType type = (DataType) c[0];
      double large = (Double) c[2];
      KernelProgram program =
          materialize(
              List.of(type, type),
              List.of(Call.of((Operator) c[1], type, in(0, type), in(1, type))));
      SimKernelInputs inputs =
          inputs(
              program,
              300,
              column(type, 300, row -> row == 123 ? large : 1.5 * row),
              column(type, 300, row -> row == 123 ? large : 2.0));
      try {
        SimKernelResult cpu = SimCpuReference.run(program, inputs, allocator);
        SimKernelResult gpu = SimKernelHarness.run(program, inputs, SHAPE, 300);

        assertThat(cpu.errorCode()).isEqualTo(PtxErrors.codeOf(KernelErrorCode.NUMERIC_OVERFLOW));
        assertThat(gpu.errorCode()).as("%s", type).isEqualTo(cpu.errorCode());
        assertThat(gpu.errorRow()).as("%s", type).isEqualTo(123);
      } finally {
        SimDataSets.close(inputs);
      }
    }
  }

  @Test
  void floatInfiniteOperandGivesInfinityLikeCpu() {
    for (DataType type : List.of(DataType.DOUBLE, DataType.REAL)) {
      KernelProgram program =
          materialize(
              List.of(type, type),
              List.of(Call.of(Operator.TIMES, type, in(0, type), in(1, type))));
      SimKernelInputs inputs =
          inputs(
              program,
              200,
              column(type, 200, row -> row == 50 ? Double.POSITIVE_INFINITY : 0.5 * row),
              column(type, 200, row -> 3.0));
      try {
        SimKernelResult gpu = SimKernelHarness.run(program, inputs, SHAPE, 200);

        assertThat(gpu.errorCode()).as("%s", type).isZero();
        SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
      } finally {
        SimDataSets.close(inputs);
      }
    }
  }

  @Test
  void decimalOverflowRaisesLikeCpu() {
    DataType decimal = DataType.decimal(18, 2);
    KernelProgram program =
        materialize(
            List.of(decimal, decimal),
            List.of(Call.of(Operator.TIMES, decimal, in(0, decimal), in(1, decimal))));
    SimKernelInputs inputs =
        inputs(
            program,
            400,
            column(decimal, 400, row -> row == 333 ? 999_999_999_999_999_99L : 100L + row),
            column(decimal, 400, row -> 1_000_000L));
    try {
      SimKernelResult cpu = SimCpuReference.run(program, inputs, allocator);
      SimKernelResult gpu = SimKernelHarness.run(program, inputs, SHAPE, 400);

      assertThat(cpu.errorCode()).isEqualTo(PtxErrors.codeOf(KernelErrorCode.NUMERIC_OVERFLOW));
      assertThat(gpu.errorCode()).isEqualTo(cpu.errorCode());
      assertThat(gpu.errorRow()).isEqualTo(333);
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void integerDivisionByZeroReportsItsRow() {
    KernelProgram program =
        materialize(
            List.of(DataType.INTEGER, DataType.INTEGER),
            List.of(
                Call.of(
                    Operator.DIVIDE,
                    DataType.INTEGER,
                    in(0, DataType.INTEGER),
                    in(1, DataType.INTEGER))));
    SimKernelInputs inputs =
        inputs(
            program,
            300,
            column(DataType.INTEGER, 300, row -> (long) row),
            column(DataType.INTEGER, 300, row -> row == 201 ? 0L : 3L));
    try {
      SimKernelResult gpu = SimKernelHarness.run(program, inputs, SHAPE, 300);

      assertThat(gpu.errorCode()).isEqualTo(PtxErrors.codeOf(KernelErrorCode.DIVISION_BY_ZERO));
      assertThat(gpu.errorRow()).isEqualTo(201);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void innerJoinPastCapacityReportsNeededRows() {
    KernelProgram program = innerJoin();
    SimKernelInputs inputs =
        SimDataSets.generate(program, 200, SimDataSets.Profile.SMALL, 5, allocator);
    try {
      SimKernelResult cpu = SimCpuReference.run(program, inputs, allocator);
      SimKernelResult full = SimKernelHarness.run(program, inputs, SHAPE, 10);
      SimKernelResult retried = SimKernelHarness.run(program, inputs, SHAPE, (int) full.counter());

      assertThat(cpu.rows().size()).isGreaterThan(10);
      assertThat(full.errorCode()).isEqualTo(PtxErrors.OUTPUT_FULL);
      assertThat(full.counter()).isEqualTo(cpu.rows().size());
      assertThat(retried.errorCode()).isZero();
      SimDifferential.assertSameRows(program, cpu.rows(), retried.rows(), SHAPE);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void smallGroupTableRaisesGroupTableFull() {
    KernelProgram program = groupByInteger();
    SimKernelInputs inputs = inputs(program, 300, column(DataType.INTEGER, 300, row -> (long) row));
    try {
      SimKernelResult result = SimKernelHarness.run(program, inputs, SHAPE, 0, 64);

      assertThat(result.errorCode()).isEqualTo(PtxErrors.GROUP_TABLE_FULL);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void manyGroupsMatchCpu() {
    KernelProgram program = groupByInteger();
    SimKernelInputs inputs =
        inputs(
            program,
            4000,
            column(DataType.INTEGER, 4000, row -> row % 7 == 0 ? null : (long) (row * 37 % 2500)));
    try {
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void lookupCodeOutsideTableRaises() {
    KernelProgram program =
        new KernelProgram(
            "lookup_range",
            List.of(new InputColumn(DataType.VARCHAR, true)),
            List.of(),
            1,
            new CodeLookup(in(0, DataType.VARCHAR), 0),
            new MaterializeSink(List.of(in(0, DataType.VARCHAR))));
    SimKernelInputs generated =
        inputs(
            program,
            100,
            column(
                DataType.VARCHAR, 100, row -> row == 77 ? (long) SimDataSets.DICTIONARY_SIZE : 1L));
    SimKernelInputs inputs =
        new SimKernelInputs(
            generated.columns(),
            new Object[0],
            new dev.warpsql.kernels.cpu.LookupTable[] {
              new dev.warpsql.kernels.cpu.LookupTable(
                  new boolean[SimDataSets.DICTIONARY_SIZE], null)
            },
            null,
            100);
    try {
      SimKernelResult result = SimKernelHarness.run(program, inputs, SHAPE, 100);

      assertThat(result.errorCode()).isEqualTo(PtxErrors.LOOKUP_CODE_OUT_OF_RANGE);
      assertThat(result.errorRow()).isEqualTo(77);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  @Test
  void filterWithNullsMatchesCpu() {
    // (a < b) OR (c IS NULL AND NOT a = 0): NULL comparisons must drop rows, not keep them.
    Expr a = in(0, DataType.INTEGER);
    Expr b = in(1, DataType.INTEGER);
    Expr c = in(2, DataType.DOUBLE);
    Expr filter =
        Call.of(
            Operator.OR,
            DataType.BOOLEAN,
            Call.of(Operator.LESS_THAN, DataType.BOOLEAN, a, b),
            Call.of(
                Operator.AND,
                DataType.BOOLEAN,
                Call.of(Operator.IS_NULL, DataType.BOOLEAN, c),
                Call.of(
                    Operator.NOT,
                    DataType.BOOLEAN,
                    Call.of(
                        Operator.EQUALS,
                        DataType.BOOLEAN,
                        a,
                        Literal.ofLong(0, DataType.INTEGER)))));
    KernelProgram program =
        new KernelProgram(
            "null_filter",
            List.of(
                new InputColumn(DataType.INTEGER, true),
                new InputColumn(DataType.INTEGER, true),
                new InputColumn(DataType.DOUBLE, true)),
            List.of(),
            0,
            filter,
            new MaterializeSink(List.of(a, b, c)));
    SimKernelInputs inputs =
        SimDataSets.generate(program, 3000, SimDataSets.Profile.SMALL, 3, allocator);
    try {
      SimDifferential.check(program, inputs, SimDifferential.SHAPES, allocator);
    } finally {
      SimDataSets.close(inputs);
    }
  }

  private static KernelProgram innerJoin() {
    return new KernelProgram(
        "inner_capacity",
        List.of(new InputColumn(DataType.BIGINT, true)),
        List.of(),
        0,
        null,
        List.of(
            new ProbeStage(
                0,
                List.of(in(0, DataType.BIGINT)),
                JoinKind.INNER,
                List.of(new InputColumn(DataType.INTEGER, true)),
                null,
                null)),
        new MaterializeSink(
            List.of(
                in(0, DataType.BIGINT),
                new dev.warpsql.kernels.ir.BuildRef(0, 0, DataType.INTEGER, true))));
  }

  private static KernelProgram groupByInteger() {
    Expr key = in(0, DataType.INTEGER);
    return new KernelProgram(
        "many_groups",
        List.of(new InputColumn(DataType.INTEGER, true)),
        List.of(),
        0,
        null,
        new AggregateSink(
            List.of(key),
            List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT),
                new AggregateCall(AggregateFunction.SUM, key, DataType.BIGINT),
                new AggregateCall(AggregateFunction.MIN, key, DataType.INTEGER))));
  }

  private static KernelProgram materialize(List<DataType> types, List<Expr> outputs) {
    List<InputColumn> columns = new ArrayList<>();
    for (DataType type : types) {
      columns.add(new InputColumn(type, true));
    }
    return new KernelProgram("targeted", columns, List.of(), 0, null, new MaterializeSink(outputs));
  }

  private static InputRef in(int index, DataType type) {
    return new InputRef(index, type, true);
  }

  private SimKernelInputs inputs(KernelProgram program, int rows, FieldVector... columns) {
    return new SimKernelInputs(List.of(columns), new Object[0], null, null, rows);
  }

  private FieldVector column(DataType type, int rows, IntFunction<Object> value) {
    List<Object> values = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      values.add(value.apply(row));
    }
    return SimDataSets.vector("c", type, values, allocator);
  }
}
