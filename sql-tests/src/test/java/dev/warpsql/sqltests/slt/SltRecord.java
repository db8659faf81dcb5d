package dev.warpsql.sqltests.slt;

/** One record of a sqllogictest file: a statement, a query or a halt. */
sealed interface SltRecord permits SltStatement, SltQuery, SltHalt {
  /** Returns the 1-based line of the record's first line, after its conditions. */
  int line();

  SltConditions conditions();
}
