package dev.warpsql.planner.exec;

import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * A statement's data context with extra named values on top, such as the values that compiled
 * Enumerable code stashed or the input row of a compiled expression.
 */
public final class OverlayDataContext implements DataContext {
  private final DataContext base;
  private final Map<String, Object> values;

  public OverlayDataContext(DataContext base, Map<String, Object> values) {
    this.base = base;
    this.values = Map.copyOf(values);
  }

  @Override
  public SchemaPlus getRootSchema() {
    return base.getRootSchema();
  }

  @Override
  public JavaTypeFactory getTypeFactory() {
    return base.getTypeFactory();
  }

  @Override
  public QueryProvider getQueryProvider() {
    return base.getQueryProvider();
  }

  @Override
  public Object get(String name) {
    Object value = values.get(name);
    return value != null ? value : base.get(name);
  }
}
