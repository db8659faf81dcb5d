package dev.warpsql.executor.pipeline;

import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * Appends VARCHAR columns with the text of TIME or TIMESTAMP columns of its input, for {@code
 * CAST(x AS VARCHAR)} (see {@link TimeText}).
 *
 * <p>A kernel cannot write a string, so the input kernel writes the microseconds and this step
 * formats each distinct value once, encoding the texts into a dictionary of its own that it builds
 * for the execution. Its batch contains the input's columns followed by one column per {@link
 * Text}, and it takes over the input's vectors, so the input must own them (see {@link
 * AppendedColumns}).
 */
public final class TimeTextStep implements ExecutionStep {
  /** One appended column: the input column whose values it writes as text. */
  public record Text(int column, String name) {
    public Text {
      Objects.requireNonNull(name, "name");
    }
  }

  private final ExecutionStep input;
  private final List<Text> texts;

  public TimeTextStep(ExecutionStep input, List<Text> texts) {
    this.input = Objects.requireNonNull(input, "input");
    this.texts = List.copyOf(texts);
  }

  @Override
  public boolean ordered() {
    return input.ordered();
  }

  @Override
  public String describe() {
    return "time texts over " + input.describe();
  }

  @Override
  public Batch execute(ExecutionContext context) {
    Batch batch = input.execute(context);
    List<AppendedColumns.Encoder> encoders = new ArrayList<>();
    List<BatchColumn> columns = new ArrayList<>();
    for (Text text : texts) {
      DataType type = batch.columns().get(text.column()).type();
      if (!TimeText.canFormat(type)) {
        batch.close();
        throw new IllegalArgumentException(
            "column "
                + text.column()
                + " of "
                + input.describe()
                + " is "
                + type
                + ", expected a TIME or TIMESTAMP");
      }
      Encoder encoder = new Encoder(text, type);
      encoders.add(encoder::encode);
      columns.add(new BatchColumn(text.name(), DataType.VARCHAR, true, encoder.dictionary));
    }
    return AppendedColumns.append(describe(), batch, columns, encoders, context);
  }

  /** The texts of one column in one execution, by value. */
  private static final class Encoder {
    private final Text text;
    private final DataType type;
    private final StringDictionary dictionary = new StringDictionary();
    private final Map<Long, Integer> codes = new HashMap<>();

    Encoder(Text text, DataType type) {
      this.text = text;
      this.type = type;
    }

    /** Returns a vector of text codes for a chunk; the caller owns it. */
    FieldVector encode(BatchChunk chunk, ExecutionContext context) {
      // TimeMicroVector and TimeStampMicroVector both store one little-endian long per row.
      BaseFixedWidthVector values = (BaseFixedWidthVector) chunk.vectors().get(text.column());
      int rows = chunk.rowCount();
      IntVector output =
          (IntVector)
              ArrowColumns.createVector(
                  text.name(), DataType.VARCHAR, true, dictionary.id(), context.allocator());
      try {
        output.allocateNew(rows);
        for (int row = 0; row < rows; row++) {
          if (values.isNull(row)) {
            output.setNull(row);
          } else {
            long micros = values.getDataBuffer().getLong((long) row * Long.BYTES);
            output.set(row, codes.computeIfAbsent(micros, this::code));
          }
        }
        output.setValueCount(rows);
        return output;
      } catch (RuntimeException e) {
        output.close();
        throw e;
      }
    }

    private int code(long micros) {
      return dictionary.encode(TimeText.format(micros, type));
    }
  }
}
