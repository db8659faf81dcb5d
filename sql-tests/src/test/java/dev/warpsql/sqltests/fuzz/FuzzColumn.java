package dev.warpsql.sqltests.fuzz;

import java.util.Objects;

/** A column of a fuzzer table; {@code name} is unique across the tables of one round. */
record FuzzColumn(String name, FuzzType type) {
  FuzzColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
