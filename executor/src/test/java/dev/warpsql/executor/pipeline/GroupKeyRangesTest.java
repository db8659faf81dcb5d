package dev.warpsql.executor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.ZoneMap;
import dev.warpsql.kernels.cpu.GroupKeyRange;
import dev.warpsql.kernels.ir.AggregateCall;
import dev.warpsql.kernels.ir.AggregateFunction;
import dev.warpsql.kernels.ir.AggregateSink;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupKeyRangesTest {
  private static final List<AggregateCall> COUNT =
      List.of(new AggregateCall(AggregateFunction.COUNT_STAR, null, DataType.BIGINT));

  private static ZoneMap longs(long min, long max) {
    return new ZoneMap(0, true, min, max, 0, 0);
  }

  private static ZoneMap onlyNulls() {
    return new ZoneMap(5, false, 0, 0, 0, 0);
  }

  private static BatchColumn column(DataType type) {
    return new BatchColumn("k", type, true, null);
  }

  private static BatchColumn varchar(int distinctValues) {
    StringDictionary dictionary = new StringDictionary();
    for (int i = 0; i < distinctValues; i++) {
      dictionary.encode("v" + i);
    }
    return new BatchColumn("k", DataType.VARCHAR, true, dictionary);
  }

  /** Returns a chunk whose zone maps are {@code zoneMaps}, by source column. */
  private static BatchChunk chunk(ZoneMap... zoneMaps) {
    return new BatchChunk(10, List.of(), List.of(zoneMaps));
  }

  private static List<GroupKeyRange> ranges(
      List<Expr> keys, int[] inputColumns, List<BatchColumn> columns, List<BatchChunk> chunks) {
    return GroupKeyRanges.of(new AggregateSink(keys, COUNT), inputColumns, columns, chunks);
  }

  @Test
  void inputKeysTakeUnionOfZoneMaps() {
    // Kernel input 0 reads source column 1, and kernel input 1 reads source column 0.
    List<Expr> keys =
        List.of(
            new InputRef(0, DataType.INTEGER, true),
            new InputRef(1, DataType.decimal(15, 2), true));
    List<BatchChunk> chunks =
        List.of(
            chunk(longs(100, 200), longs(-3, 4)),
            chunk(onlyNulls(), longs(5, 9)),
            chunk(longs(50, 60), onlyNulls()));

    List<GroupKeyRange> ranges =
        ranges(
            keys,
            new int[] {1, 0},
            List.of(column(DataType.INTEGER), column(keys.get(1).type())),
            chunks);

    assertThat(ranges).containsExactly(new GroupKeyRange(-3, 9), new GroupKeyRange(50, 200));
  }

  @Test
  void varcharInputPrefersZoneMapsOverDictionary() {
    List<Expr> keys = List.of(new InputRef(0, DataType.VARCHAR, true));

    assertThat(ranges(keys, new int[] {0}, List.of(varchar(40)), List.of(chunk(longs(3, 7)))))
        .containsExactly(new GroupKeyRange(3, 7));
    assertThat(ranges(keys, new int[] {0}, List.of(varchar(40)), List.of(chunk(onlyNulls()))))
        .as("no values in the zone maps")
        .containsExactly(new GroupKeyRange(0, 39));
  }

  @Test
  void chunksWithoutZoneMapsFallBackToType() {
    List<Expr> keys =
        List.of(
            new InputRef(0, DataType.VARCHAR, true),
            new InputRef(1, DataType.BOOLEAN, true),
            new InputRef(2, DataType.TINYINT, true),
            new InputRef(3, DataType.INTEGER, true));
    List<BatchColumn> columns =
        List.of(
            varchar(3),
            column(DataType.BOOLEAN),
            column(DataType.TINYINT),
            column(DataType.INTEGER));
    List<BatchChunk> chunks = List.of(new BatchChunk(10, List.of(), null));

    assertThat(ranges(keys, new int[] {0, 1, 2, 3}, columns, chunks))
        .containsExactly(
            new GroupKeyRange(0, 2),
            new GroupKeyRange(0, 1),
            new GroupKeyRange(Byte.MIN_VALUE, Byte.MAX_VALUE),
            null);
  }

  @Test
  void keysWithoutRangeGetNull() {
    Expr buildCodes = new BuildRef(0, 1, DataType.VARCHAR, true);
    Expr sum =
        new Call(
            Operator.PLUS,
            List.of(
                new InputRef(0, DataType.INTEGER, true), new InputRef(0, DataType.INTEGER, true)),
            DataType.INTEGER,
            true);
    Expr real = new InputRef(1, DataType.DOUBLE, true);
    List<BatchColumn> columns =
        List.of(varchar(0), column(DataType.INTEGER), column(DataType.DOUBLE));
    List<BatchChunk> chunks = List.of(chunk(longs(1, 2), new ZoneMap(0, true, 0, 0, 1.0, 2.0)));

    assertThat(ranges(List.of(buildCodes, sum, real), new int[] {0, 1}, columns, chunks))
        .as("an empty dictionary, an expression and a DOUBLE have no range")
        .containsExactly(null, null, null);
  }

  @Test
  void maxGroupsCountsNullAsValue() {
    List<GroupKeyRange> ranges = List.of(new GroupKeyRange(0, 2), new GroupKeyRange(10, 11));

    assertThat(GroupKeyRanges.maxGroups(ranges)).isEqualTo(4 * 3);
  }

  @Test
  void maxGroupsUnknownRangeIsUnbounded() {
    List<GroupKeyRange> ranges = new java.util.ArrayList<>();
    ranges.add(new GroupKeyRange(0, 2));
    ranges.add(null);

    assertThat(GroupKeyRanges.maxGroups(ranges)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void maxGroupsOverflowIsUnbounded() {
    GroupKeyRange wide = new GroupKeyRange(0, Integer.MAX_VALUE);
    List<GroupKeyRange> ranges = List.of(wide, wide, wide);

    assertThat(GroupKeyRanges.maxGroups(ranges)).isEqualTo(Long.MAX_VALUE);
  }
}
