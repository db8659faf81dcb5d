package dev.warpsql.executor.load;

import dev.warpsql.executor.load.CsvFieldParser.Shape;
import dev.warpsql.kernels.ir.DataType;

/**
 * Infers the type of one CSV column from every non-NULL value in it.
 *
 * <p>The narrowest exact type that fits every value wins. Integers alone give BIGINT. Integers and
 * plain decimals give DECIMAL(18, s), with s the largest number of fractional digits, when the
 * longest integer part plus s fits 18 digits, and DOUBLE otherwise. Any exponent, NaN or Infinity
 * gives DOUBLE. Dates alone give DATE, and dates mixed with timestamps give TIMESTAMP. Only true
 * and false give BOOLEAN. Any other mix, and a column with only NULLs, gives VARCHAR.
 */
final class CsvTypeInference {
  /** Precision of inferred DECIMAL columns, the largest for which a long stores every value. */
  static final int DECIMAL_PRECISION = 18;

  private boolean sawBoolean;
  private boolean sawInteger;
  private boolean sawDecimal;
  private boolean sawDouble;
  private boolean sawDate;
  private boolean sawTimestamp;
  private boolean sawText;
  private int maxScale;
  private int maxIntegerDigits;

  /** Adds one trimmed, non-empty, non-NULL value. */
  void add(String text) {
    if (sawText) {
      return;
    }
    Shape shape = CsvFieldParser.classify(text);
    switch (shape) {
      case BOOLEAN -> sawBoolean = true;
      case INTEGER -> {
        sawInteger = true;
        maxIntegerDigits = Math.max(maxIntegerDigits, CsvFieldParser.integerDigits(text));
      }
      case DECIMAL -> {
        sawDecimal = true;
        maxIntegerDigits = Math.max(maxIntegerDigits, CsvFieldParser.integerDigits(text));
        maxScale = Math.max(maxScale, CsvFieldParser.scale(text));
      }
      case DOUBLE -> sawDouble = true;
      case DATE -> sawDate = true;
      case TIMESTAMP -> sawTimestamp = true;
      case TEXT -> sawText = true;
    }
  }

  /** Returns the inferred type. */
  DataType result() {
    boolean numeric = sawInteger || sawDecimal || sawDouble;
    boolean temporal = sawDate || sawTimestamp;
    int families = (sawBoolean ? 1 : 0) + (numeric ? 1 : 0) + (temporal ? 1 : 0);
    if (sawText || families != 1) {
      return DataType.VARCHAR;
    }
    if (sawBoolean) {
      return DataType.BOOLEAN;
    }
    if (temporal) {
      return sawTimestamp ? DataType.TIMESTAMP : DataType.DATE;
    }
    if (sawDouble) {
      return DataType.DOUBLE;
    }
    if (!sawDecimal) {
      return DataType.BIGINT;
    }
    if (maxIntegerDigits + maxScale > DECIMAL_PRECISION) {
      return DataType.DOUBLE;
    }
    return DataType.decimal(DECIMAL_PRECISION, maxScale);
  }
}
