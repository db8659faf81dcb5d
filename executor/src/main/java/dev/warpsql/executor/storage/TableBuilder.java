package dev.warpsql.executor.storage;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.util.AutoCloseables;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;

/**
 * Builds a {@link Table} one row at a time: set every column of a row, then {@link #endRow}. Every
 * {@code chunkRows} rows become one sealed {@link Chunk} with its zone maps.
 *
 * <p>Values are given in their physical representation: {@link #setLong} for every integer kind,
 * DECIMAL (unscaled), DATE (days since 1970-01-01), TIME (microseconds since midnight) and
 * TIMESTAMP (microseconds since 1970-01-01 00:00:00). A value that the column cannot store raises a
 * {@link WarpException}: out of range for the integer type or DECIMAL precision, longer than a
 * VARCHAR(n), or NULL in a NOT NULL column. Calling the setter of another type, or ending a row
 * with a column unset, is a programming error and raises {@link IllegalArgumentException} or {@link
 * IllegalStateException}. A setter that raises leaves the column unset.
 *
 * <p>The builder is all or nothing: {@link #build} hands every chunk to the new table, and {@link
 * #close} without {@code build} frees everything allocated so far. Vectors come from the allocator
 * given to the constructor. The builder is not thread-safe.
 */
public final class TableBuilder implements AutoCloseable {
  /** Default number of rows per chunk. */
  public static final int DEFAULT_CHUNK_ROWS = 65536;

  /** Rows that a new chunk's vectors have room for before their first growth. */
  private static final int INITIAL_VECTOR_CAPACITY = 4096;

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final String name;
  private final TableSchema schema;
  private final BufferAllocator allocator;
  private final int chunkRows;
  private final StringDictionary[] dictionaries;

  /** Per DECIMAL column, 10^precision, or 0 when every long fits. Other columns have 0. */
  private final long[] decimalLimits;

  private final List<Chunk> chunks = new ArrayList<>();
  private final boolean[] assigned;

  /** Vectors of the chunk being filled, or null until the first value after a sealed chunk. */
  private FieldVector[] current;

  private int assignedCount;
  private int rowInChunk;
  private long rowCount;
  private boolean finished;

  /** Creates a builder for a table with the given schema and rows per chunk. */
  public TableBuilder(String name, TableSchema schema, BufferAllocator allocator, int chunkRows) {
    this(name, schema, null, allocator, chunkRows);
  }

