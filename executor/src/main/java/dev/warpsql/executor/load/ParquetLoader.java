package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableBuilder;
import dev.warpsql.executor.storage.TableSchema;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Loads a Parquet file into a new {@link Table} through parquet-java's column readers.
 *
 * <p>The file is read one row group at a time, and within a row group one page at a time per
 * column; rows go into chunks of the table as they are decoded, so memory holds the table, one row
 * group's compressed column chunks and the pages being decoded. {@link ParquetColumn} lists the
 * types that load; any other column type is rejected before a row is read.
 *
 * <p>Loading is all or nothing: a value that does not fit its column, a damaged file or a file that
 * is not Parquet raises a {@link WarpException} naming the file, and where known the row, the
 * column and the value, and frees every vector allocated for the table.
 */
public final class ParquetLoader {
  private ParquetLoader() {}

  /**
   * Loads a Parquet file into a table named {@code tableName} in lower case.
   *
   * @param columns the columns to load the file's columns into, by position, or null to take the
   *     file's columns with their mapped types, nullable and named in lower case
   * @return the new table, owned by the caller
   */
  public static Table load(
      String tableName,
      Path file,
      List<ColumnSchema> columns,
      int chunkRows,
      BufferAllocator allocator) {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(allocator, "allocator");
    String name = tableName.toLowerCase(Locale.ROOT);
    try (ParquetFileReader reader = open(file)) {
      List<ParquetColumn> sources = fileColumns(file, reader);
      TableSchema schema =
          columns == null ? inferredSchema(file, sources) : new TableSchema(columns);
      checkColumnCount(file, sources, schema);
      try (TableBuilder builder = new TableBuilder(name, schema, allocator, chunkRows)) {
        ParquetValueConverter[] converters = new ParquetValueConverter[sources.size()];
        for (int i = 0; i < converters.length; i++) {
          converters[i] = ParquetValueConverter.into(builder, i, sources.get(i), file);
        }
        new ParquetRowGroups(file, reader, sources, converters, builder).readAll();
        return builder.build();
      }
    } catch (IOException e) {
      throw new WarpException(
          ErrorCode.IO_ERROR, "failed to read Parquet file " + file + ": " + e.getMessage(), e);
    } catch (OutOfMemoryException e) {
      throw new WarpException(
          ErrorCode.OUT_OF_MEMORY,
          "not enough memory to load Parquet file "
              + file
              + " into table \""
              + name
              + "\". Raise the memory limit or load a smaller file.",
          e);
    }
  }

