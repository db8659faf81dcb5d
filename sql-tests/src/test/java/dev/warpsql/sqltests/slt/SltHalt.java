package dev.warpsql.sqltests.slt;

import java.util.Objects;

/** A {@code halt} record: the rest of the file is not run unless its conditions skip it. */
record SltHalt(int line, SltConditions conditions) implements SltRecord {
  SltHalt {
    Objects.requireNonNull(conditions, "conditions");
  }
}
