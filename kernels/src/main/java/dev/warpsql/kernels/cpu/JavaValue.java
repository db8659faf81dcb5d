package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;

/**
 * Value of an expression in generated code: a Java expression of the type's physical type, and a
 * boolean Java expression that is true when the value is SQL NULL ("false" when it never is). When
 * {@code isNull} is true, {@code value} is an unspecified placeholder.
 */
record JavaValue(String value, String isNull, DataType type) {
  boolean neverNull() {
    return isNull.equals("false");
  }

  /** Returns the Java type of values of {@code type}, such as {@code long}. */
  static String javaType(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> "boolean";
      case INT -> "int";
      case LONG -> "long";
      case FLOAT -> "float";
      case DOUBLE -> "double";
    };
  }

  /** Returns the placeholder that a NULL value of {@code type} holds. */
  static String defaultValue(DataType type) {
    return switch (type.physicalType()) {
      case BOOLEAN -> "false";
      case INT -> "0";
      case LONG -> "0L";
      case FLOAT -> "0.0F";
      case DOUBLE -> "0.0D";
    };
  }

  /** Returns a Java expression that is true when any of the given NULL flags is. */
  static String anyNull(Iterable<JavaValue> values) {
    StringBuilder out = new StringBuilder();
    for (JavaValue value : values) {
      if (value.isNull.equals("true")) {
        return "true";
      }
      if (!value.neverNull()) {
        out.append(out.length() == 0 ? "" : " || ").append(value.isNull);
      }
    }
    return out.length() == 0 ? "false" : out.toString();
  }
}
