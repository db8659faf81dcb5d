package dev.warpsql.sqltests.slt;

import java.util.Objects;

/**
 * A {@code statement ok} or {@code statement error} record.
 *
 * @param sql the statement text, its lines joined by newlines
 * @param expectsError whether the statement must fail ({@code statement error})
 */
record SltStatement(int line, SltConditions conditions, String sql, boolean expectsError)
    implements SltRecord {
  SltStatement {
    Objects.requireNonNull(conditions, "conditions");
    Objects.requireNonNull(sql, "sql");
  }
}
