package dev.warpsql.planner.exec;

import dev.warpsql.executor.pipeline.ExecutionStep;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Where a statement that changes data writes the rows of the query it was prepared from: the query
 * computes the rows, and the write turns them into a table change and a row count.
 */
public interface TableWrite {
  /**
   * Returns the step that runs {@code query} and writes its rows, and whose batch holds one BIGINT
   * row count.
   *
   * @param fields the query batch's column for each column of {@code rowType}
   * @param rowType the validated row type of the query
   */
  ExecutionStep wrap(ExecutionStep query, int[] fields, RelDataType rowType);
}
