package dev.warpsql.planner.schema;

import dev.warpsql.executor.catalog.ViewDefinition;
import dev.warpsql.executor.storage.ColumnSchema;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * Calcite's view of a stored view: the columns recorded when it was created, and its query,
 * expanded into every statement that reads the view.
 */
public final class WarpView extends AbstractTable implements TranslatableTable {
  private final String schemaName;
  private final ViewDefinition view;

  public WarpView(String schemaName, ViewDefinition view) {
    this.schemaName = Objects.requireNonNull(schemaName, "schemaName");
    this.view = Objects.requireNonNull(view, "view");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (ColumnSchema column : view.columns()) {
      builder.add(
          column.name(), TypeMapping.toRelDataType(typeFactory, column.type(), column.nullable()));
    }
    return builder.build();
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.VIEW;
  }

  /**
   * Expands the view's query. When the tables under the view changed their types since the view was
   * created, the rows are cast to the recorded column types.
   */
  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelDataType rowType = relOptTable.getRowType();
    RelRoot root =
        context.expandView(
            rowType, view.sql(), view.schemaPath(), List.of(schemaName, view.name()));
    return RelOptUtil.createCastRel(root.project(), rowType, true);
  }
}
