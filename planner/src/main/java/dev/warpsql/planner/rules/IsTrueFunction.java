package dev.warpsql.planner.rules;

import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * IS TRUE as a function that returns a Java {@code boolean}, for code that Calcite's Enumerable
 * engine generates. Calcite 1.41 implements IS TRUE and NOT of a nullable BOOLEAN as a conditional
 * expression whose Java type is {@code Object}, which Janino rejects where a {@code boolean} is
 * required, as in the remaining condition of a join.
 *
 * <p>The method is public because the generated code calls it.
 */
public final class IsTrueFunction {
  /** IS TRUE of one BOOLEAN operand; never NULL. */
  static final SqlOperator IS_TRUE =
      new SqlUserDefinedFunction(
          new SqlIdentifier("WARP_IS_TRUE", SqlParserPos.ZERO),
          SqlKind.OTHER_FUNCTION,
          ReturnTypes.BOOLEAN,
          null,
          null,
          ScalarFunctionImpl.create(IsTrueFunction.class, "isTrue"));

  private IsTrueFunction() {}

  /** Returns whether the value is TRUE, so FALSE for NULL. */
  public static boolean isTrue(Boolean value) {
    return value != null && value;
  }
}
