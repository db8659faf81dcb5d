package dev.warpsql.kernels.arrow;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Maps kernel {@link DataType}s to the Arrow vectors that store them, for tables and for kernel
 * outputs alike, so that every column of a given type has one layout.
 *
 * <p>DECIMAL is a {@code BigIntVector} of unscaled values (not Arrow's 128-bit decimal), with
 * precision and scale in the field metadata. VARCHAR is an {@code IntVector} of dictionary codes
 * whose field carries a {@link DictionaryEncoding}; the dictionary itself belongs to the column's
 * owner. TIME is a {@code TimeMicroVector} and TIMESTAMP a {@code TimeStampMicroVector}.
 */
public final class ArrowColumns {
  /** Field metadata key holding a DECIMAL's precision. */
  public static final String PRECISION_KEY = "warpsql.precision";

  /** Field metadata key holding a DECIMAL's scale. */
  public static final String SCALE_KEY = "warpsql.scale";

  private static final ArrowType.Int CODE_TYPE = new ArrowType.Int(32, true);

  private ArrowColumns() {}

  /** Returns the Arrow field for a column of the given type; dictionaryId applies to VARCHAR. */
  public static Field field(String name, DataType type, boolean nullable, long dictionaryId) {
    Map<String, String> metadata = null;
    DictionaryEncoding encoding = null;
    if (type.kind() == TypeKind.DECIMAL) {
      metadata =
          Map.of(
              PRECISION_KEY, Integer.toString(type.precision()),
              SCALE_KEY, Integer.toString(type.scale()));
    } else if (type.kind() == TypeKind.VARCHAR) {
      encoding = new DictionaryEncoding(dictionaryId, false, CODE_TYPE);
    }
    FieldType fieldType = new FieldType(nullable, arrowType(type), encoding, metadata);
    return new Field(name, fieldType, null);
  }

  /** Returns a new empty vector for a column of the given type, owned by the caller. */
  public static FieldVector createVector(
      String name, DataType type, boolean nullable, long dictionaryId, BufferAllocator allocator) {
    return field(name, type, nullable, dictionaryId).createVector(allocator);
  }

  /** Returns the physical Arrow type that stores values of the given type. */
  public static ArrowType arrowType(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case TINYINT -> new ArrowType.Int(8, true);
      case SMALLINT -> new ArrowType.Int(16, true);
      case INTEGER, VARCHAR -> CODE_TYPE;
      case BIGINT, DECIMAL -> new ArrowType.Int(64, true);
      case REAL -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
      case TIMESTAMP -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    };
  }

  /** Returns the width in bytes of one value in the data buffer, or 0 for bit-packed BOOLEAN. */
  public static int byteWidth(DataType type) {
    return switch (type.kind()) {
      case BOOLEAN -> 0;
      case TINYINT -> 1;
      case SMALLINT -> 2;
      case INTEGER, VARCHAR, DATE, REAL -> 4;
      case BIGINT, DECIMAL, TIME, TIMESTAMP, DOUBLE -> 8;
    };
  }
}