  /**
   * Creates a builder that encodes VARCHAR values into existing dictionaries, one per column and
   * null for every column that is not VARCHAR, as a new version of a table does.
   */
  public TableBuilder(
      String name,
      TableSchema schema,
      List<StringDictionary> dictionaries,
      BufferAllocator allocator,
      int chunkRows) {
    this.name = Objects.requireNonNull(name, "name");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.allocator = Objects.requireNonNull(allocator, "allocator");
    if (chunkRows < 1) {
      throw new IllegalArgumentException("chunkRows must be positive, got " + chunkRows);
    }
    this.chunkRows = chunkRows;
    int columns = schema.size();
    this.dictionaries = new StringDictionary[columns];
    if (dictionaries != null && dictionaries.size() != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " dictionary entries, got " + dictionaries.size());
    }
    this.decimalLimits = new long[columns];
    this.assigned = new boolean[columns];
    for (int i = 0; i < columns; i++) {
      DataType type = schema.type(i);
      if (type.kind() == TypeKind.VARCHAR) {
        this.dictionaries[i] =
            dictionaries == null
                ? new StringDictionary()
                : Objects.requireNonNull(dictionaries.get(i), "dictionary of a VARCHAR column");
      } else if (type.kind() == TypeKind.DECIMAL) {
        decimalLimits[i] = decimalLimit(type.precision());
      }
    }
  }

  /** Creates a builder with {@link #DEFAULT_CHUNK_ROWS} rows per chunk. */
  public TableBuilder(String name, TableSchema schema, BufferAllocator allocator) {
    this(name, schema, allocator, DEFAULT_CHUNK_ROWS);
  }

  public String name() {
    return name;
  }

  public TableSchema schema() {
    return schema;
  }

  /** Returns the number of rows ended so far. */
  public long rowCount() {
    return rowCount;
  }

  /** Returns the dictionary of a VARCHAR column, or null for a column of any other type. */
  public StringDictionary dictionary(int column) {
    return dictionaries[column];
  }

  /** Sets a column of the current row to NULL, or raises a WarpException if it is NOT NULL. */
  public void setNull(int column) {
    FieldVector vector = vectorFor(column);
    ColumnSchema columnSchema = schema.column(column);
    if (!columnSchema.nullable()) {
      throw new WarpException(
          ErrorCode.NOT_NULL_VIOLATION,
          "NULL value in NOT NULL column \""
              + columnSchema.name()
              + "\""
              + location()
              + ". Supply a value or declare the column nullable.");
    }
    vector.setNull(rowInChunk);
    markAssigned(column);
  }

  /** Sets a BOOLEAN column of the current row. */
  public void setBoolean(int column, boolean value) {
    FieldVector vector = vectorFor(column);
    requireKind(column, "setBoolean", TypeKind.BOOLEAN);
    ((BitVector) vector).setSafe(rowInChunk, value ? 1 : 0);
    markAssigned(column);
  }

  /**
   * Sets a column of an integer kind, DECIMAL, DATE, TIME or TIMESTAMP to a value in its physical
   * representation, checking that it fits the column's type.
   */
  public void setLong(int column, long value) {
    FieldVector vector = vectorFor(column);
    DataType type = schema.type(column);
    int row = rowInChunk;
    switch (type.kind()) {
      case TINYINT -> {
        checkRange(column, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        ((TinyIntVector) vector).setSafe(row, (byte) value);
      }
      case SMALLINT -> {
        checkRange(column, value, Short.MIN_VALUE, Short.MAX_VALUE);
        ((SmallIntVector) vector).setSafe(row, (short) value);
      }
      case INTEGER -> {
        checkRange(column, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ((IntVector) vector).setSafe(row, (int) value);
      }
      case BIGINT -> ((BigIntVector) vector).setSafe(row, value);
      case DECIMAL -> {
        checkDecimal(column, value);
        ((BigIntVector) vector).setSafe(row, value);
      }
      case DATE -> {
        checkRange(column, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        ((DateDayVector) vector).setSafe(row, (int) value);
      }
      case TIME -> {
        checkRange(column, value, 0, MICROS_PER_DAY - 1);
        ((TimeMicroVector) vector).setSafe(row, value);
      }
      case TIMESTAMP -> ((TimeStampMicroVector) vector).setSafe(row, value);
      default -> throw wrongSetter(column, "setLong");
    }
    markAssigned(column);
  }

  /** Sets a REAL or DOUBLE column. A finite value beyond the range of REAL raises. */
  public void setDouble(int column, double value) {
    FieldVector vector = vectorFor(column);
    DataType type = schema.type(column);
    if (type.kind() == TypeKind.DOUBLE) {
      ((Float8Vector) vector).setSafe(rowInChunk, value);
    } else if (type.kind() == TypeKind.REAL) {
      float narrowed = (float) value;
      if (Float.isInfinite(narrowed) && !Double.isInfinite(value)) {
        throw outOfRange(column, Double.toString(value), "-3.4028235E38 to 3.4028235E38");
      }
      ((Float4Vector) vector).setSafe(rowInChunk, narrowed);
    } else {
      throw wrongSetter(column, "setDouble");
    }
    markAssigned(column);
  }

  /** Sets a VARCHAR column, encoding the value into the column's dictionary. */
  public void setString(int column, String value) {
    setStringCode(column, encodeString(column, value));
  }

  /**
   * Returns the dictionary code that {@link #setString} would store for a value of a VARCHAR
   * column, raising the same errors, without setting the column. A loader that reads a value many
   * times encodes it once and then sets the code.
   */
  public int encodeString(int column, String value) {
    Objects.requireNonNull(value, "value, use setNull for NULL");
    checkOpen();
    DataType type = schema.type(column);
    requireKind(column, "setString", TypeKind.VARCHAR);
    int maxLength = type.precision();
    if (maxLength != DataType.UNBOUNDED
        && value.length() > maxLength
        && value.codePointCount(0, value.length()) > maxLength) {
      value = withoutExcessSpaces(column, value, maxLength);
    }
    return dictionaries[column].encode(value);
  }

  /** Sets a VARCHAR column to a code that {@link #encodeString} returned for that column. */
  public void setStringCode(int column, int code) {
    FieldVector vector = vectorFor(column);
    requireKind(column, "setStringCode", TypeKind.VARCHAR);
    if (code < 0 || code >= dictionaries[column].size()) {
      throw new IllegalArgumentException(
          "code " + code + " is not in the dictionary of column " + schema.column(column).name());
    }
    ((IntVector) vector).setSafe(rowInChunk, code);
    markAssigned(column);
  }

  /**
   * Cuts a value longer than its column to the column's length when only spaces are cut, as the SQL
   * standard's store assignment does, and otherwise raises "string data, right truncation".
   */
  private String withoutExcessSpaces(int column, String value, int maxLength) {
    int end = value.offsetByCodePoints(0, maxLength);
    if (value.substring(end).chars().allMatch(c -> c == ' ')) {
      return value.substring(0, end);
    }
    DataType type = schema.type(column);
    throw new WarpException(
        ErrorCode.STRING_DATA_RIGHT_TRUNCATION,
        "value '"
            + abbreviate(value)
            + "' of "
            + value.codePointCount(0, value.length())
            + " characters is too long for column \""
            + schema.column(column).name()
            + "\" of type "
            + type
            + location()
            + ". Shorten the value or declare a longer type.");
  }

  /** Ends the current row, whose columns must all be set, and seals the chunk when it is full. */
  public void endRow() {
    checkOpen();
    if (assignedCount != assigned.length) {
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < assigned.length; i++) {
        if (!assigned[i]) {
          missing.add(schema.column(i).name());
        }
      }
      throw new IllegalStateException(
          "row " + (rowCount + 1) + " of table " + name + " ended without values for " + missing);
    }
    Arrays.fill(assigned, false);
    assignedCount = 0;
    rowInChunk++;
    rowCount++;
    if (rowInChunk == chunkRows) {
      sealChunk();
    }
  }

  /**
   * Seals the last chunk and returns the table, which takes ownership of every chunk. The builder
   * cannot be used afterwards. A table without rows has no chunks.
   */
  public Table build() {
    checkOpen();
    if (assignedCount != 0) {
      throw new IllegalStateException(
          "row " + (rowCount + 1) + " of table " + name + " was started but not ended");
    }
    if (rowInChunk > 0) {
      sealChunk();
    } else {
      freeCurrent();
    }
    List<StringDictionary> dictionaryList = Arrays.asList(dictionaries);
    Table table = new Table(name, schema, chunks, dictionaryList);
    chunks.clear();
    finished = true;
    return table;
  }

  /** Frees every vector unless {@link #build} has handed them to a table. Idempotent. */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      freeCurrent();
    } finally {
      closeAll(chunks);
      chunks.clear();
    }
  }

  private FieldVector vectorFor(int column) {
    checkOpen();
    if (current == null) {
      current = allocateVectors();
    }
    return current[column];
  }

  private FieldVector[] allocateVectors() {
    FieldVector[] vectors = new FieldVector[schema.size()];
    int capacity = Math.min(chunkRows, INITIAL_VECTOR_CAPACITY);
    try {
      for (int i = 0; i < vectors.length; i++) {
        ColumnSchema column = schema.column(i);
        long dictionaryId = dictionaries[i] == null ? 0 : dictionaries[i].id();
        vectors[i] =
            ArrowColumns.createVector(
                column.name(), column.type(), column.nullable(), dictionaryId, allocator);
        vectors[i].setInitialCapacity(capacity);
        vectors[i].allocateNew();
      }
    } catch (RuntimeException e) {
      closeAll(Arrays.asList(vectors));
      throw e;
    }
    return vectors;
  }

  private void sealChunk() {
    FieldVector[] vectors = current;
    current = null;
    try {
      for (FieldVector vector : vectors) {
        vector.setValueCount(rowInChunk);
      }
      chunks.add(Chunk.of(Arrays.asList(vectors)));
    } catch (RuntimeException e) {
      closeAll(Arrays.asList(vectors));
      throw e;
    }
    rowInChunk = 0;
  }

  private void freeCurrent() {
    if (current != null) {
      FieldVector[] vectors = current;
      current = null;
      closeAll(Arrays.asList(vectors));
    }
  }

  private void markAssigned(int column) {
    if (!assigned[column]) {
      assigned[column] = true;
      assignedCount++;
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("table builder for " + name + " is already built or closed");
    }
  }

  private void requireKind(int column, String setter, TypeKind kind) {
    if (schema.type(column).kind() != kind) {
      throw wrongSetter(column, setter);
    }
  }

  private IllegalArgumentException wrongSetter(int column, String setter) {
    ColumnSchema columnSchema = schema.column(column);
    return new IllegalArgumentException(
        setter
            + " does not apply to column "
            + columnSchema.name()
            + " of type "
            + columnSchema.type());
  }

  private void checkRange(int column, long value, long min, long max) {
    if (value < min || value > max) {
      throw outOfRange(column, Long.toString(value), min + " to " + max);
    }
  }

  private void checkDecimal(int column, long unscaled) {
    long limit = decimalLimits[column];
    if (limit != 0 && (unscaled >= limit || unscaled <= -limit)) {
      DataType type = schema.type(column);
      throw new WarpException(
          ErrorCode.NUMERIC_OVERFLOW,
          "unscaled value "
              + unscaled
              + " has more than "
              + type.precision()
              + " digits, so it is out of range for column \""
              + schema.column(column).name()
              + "\" of type "
              + type
              + location()
              + ". Declare a larger precision or fix the value.");
    }
  }

  private WarpException outOfRange(int column, String value, String range) {
    ColumnSchema columnSchema = schema.column(column);
    return new WarpException(
        ErrorCode.NUMERIC_OVERFLOW,
        "value "
            + value
            + " is out of range for column \""
            + columnSchema.name()
            + "\" of type "
            + columnSchema.type()
            + " ("
            + range
            + ")"
            + location()
            + ". Declare a wider type or fix the value.");
  }

  /**
   * Returns where a rejected value was going. It gives no row number, because the builder's rows
   * include rows copied from an earlier version of the table. Loaders add the file's line or row.
   */
  private String location() {
    return " in table \"" + name + "\"";
  }

  private static String abbreviate(String value) {
    return value.length() <= 60 ? value : value.substring(0, 57) + "...";
  }

  /**
   * Returns 10^precision, the smallest magnitude that does not fit the precision, or 0 when every
   * long fits, which is the case from 19 digits on.
   */
  private static long decimalLimit(int precision) {
    if (precision >= 19) {
      return 0;
    }
    long result = 1;
    for (int i = 0; i < precision; i++) {
      result *= 10;
    }
    return result;
  }

  private static void closeAll(List<? extends AutoCloseable> resources) {
    try {
      AutoCloseables.close(resources);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("failed to free table vectors", e);
    }
  }
}