  /**
   * Returns the columns that loading the file without declared columns creates: the file's columns,
   * named in lower case, with their mapped types, nullable.
   */
  public static TableSchema inferColumns(Path file) {
    try (ParquetFileReader reader = open(file)) {
      return inferredSchema(file, fileColumns(file, reader));
    } catch (IOException e) {
      throw new WarpException(
          ErrorCode.IO_ERROR, "failed to read Parquet file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ParquetFileReader open(Path file) {
    ParquetReadOptions options =
        ParquetReadOptions.builder(new PlainParquetConfiguration())
            .withCodecFactory(ParquetCodecs.INSTANCE)
            .usePageChecksumVerification(true)
            .build();
    try {
      return ParquetFileReader.open(new LocalInputFile(file), options);
    } catch (NoSuchFileException e) {
      throw new WarpException(
          ErrorCode.FILE_NOT_FOUND, "Parquet file not found: " + file + ". Check the path.", e);
    } catch (IOException e) {
      throw new WarpException(
          ErrorCode.IO_ERROR, "failed to open Parquet file " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // parquet-java raises RuntimeException when the footer is missing or cannot be decoded.
      throw new WarpException(
          ErrorCode.BAD_PARQUET_FILE,
          "invalid Parquet file "
              + file
              + ": "
              + e.getMessage()
              + ". Check that the file is Parquet and was written completely.",
          e);
    }
  }

  private static List<ParquetColumn> fileColumns(Path file, ParquetFileReader reader) {
    MessageType schema = reader.getFooter().getFileMetaData().getSchema();
    List<ParquetColumn> columns = new ArrayList<>();
    for (Type field : schema.getFields()) {
      String[] path = {field.getName()};
      columns.add(
          ParquetColumn.of(
              file, field, field.isPrimitive() ? schema.getColumnDescription(path) : null));
    }
    return columns;
  }

  private static TableSchema inferredSchema(Path file, List<ParquetColumn> sources) {
    List<ColumnSchema> columns = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (ParquetColumn source : sources) {
      String previous = names.putIfAbsent(source.sqlName(), source.name());
      if (previous != null) {
        throw new WarpException(
            ErrorCode.BAD_PARQUET_FILE,
            "Parquet file "
                + file
                + " has columns \""
                + previous
                + "\" and \""
                + source.name()
                + "\", whose names are equal in lower case. Rename one of them, or COPY the file"
                + " into a table with declared columns.");
      }
      columns.add(ColumnSchema.nullable(source.sqlName(), source.type()));
    }
    return new TableSchema(columns);
  }

  private static void checkColumnCount(Path file, List<ParquetColumn> sources, TableSchema schema) {
    if (sources.size() != schema.size()) {
      List<String> names = new ArrayList<>();
      for (ParquetColumn source : sources) {
        names.add(source.name());
      }
      throw new WarpException(
          ErrorCode.BAD_PARQUET_FILE,
          "Parquet file "
              + file
              + " has "
              + sources.size()
              + " columns "
              + names
              + " but "
              + schema.size()
              + " target columns "
              + schema.names()
              + " were given. Name one target column per file column, in the file's order.");
    }
  }

  /** Reads every row group of a file into a table builder, one row at a time. */
  private record ParquetRowGroups(
      Path file,
      ParquetFileReader reader,
      List<ParquetColumn> sources,
      ParquetValueConverter[] converters,
      TableBuilder builder) {
    void readAll() throws IOException {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      GroupConverter row = new RowConverter(converters);
      List<BlockMetaData> rowGroups = reader.getRowGroups();
      long rowsBefore = 0;
      try (LoadProgress.Counter progress = LoadProgress.start(file)) {
        for (int group = 0; group < rowGroups.size(); group++) {
          PageReadStore pages = readRowGroup(group);
          ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, row, schema, createdBy);
          ColumnReader[] readers = new ColumnReader[sources.size()];
          for (int i = 0; i < readers.length; i++) {
            readers[i] = store.getColumnReader(sources.get(i).descriptor());
          }
          readRows(readers, pages.getRowCount(), rowsBefore, group);
          rowsBefore += pages.getRowCount();
          BlockMetaData metadata = rowGroups.get(group);
          progress.set(metadata.getStartingPos() + metadata.getCompressedSize());
        }
      }
    }

    private PageReadStore readRowGroup(int group) {
      try {
        PageReadStore pages = reader.readNextRowGroup();
        if (pages == null) {
          throw new IOException("invalid footer: it lists more row groups than the file contains");
        }
        return pages;
      } catch (IOException | RuntimeException e) {
        throw damaged(group, null, e);
      }
    }

    // TODO: decode each column chunk straight into its vector. Row by row through TableBuilder,
    // ingest runs about 15 times slower than DuckDB's (docs/benchmarks.md).
    private void readRows(ColumnReader[] readers, long rowCount, long rowsBefore, int group) {
      for (long row = 0; row < rowCount; row++) {
        int column = 0;
        try {
          for (; column < readers.length; column++) {
            ColumnReader reader = readers[column];
            if (reader.getCurrentDefinitionLevel()
                < reader.getDescriptor().getMaxDefinitionLevel()) {
              builder.setNull(column);
            } else {
              reader.writeCurrentValueToConverter();
            }
            reader.consume();
          }
        } catch (OutOfMemoryException e) {
          throw e;
        } catch (WarpException e) {
          throw new WarpException(
              e.code(),
              "invalid value in Parquet file "
                  + file
                  + ", row "
                  + (rowsBefore + row + 1)
                  + ", column \""
                  + sources.get(column).name()
                  + "\": "
                  + e.getMessage(),
              e);
        } catch (RuntimeException e) {
          throw damaged(group, sources.get(column), e);
        }
        builder.endRow();
      }
    }

    private WarpException damaged(int group, ParquetColumn column, Exception e) {
      String where = column == null ? "" : ", column \"" + column.name() + "\"";
      String detail = e.toString();
      if (detail.endsWith(".")) {
        detail = detail.substring(0, detail.length() - 1);
      }
      return new WarpException(
          ErrorCode.BAD_PARQUET_FILE,
          "damaged Parquet file "
              + file
              + ", row group "
              + (group + 1)
              + where
              + ": "
              + detail
              + ". Write the file again.",
          e);
    }
  }

  /** Hands each column's values to its converter; a flat schema has one converter per field. */
  private static final class RowConverter extends GroupConverter {
    private final ParquetValueConverter[] converters;

    RowConverter(ParquetValueConverter[] converters) {
      this.converters = converters;
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return converters[fieldIndex];
    }

    @Override
    public void start() {}

    @Override
    public void end() {}
  }
}
