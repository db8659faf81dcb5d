package dev.warpsql.planner.exec;

import dev.warpsql.executor.pipeline.ExecutionStep;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Destination of the rows of the query that a data-changing statement was prepared from. The query
 * computes the rows, and the write turns them into a table change and a row count.
 */
public interface TableWrite {
  /**
   * Returns the step that runs {@code query} and writes its rows, and whose batch contains one
   * BIGINT row count.
   *
   * @param fields the query batch's column for each column of {@code rowType}
   * @param rowType the validated row type of the query
   */
  ExecutionStep wrap(ExecutionStep query, int[] fields, RelDataType rowType);
}
