package dev.warpsql.planner.prepare;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code COPY table [(columns)] FROM 'path' [[WITH] (option, ...)]}, which Calcite's parser does
 * not know, rewritten into an INSERT that reads the file through the {@code warp_copy_source} table
 * function. The INSERT gives COPY its atomicity, its row count and its type checks.
 *
 * <p>Options: {@code FORMAT csv|parquet} (default csv), and for CSV only {@code HEADER
 * [TRUE|FALSE]} (default FALSE, as in PostgreSQL), {@code DELIMITER 'c'} (default ','), {@code NULL
 * 'text'} (default the empty string). A Parquet file reads through {@code warp_copy_parquet_source}
 * instead, its columns matched to the target columns by position. Unquoted names fold to lower
 * case, as elsewhere in WarpSQL.
 */
record CopyStatement(
    String schemaName,
    String tableName,
    List<String> columns,
    String path,
    boolean parquet,
    boolean header,
    String delimiter,
    String nullText) {

  /** Returns the parsed statement, or null when the text is not a COPY statement. */
  static CopyStatement parse(String sql, String defaultSchema) {
    CopyTokens tokens = new CopyTokens(sql);
    if (!tokens.nextIsKeyword("copy")) {
      return null;
    }
    tokens.keyword("copy");

    String first = tokens.identifier("a table name");
    String schemaName = defaultSchema;
    String tableName = first;
    if (tokens.nextIs('.')) {
      tokens.symbol('.');
      schemaName = first;
      tableName = tokens.identifier("a table name after the schema name");
    }

    List<String> columns = new ArrayList<>();
    if (tokens.nextIs('(')) {
      tokens.symbol('(');
      do {
        columns.add(tokens.identifier("a column name"));
      } while (tokens.skip(','));
      tokens.symbol(')');
    }

    if (tokens.nextIsKeyword("to")) {
      throw new WarpException(
          ErrorCode.UNSUPPORTED, "COPY ... TO is not supported by WarpSQL; only COPY ... FROM.");
    }
    tokens.keyword("from");
    String path = tokens.string("the file path in quotes");
    CopyStatement statement =
        new CopyStatement(schemaName, tableName, columns, path, false, false, ",", "");

    if (tokens.nextIsKeyword("with")) {
      tokens.keyword("with");
    }
    if (tokens.nextIs('(')) {
      tokens.symbol('(');
      do {
        statement = statement.withOption(tokens);
      } while (tokens.skip(','));
      tokens.symbol(')');
    }

    tokens.skip(';');
    tokens.end();
    if (statement.parquet
        && (statement.header
            || !statement.delimiter.equals(",")
            || !statement.nullText.isEmpty())) {
      throw new WarpException(
          ErrorCode.SYNTAX_ERROR,
          "COPY options HEADER, DELIMITER and NULL apply to FORMAT csv only; a Parquet file"
              + " carries its column names and NULLs itself.");
    }
    return statement;
  }

  private CopyStatement withOption(CopyTokens tokens) {
    String option = tokens.identifier("an option name").toLowerCase(Locale.ROOT);
    switch (option) {
      case "format" -> {
        String format = tokens.identifier("a format name").toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("parquet")) {
          throw new WarpException(
              ErrorCode.SYNTAX_ERROR, "invalid COPY format '" + format + "': use csv or parquet.");
        }
        return new CopyStatement(
            schemaName,
            tableName,
            columns,
            path,
            format.equals("parquet"),
            header,
            delimiter,
            nullText);
      }
      case "header" -> {
        boolean value = true;
        if (tokens.nextIsKeyword("true")) {
          tokens.keyword("true");
        } else if (tokens.nextIsKeyword("false")) {
          tokens.keyword("false");
          value = false;
        }
        return new CopyStatement(
            schemaName, tableName, columns, path, parquet, value, delimiter, nullText);
      }
      case "delimiter" -> {
        return new CopyStatement(
            schemaName,
            tableName,
            columns,
            path,
            parquet,
            header,
            tokens.string("the delimiter in quotes"),
            nullText);
      }
      case "null" -> {
        return new CopyStatement(
            schemaName,
            tableName,
            columns,
            path,
            parquet,
            header,
            delimiter,
            tokens.string("the NULL text"));
      }
      default ->
          throw new WarpException(
              ErrorCode.SYNTAX_ERROR,
              "unknown COPY option '" + option + "': use FORMAT, HEADER, DELIMITER or NULL.");
    }
  }

  /** Returns the INSERT statement that performs this COPY. */
  String toInsert() {
    StringBuilder sql = new StringBuilder("INSERT INTO ");
    sql.append(quoted(schemaName)).append('.').append(quoted(tableName));
    if (!columns.isEmpty()) {
      sql.append(" (");
      for (int i = 0; i < columns.size(); i++) {
        if (columns.get(i).contains(",")) {
          throw new WarpException(
              ErrorCode.UNSUPPORTED,
              "COPY cannot name column \"" + columns.get(i) + "\", whose name contains a comma.");
        }
        sql.append(i == 0 ? "" : ", ").append(quoted(columns.get(i)));
      }
      sql.append(')');
    }
    sql.append(" SELECT * FROM TABLE(\"")
        .append(parquet ? "warp_copy_parquet_source" : "warp_copy_source")
        .append("\"(")
        .append(literal(path))
        .append(", ")
        .append(literal(schemaName))
        .append(", ")
        .append(literal(tableName))
        .append(", ")
        .append(literal(String.join(",", columns)));
    if (parquet) {
      return sql.append("))").toString();
    }
    sql.append(", ")
        .append(header ? "TRUE" : "FALSE")
        .append(", ")
        .append(literal(delimiter))
        .append(", ")
        .append(literal(nullText))
        .append("))");
    return sql.toString();
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
