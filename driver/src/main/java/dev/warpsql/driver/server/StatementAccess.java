package dev.warpsql.driver.server;

import java.lang.reflect.Field;
import java.sql.Statement;
import org.apache.calcite.avatica.jdbc.StatementInfo;

/**
 * Reader of the JDBC statement that Avatica's {@link StatementInfo} wraps.
 *
 * <p>NOTE: Avatica 1.27 keeps that field package-private and offers no getter, so this class reads
 * it by reflection. It fails at class initialization, with the field's name, if a later Avatica
 * renames the field.
 */
final class StatementAccess {
  private static final Field STATEMENT = statementField();

  private StatementAccess() {}

  static Statement statement(StatementInfo info) {
    try {
      return (Statement) STATEMENT.get(info);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read StatementInfo.statement", e);
    }
  }

  private static Field statementField() {
    try {
      Field field = StatementInfo.class.getDeclaredField("statement");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new ExceptionInInitializerError(
          "Avatica's StatementInfo has no field 'statement'; this WarpSQL server needs Avatica "
              + "1.27: "
              + e);
    }
  }
}
