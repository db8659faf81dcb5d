package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.cpu.CpuBackend;
import dev.warpsql.kernels.ir.Call;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.InputRef;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.MaterializeSink;
import dev.warpsql.kernels.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/** The table and a pipeline that the kernel step tests share. */
final class KernelStepFixtures {
  private KernelStepFixtures() {}

  /**
   * Returns a table of {@code rows} rows: {@code id} 0.., {@code grp} NULL in every tenth row and
   * {@code id % 7} otherwise, and {@code name} "name" plus {@code id % 3}.
   */
  /** Returns the rows of a batch as text, sorted, so that row order does not matter. */
  static List<String> sortedRows(Batch batch) {
    List<String> rows = new ArrayList<>();
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        StringBuilder text = new StringBuilder();
        for (FieldVector vector : chunk.vectors()) {
          text.append(vector.getObject(row)).append('|');
        }
        rows.add(text.toString());
      }
    }
    rows.sort(null);
    return rows;
  }

  static Table table(BufferAllocator allocator, int rows, int chunkRows) {
    TableSchema schema =
        new TableSchema(
            List.of(
                ColumnSchema.notNull("id", DataType.BIGINT),
                ColumnSchema.nullable("grp", DataType.INTEGER),
                ColumnSchema.notNull("name", DataType.VARCHAR)));
    try (TableBuilder builder = new TableBuilder("t", schema, allocator, chunkRows)) {
      for (int i = 0; i < rows; i++) {
        builder.setLong(0, i);
        if (i % 10 == 0) {
          builder.setNull(1);
        } else {
          builder.setLong(1, i % 7);
        }
        builder.setString(2, "name" + (i % 3));
        builder.endRow();
      }
      return builder.build();
    }
  }

  /** Returns a step that materializes {@code id} and {@code grp} of the rows whose id is odd. */
  static KernelStep oddRows(Table table, CpuBackend backend) {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    Expr grp = new InputRef(1, DataType.INTEGER, true);
    Expr odd =
        Call.of(
            Operator.EQUALS,
            DataType.BOOLEAN,
            Call.of(Operator.MOD, DataType.BIGINT, id, new Literal(2L, DataType.BIGINT)),
            new Literal(1L, DataType.BIGINT));
    KernelProgram program =
        new KernelProgram(
            "odd_rows",
            List.of(
                new KernelProgram.InputColumn(DataType.BIGINT, false),
                new KernelProgram.InputColumn(DataType.INTEGER, true)),
            List.of(),
            0,
            odd,
            new MaterializeSink(List.of(id, grp)));
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("id", DataType.BIGINT, false, null),
            new BatchColumn("grp", DataType.INTEGER, true, null));
    return new KernelStep(
        new ScanStep(table), new int[] {0, 1}, backend.compile(program), outputs, List.of(), null);
  }

  /**
   * Returns a step that materializes {@code id} and {@code name} of the rows whose id ends in 00.
   */
  static KernelStep everyHundredthRow(Table table, CpuBackend backend) {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    Expr name = new InputRef(1, DataType.VARCHAR, false);
    Expr filter =
        Call.of(
            Operator.EQUALS,
            DataType.BOOLEAN,
            Call.of(Operator.MOD, DataType.BIGINT, id, new Literal(100L, DataType.BIGINT)),
            new Literal(0L, DataType.BIGINT));
    KernelProgram program =
        new KernelProgram(
            "materialize",
            List.of(
                new KernelProgram.InputColumn(DataType.BIGINT, false),
                new KernelProgram.InputColumn(DataType.VARCHAR, false)),
            List.of(),
            0,
            filter,
            new MaterializeSink(List.of(id, name)));
    List<BatchColumn> outputs =
        List.of(
            new BatchColumn("id", DataType.BIGINT, false, null),
            new BatchColumn("name", DataType.VARCHAR, false, table.dictionary(2)));
    return new KernelStep(
        new ScanStep(table), new int[] {0, 2}, backend.compile(program), outputs, List.of(), null);
  }

  /** Returns a step that materializes {@code 1 / id}, which divides by zero in the first row. */
  static KernelStep oneDividedById(Table table, CpuBackend backend) {
    Expr id = new InputRef(0, DataType.BIGINT, false);
    Expr quotient = Call.of(Operator.DIVIDE, DataType.BIGINT, new Literal(1L, DataType.BIGINT), id);
    KernelProgram program =
        new KernelProgram(
            "divide",
            List.of(new KernelProgram.InputColumn(DataType.BIGINT, false)),
            List.of(),
            0,
            null,
            new MaterializeSink(List.of(quotient)));
    List<BatchColumn> outputs = List.of(new BatchColumn("q", DataType.BIGINT, false, null));
    return new KernelStep(
        new ScanStep(table), new int[] {0}, backend.compile(program), outputs, List.of(), null);
  }
}
