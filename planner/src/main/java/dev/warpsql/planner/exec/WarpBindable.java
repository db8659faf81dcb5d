package dev.warpsql.planner.exec;

import dev.warpsql.executor.device.DeviceRuntime;
import dev.warpsql.executor.device.DeviceUsage;
import dev.warpsql.executor.pipeline.Batch;
import dev.warpsql.executor.pipeline.BatchChunk;
import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.ExecutionStep;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.runtime.Typed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A prepared WARP plan, executed each time the statement runs.
 *
 * <p>Execution runs the whole plan when the statement executes, so every error surfaces from {@code
 * execute} rather than from a later {@code ResultSet.next()}. Rows come back in the form Calcite's
 * JDBC layer reads: an {@code Object[]} per row, or the bare value when the result has one column.
 *
 * <p>On a device, an execution in which pipelines fell back to the CPU logs one line that counts
 * them and gives each reason.
 */
public final class WarpBindable implements Bindable<Object>, Typed {
  private static final Logger LOG = LoggerFactory.getLogger(WarpBindable.class);

  private final ExecutionStep root;
  private final int[] resultFields;
  private final int[] declaredScales;
  private final List<DataType> paramTypes;
  private final DeviceRuntime device;
  private final boolean[] millisecondFields;
  private final String millisecondReader;

  /**
   * @param resultFields the root batch's column for each result column, in result order
   * @param declaredScales the statement's declared scale of each result column (DECIMAL only)
   */
  public WarpBindable(
      ExecutionStep root, int[] resultFields, int[] declaredScales, List<DataType> paramTypes) {
    this(root, resultFields, declaredScales, paramTypes, null);
  }

  /**
   * @param resultFields the root batch's column for each result column, in result order
   * @param declaredScales the statement's declared scale of each result column (DECIMAL only)
   * @param device the device that runs the pipelines, or null for the CPU
   */
  public WarpBindable(
      ExecutionStep root,
      int[] resultFields,
      int[] declaredScales,
      List<DataType> paramTypes,
      DeviceRuntime device) {
    this(root, resultFields, declaredScales, paramTypes, device, new boolean[0], null);
  }

  private WarpBindable(
      ExecutionStep root,
      int[] resultFields,
      int[] declaredScales,
      List<DataType> paramTypes,
      DeviceRuntime device,
      boolean[] millisecondFields,
      String millisecondReader) {
    this.root = root;
    this.resultFields = resultFields.clone();
    this.declaredScales = declaredScales.clone();
    this.paramTypes = List.copyOf(paramTypes);
    this.device = device;
    this.millisecondFields = millisecondFields;
    this.millisecondReader = millisecondReader;
  }

  /**
   * Returns this plan with the result columns {@code fields} checked: a TIME or TIMESTAMP value
   * there with microseconds raises an error, because {@code reader}, which computes with it, keeps
   * milliseconds only.
   */
  public WarpBindable withMillisecondFields(int[] fields, String reader) {
    boolean[] checked = new boolean[resultFields.length];
    for (int field : fields) {
      checked[field] = true;
    }
    return new WarpBindable(
        root, resultFields, declaredScales, paramTypes, device, checked, reader);
  }

  @Override
  public Class<?> getElementType() {
    return Object[].class;
  }

  @Override
  public Enumerable<Object> bind(DataContext dataContext) {
    Object[] params;
    try {
      params = ParameterValues.bind(dataContext, paramTypes);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
    try (BufferAllocator allocator =
        WarpRuntime.resultAllocator().newChildAllocator("query", 0, Long.MAX_VALUE)) {
      Object cancelFlag = dataContext.get(DataContext.Variable.CANCEL_FLAG.camelName);
      Object timeout = dataContext.get(DataContext.Variable.TIMEOUT.camelName);
      try (ExecutionContext context =
              new ExecutionContext(
                  params,
                  allocator,
                  WarpRuntime.cpuBackend(),
                  WarpRuntime.scheduler(),
                  Map.of(DataContext.class, dataContext),
                  cancelFlag instanceof java.util.concurrent.atomic.AtomicBoolean flag
                      ? flag
                      : null,
                  timeout instanceof Long millis ? millis : 0,
                  device);
          Batch batch = root.execute(context)) {
        logFallbacks(context.deviceUsage());
        return Linq4j.asEnumerable(rows(batch));
      }
    } catch (RuntimeException | Error e) {
      // Kernel generation and compilation can overflow the stack or fail an assertion, which must
      // reach the JDBC caller as an SQLException like any other failure.
      throw SqlErrors.translate(e);
    }
  }

  private void logFallbacks(DeviceUsage usage) {
    List<String> fallbacks = usage.fallbacks();
    if (device != null && !fallbacks.isEmpty()) {
      LOG.info(
          "{} pipelines ran on {} and {} fell back to the CPU: {}",
          usage.devicePipelines(),
          device.name(),
          fallbacks.size(),
          String.join("; ", fallbacks));
    }
  }

  private List<Object> rows(Batch batch) {
    List<Object> rows = new ArrayList<>();
    List<BatchColumn> columns = batch.columns();
    for (BatchChunk chunk : batch.chunks()) {
      for (int row = 0; row < chunk.rowCount(); row++) {
        if (resultFields.length == 1) {
          rows.add(value(chunk, columns, 0, row));
          continue;
        }
        Object[] values = new Object[resultFields.length];
        for (int i = 0; i < resultFields.length; i++) {
          values[i] = value(chunk, columns, i, row);
        }
        rows.add(values);
      }
    }
    return rows;
  }

  private Object value(BatchChunk chunk, List<BatchColumn> columns, int result, int row) {
    int field = resultFields[result];
    if (result < millisecondFields.length && millisecondFields[result]) {
      ResultValues.checkWholeMilliseconds(
          chunk.vectors().get(field), columns.get(field), row, millisecondReader);
    }
    return ResultValues.read(
        chunk.vectors().get(field), columns.get(field), row, declaredScales[result]);
  }
}
