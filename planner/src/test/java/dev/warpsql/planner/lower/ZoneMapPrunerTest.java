package dev.warpsql.planner.lower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.MorselScheduler;
import dev.warpsql.executor.storage.ZoneMap;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.Operator;
import dev.warpsql.kernels.ir.ParamRef;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ZoneMapPrunerTest {
  private static final InputRef DATE_COLUMN = new InputRef(0, DataType.DATE, true);
  private static final InputRef PRICE_COLUMN = new InputRef(1, DataType.decimal(15, 2), false);

  private static RootAllocator allocator;
  private static MorselScheduler scheduler;

  @BeforeAll
  static void setUp() {
    allocator = new RootAllocator();
    scheduler = new MorselScheduler(1);
  }

  @AfterAll
  static void tearDown() {
    scheduler.close();
    allocator.close();
  }

  private static ExecutionContext context(Object... params) {
    return new ExecutionContext(params, allocator, new CpuBackend(4), scheduler, Map.of());
  }

  private static ZoneMap range(long min, long max) {
    return new ZoneMap(0, true, min, max, 0, 0);
  }

  private static Expr compare(Operator operator, Expr left, Expr right) {
    return Call.of(operator, DataType.BOOLEAN, left, right);
  }

  private static Literal date(long days) {
    return new Literal(days, DataType.DATE);
  }

  @Test
  void comparisonSkipsChunksOutsideRange() {
    ZoneMapPruner pruner =
        ZoneMapPruner.forFilter(compare(Operator.LESS_THAN, DATE_COLUMN, date(100)));
    List<ZoneMap> below = List.of(range(10, 99), range(0, 0));
    List<ZoneMap> straddling = List.of(range(50, 150), range(0, 0));
    List<ZoneMap> above = List.of(range(100, 200), range(0, 0));

    assertThat(pruner.mayMatch(below, context())).isTrue();
    assertThat(pruner.mayMatch(straddling, context())).isTrue();
    assertThat(pruner.mayMatch(above, context())).isFalse();
  }

  @Test
  void everyOperatorAgainstBoundaries() {
    List<ZoneMap> chunk = List.of(range(10, 20), range(0, 0));
    Object[][] cases = {
      {Operator.EQUALS, 9L, false},
      {Operator.EQUALS, 10L, true},
      {Operator.EQUALS, 21L, false},
      {Operator.NOT_EQUALS, 15L, true},
      {Operator.LESS_THAN, 10L, false},
      {Operator.LESS_THAN, 11L, true},
      {Operator.LESS_THAN_OR_EQUAL, 9L, false},
      {Operator.LESS_THAN_OR_EQUAL, 10L, true},
      {Operator.GREATER_THAN, 20L, false},
      {Operator.GREATER_THAN, 19L, true},
      {Operator.GREATER_THAN_OR_EQUAL, 21L, false},
      {Operator.GREATER_THAN_OR_EQUAL, 20L, true},
    };
    for (Object[] row : cases) {
      Operator operator = (Operator) row[0];
      ZoneMapPruner pruner =
          ZoneMapPruner.forFilter(compare(operator, DATE_COLUMN, date((Long) row[1])));
      assertThat(pruner.mayMatch(chunk, context()))
          .as("%s %s on [10, 20]", operator, row[1])
          .isEqualTo(row[2]);
    }
  }

  @Test
  void notEqualsSkipsChunkOfOnlyThatValue() {
    ZoneMapPruner pruner =
        ZoneMapPruner.forFilter(compare(Operator.NOT_EQUALS, DATE_COLUMN, date(7)));

    assertThat(pruner.mayMatch(List.of(range(7, 7), range(0, 0)), context())).isFalse();
  }

  @Test
  void constantOnTheLeftIsMirrored() {
    ZoneMapPruner pruner =
        ZoneMapPruner.forFilter(compare(Operator.LESS_THAN, date(100), DATE_COLUMN));

    assertThat(pruner.mayMatch(List.of(range(0, 100), range(0, 0)), context())).isFalse();
    assertThat(pruner.mayMatch(List.of(range(0, 101), range(0, 0)), context())).isTrue();
  }

  @Test
  void chunkOfOnlyNullsIsSkipped() {
    ZoneMapPruner pruner =
        ZoneMapPruner.forFilter(compare(Operator.NOT_EQUALS, DATE_COLUMN, date(1)));
    ZoneMap allNull = new ZoneMap(5, false, 0, 0, 0, 0);

    assertThat(pruner.mayMatch(List.of(allNull, range(0, 0)), context())).isFalse();
  }

  @Test
  void conjunctionsAndGuardedFiltersAreBothUsed() {
    Expr first = compare(Operator.GREATER_THAN_OR_EQUAL, DATE_COLUMN, date(100));
    Literal price = new Literal(2400L, DataType.decimal(15, 2));
    Expr second = compare(Operator.LESS_THAN, PRICE_COLUMN, price);
    Expr guarded =
        Call.of(
            Operator.CASE,
            DataType.BOOLEAN,
            first,
            second,
            new Literal(Boolean.FALSE, DataType.BOOLEAN));
    ZoneMapPruner pruner = ZoneMapPruner.forFilter(guarded);

    assertThat(pruner.mayMatch(List.of(range(100, 200), range(0, 2399)), context())).isTrue();
    assertThat(pruner.mayMatch(List.of(range(100, 200), range(2400, 5000)), context())).isFalse();
    assertThat(pruner.mayMatch(List.of(range(0, 99), range(0, 2399)), context())).isFalse();
  }

  @Test
  void disjunctionIsNotUsed() {
    Expr either =
        Call.of(
            Operator.OR,
            DataType.BOOLEAN,
            compare(Operator.LESS_THAN, DATE_COLUMN, date(10)),
            compare(Operator.GREATER_THAN, DATE_COLUMN, date(20)));

    assertThat(ZoneMapPruner.forFilter(either)).isNull();
  }

  @Test
  void decimalOfAnotherScaleIsNotUsed() {
    Literal otherScale = new Literal(24L, DataType.decimal(4, 0));

    assertThat(ZoneMapPruner.forFilter(compare(Operator.LESS_THAN, PRICE_COLUMN, otherScale)))
        .isNull();
  }

  @Test
  void parameterBoundPerExecution() {
    Expr filter = compare(Operator.LESS_THAN, DATE_COLUMN, new ParamRef(0, DataType.DATE));
    ZoneMapPruner pruner = ZoneMapPruner.forFilter(filter);
    List<ZoneMap> chunk = List.of(range(100, 200), range(0, 0));

    assertThat(pruner.mayMatch(chunk, context(50L))).isFalse();
    assertThat(pruner.mayMatch(chunk, context(150L))).isTrue();
    assertThat(pruner.mayMatch(chunk, context((Object) null))).isFalse();
  }
}
