package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.PrimitiveConverter;

/**
 * Receives the values of one Parquet column from parquet-java's column reader and sets them in the
 * current row of a {@link TableBuilder}, converted to the type of the target column. The builder
 * checks that each value fits: range, DECIMAL precision, VARCHAR length. Strings of a
 * dictionary-encoded column chunk are decoded once per dictionary entry. Not thread-safe.
 */
final class ParquetValueConverter extends PrimitiveConverter {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final Set<TypeKind> INTEGERS =
      EnumSet.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
  private static final Set<TypeKind> FLOATS = EnumSet.of(TypeKind.REAL, TypeKind.DOUBLE);

  private final TableBuilder builder;
  private final int column;
  private final ParquetColumn source;

  /** Factor from the file's integer representation to the target's, such as 10^scale. */
  private final long multiplier;

  /** Whether an integer or DECIMAL source goes into a REAL or DOUBLE column. */
  private final boolean toDouble;

  private String[] dictionary;

  private ParquetValueConverter(TableBuilder builder, int column, ParquetColumn source) {
    this.builder = builder;
    this.column = column;
    this.source = source;
    DataType from = source.type();
    DataType to = builder.schema().type(column);
    this.toDouble = FLOATS.contains(to.kind()) && !FLOATS.contains(from.kind());
    long factor = source.unitMicros();
    if (to.kind() == TypeKind.DECIMAL) {
      int fromScale = from.kind() == TypeKind.DECIMAL ? from.scale() : 0;
      factor = BigInteger.TEN.pow(to.scale() - fromScale).longValueExact();
    } else if (from.kind() == TypeKind.DATE && to.kind() == TypeKind.TIMESTAMP) {
      factor = MICROS_PER_DAY;
    }
    this.multiplier = factor;
  }

  /**
   * Returns the converter of a file column into a column of the builder, or raises a {@link
   * WarpException} when the file's type does not convert to the column's. Only conversions into
   * REAL or DOUBLE may round.
   */
  static ParquetValueConverter into(
      TableBuilder builder, int column, ParquetColumn source, Path file) {
    ColumnSchema target = builder.schema().column(column);
    if (!converts(source.type(), target.type())) {
      throw new WarpException(
          ErrorCode.INVALID_CAST,
          "cannot load column \""
              + source.name()
              + "\" of type "
              + source.type()
              + " from Parquet file "
              + file
              + " into column \""
              + target.name()
              + "\" of type "
              + target.type()
              + ". Load it into a column of a matching type, or name the target columns in"
              + " COPY's column list in the file's order.");
    }
    return new ParquetValueConverter(builder, column, source);
  }

  /**
   * Returns whether values of type {@code from} load into a column of type {@code to}: exactly,
   * apart from range checks, or rounded to the nearest REAL or DOUBLE.
   */
  private static boolean converts(DataType from, DataType to) {
    TypeKind target = to.kind();
    return switch (from.kind()) {
      case TINYINT, SMALLINT, INTEGER, BIGINT ->
          INTEGERS.contains(target) || FLOATS.contains(target) || target == TypeKind.DECIMAL;
      case DECIMAL ->
          FLOATS.contains(target) || (target == TypeKind.DECIMAL && to.scale() >= from.scale());
      case REAL, DOUBLE -> FLOATS.contains(target);
      case DATE -> target == TypeKind.DATE || target == TypeKind.TIMESTAMP;
      case BOOLEAN, TIME, TIMESTAMP, VARCHAR -> target == from.kind();
    };
  }

  @Override
  public void addBoolean(boolean value) {
    builder.setBoolean(column, value);
  }

  @Override
  public void addInt(int value) {
    addLong(source.unsigned() ? Integer.toUnsignedLong(value) : value);
  }

  @Override
  public void addLong(long value) {
    if (toDouble) {
      DataType from = source.type();
      int scale = from.kind() == TypeKind.DECIMAL ? from.scale() : 0;
      builder.setDouble(column, BigDecimal.valueOf(value, scale).doubleValue());
      return;
    }
    long scaled;
    try {
      scaled = Math.multiplyExact(value, multiplier);
    } catch (ArithmeticException e) {
      throw new WarpException(
          ErrorCode.NUMERIC_OVERFLOW,
          "value "
              + value
              + " of type "
              + source.type()
              + " is out of range for column \""
              + builder.schema().column(column).name()
              + "\" of type "
              + builder.schema().type(column)
              + ". Declare a wider type or fix the value.",
          e);
    }
    builder.setLong(column, scaled);
  }

  @Override
  public void addFloat(float value) {
    builder.setDouble(column, value);
  }

  @Override
  public void addDouble(double value) {
    builder.setDouble(column, value);
  }

  @Override
  public void addBinary(Binary value) {
    if (source.type().kind() == TypeKind.DECIMAL) {
      // DECIMAL as BINARY or FIXED_LEN_BYTE_ARRAY is the big-endian two's complement unscaled
      // value.
      addLong(new BigInteger(value.getBytes()).longValueExact());
    } else {
      builder.setString(column, text(value));
    }
  }

  @Override
  public boolean hasDictionarySupport() {
    return source.type().kind() == TypeKind.VARCHAR;
  }

  @Override
  public void setDictionary(Dictionary newDictionary) {
    dictionary = new String[newDictionary.getMaxId() + 1];
    for (int id = 0; id < dictionary.length; id++) {
      dictionary[id] = text(newDictionary.decodeToBinary(id));
    }
  }

  @Override
  public void addValueFromDictionary(int id) {
    builder.setString(column, dictionary[id]);
  }

  /**
   * Decodes UTF-8 strictly. The fast decoder replaces invalid bytes with U+FFFD, so only a string
   * that contains U+FFFD is decoded again with a decoder that reports them.
   */
  private String text(Binary value) {
    String text = value.toStringUsingUTF8();
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    try {
      ByteBuffer bytes = value.toByteBuffer();
      return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw new WarpException(
          ErrorCode.INVALID_TEXT_REPRESENTATION,
          "value '"
              + text
              + "' of column \""
              + source.name()
              + "\" is not valid UTF-8 text, which a VARCHAR column needs. Convert the file's"
              + " strings to UTF-8.",
          e);
    }
  }
}
