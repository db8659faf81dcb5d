package dev.warpsql.kernels.ir;

import java.util.Objects;

/**
 * Constant compiled into the kernel.
 *
 * <p>{@code value} is null for SQL NULL, otherwise its physical representation: {@link Boolean} for
 * BOOLEAN, {@link Long} for every kind held in an integer register (TINYINT to BIGINT, DECIMAL as
 * the unscaled value, DATE days, TIME and TIMESTAMP microseconds, VARCHAR dictionary codes), and
 * {@link Double} for REAL and DOUBLE.
 */
public record Literal(Object value, DataType type) implements Expr {
  public Literal {
    Objects.requireNonNull(type, "type");
    if (value != null) {
      Class<?> expected =
          switch (type.physicalType()) {
            case BOOLEAN -> Boolean.class;
            case INT, LONG -> Long.class;
            case FLOAT, DOUBLE -> Double.class;
          };
      if (!expected.isInstance(value)) {
        throw new IllegalArgumentException(
            "literal of type "
                + type
                + " must be a "
                + expected.getSimpleName()
                + ", got "
                + value.getClass().getSimpleName());
      }
    }
  }

  /** Returns a NULL literal of the given type. */
  public static Literal nullOf(DataType type) {
    return new Literal(null, type);
  }

  /** Returns a BIGINT-represented literal of the given integer-register type. */
  public static Literal ofLong(long value, DataType type) {
    return new Literal(value, type);
  }

  @Override
  public boolean nullable() {
    return value == null;
  }

  @Override
  public void appendCanonical(StringBuilder out) {
    out.append(value == null ? "NULL" : value.toString()).append(':').append(type);
  }
}
