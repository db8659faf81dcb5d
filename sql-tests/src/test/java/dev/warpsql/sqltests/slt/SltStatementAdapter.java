package dev.warpsql.sqltests.slt;

import java.util.regex.Pattern;

/**
 * The few changes that the runner makes to the corpus's SQL text before WarpSQL runs it. Each
 * changes syntax only, never what a query returns:
 *
 * <ul>
 *   <li>A trailing semicolon is dropped, because it ends a statement in a script but is no part of
 *       the statement that JDBC sends.
 *   <li>Column constraints {@code PRIMARY KEY} and {@code UNIQUE} are dropped from CREATE TABLE,
 *       because Calcite's parser rejects them after a column's type and WarpSQL enforces no
 *       constraints. No file of the CI subset inserts a row that such a constraint would reject; a
 *       file that did would fail a {@code statement error} record, not pass it.
 * </ul>
 */
final class SltStatementAdapter {
  private static final Pattern TRAILING_SEMICOLON = Pattern.compile(";\\s*$");
  private static final Pattern CREATE_TABLE =
      Pattern.compile("\\s*CREATE\\s+TABLE\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  // TODO: WarpSQL has no TEXT type name; Calcite looks simple type names up in the root schema,
  // which SchemaSync builds, so the runner renames the type until the root schema defines TEXT.
  private static final Pattern TEXT_TYPE =
      Pattern.compile(
          "(?<=\\w\\s)TEXT(?=\\s*(?:[,)]|NOT\\b|NULL\\b|PRIMARY\\b|UNIQUE\\b))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern COLUMN_CONSTRAINT =
      Pattern.compile("\\s+(?:PRIMARY\\s+KEY|UNIQUE)\\b(?!\\s*\\()", Pattern.CASE_INSENSITIVE);

  private SltStatementAdapter() {}

  /** Returns the text without a trailing semicolon. */
  static String withoutSemicolon(String sql) {
    return TRAILING_SEMICOLON.matcher(sql).replaceFirst("");
  }

  /**
   * Returns a CREATE TABLE statement without column constraints and with VARCHAR for TEXT; other
   * statements unchanged.
   */
  static String adaptCreateTable(String sql) {
    if (!CREATE_TABLE.matcher(sql).matches()) {
      return sql;
    }
    String withoutConstraints = COLUMN_CONSTRAINT.matcher(sql).replaceAll("");
    return TEXT_TYPE.matcher(withoutConstraints).replaceAll("VARCHAR");
  }
}
