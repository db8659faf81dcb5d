package dev.warpsql.executor.persist;

import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.ColumnSchema;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.TableSchema;
import dev.warpsql.kernels.arrow.ArrowColumns;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Chunk and dictionary files in the Arrow IPC file format. A chunk file contains one record batch
 * with a column per table column; VARCHAR columns store their dictionary codes as plain 32-bit
 * integers, and the table's dictionary files store the strings. Every file is forced to disk before
 * it is closed, so a manifest that names it never points at a partial file.
 */
final class ArrowFiles {
  private static final String DICTIONARY_COLUMN = "value";

  private ArrowFiles() {}

  /** Writes the chunk's vectors to a new file. */
  static void writeChunk(Path file, Chunk chunk, TableSchema schema) throws IOException {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      ColumnSchema column = schema.column(i);
      FieldType type =
          new FieldType(column.nullable(), ArrowColumns.arrowType(column.type()), null, null);
      fields.add(new Field(column.name(), type, null));
    }
    // The root only borrows the chunk's vectors, so it is not closed: that would free them.
    VectorSchemaRoot root = new VectorSchemaRoot(fields, chunk.vectors(), chunk.rowCount());
    write(file, root);
  }

  /** Reads a chunk file into new vectors in the layout of {@link ArrowColumns}. */
  static Chunk readChunk(
      Path file, TableSchema schema, List<StringDictionary> dictionaries, BufferAllocator allocator)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      if (!reader.loadNextBatch()) {
        throw new IOException("chunk file " + file + " has no record batch");
      }
      if (root.getFieldVectors().size() != schema.size()) {
        throw new IOException(
            "chunk file "
                + file
                + " has "
                + root.getFieldVectors().size()
                + " columns, the table "
                + schema.size());
      }
      List<FieldVector> vectors = new ArrayList<>();
      try {
        for (int i = 0; i < schema.size(); i++) {
          ColumnSchema column = schema.column(i);
          StringDictionary dictionary = dictionaries.get(i);
          FieldVector target =
              ArrowColumns.createVector(
                  column.name(),
                  column.type(),
                  column.nullable(),
                  dictionary == null ? 0 : dictionary.id(),
                  allocator);
          vectors.add(target);
          FieldVector source = root.getVector(i);
          if (source.getMinorType() != target.getMinorType()) {
            throw new IOException(
                "chunk file "
                    + file
                    + " stores column "
                    + column.name()
                    + " as "
                    + source.getMinorType()
                    + ", expected "
                    + target.getMinorType());
          }
          source.makeTransferPair(target).transfer();
          target.setValueCount(root.getRowCount());
        }
      } catch (IOException | RuntimeException e) {
        vectors.forEach(FieldVector::close);
        throw e;
      }
      return Chunk.of(vectors);
    }
  }

  /** Writes the first {@code size} values of a dictionary, in code order, to a new file. */
  static void writeDictionary(
      Path file, StringDictionary dictionary, BufferAllocator allocator, int size)
      throws IOException {
    try (VarCharVector values = new VarCharVector(DICTIONARY_COLUMN, allocator)) {
      values.allocateNew(size);
      for (int code = 0; code < size; code++) {
        values.setSafe(code, dictionary.value(code).getBytes(StandardCharsets.UTF_8));
      }
      values.setValueCount(size);
      List<Field> fields = List.of(values.getField());
      List<FieldVector> vectors = List.of(values);
      VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, size);
      write(file, root);
    }
  }

  /** Reads a dictionary file into a new dictionary with the same codes. */
  static StringDictionary readDictionary(Path file, BufferAllocator allocator) throws IOException {
    StringDictionary dictionary = new StringDictionary();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        ArrowFileReader reader = new ArrowFileReader(channel, allocator)) {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      while (reader.loadNextBatch()) {
        VarCharVector values = (VarCharVector) root.getVector(0);
        for (int i = 0; i < root.getRowCount(); i++) {
          String value = new String(values.get(i), StandardCharsets.UTF_8);
          int code = dictionary.encode(value);
          if (code != dictionary.size() - 1) {
            throw new IOException("dictionary file " + file + " repeats the value at row " + i);
          }
        }
      }
    }
    return dictionary;
  }

  private static void write(Path file, VectorSchemaRoot root) throws IOException {
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        ArrowFileWriter writer =
            new ArrowFileWriter(root, new DictionaryProvider.MapDictionaryProvider(), channel)) {
      writer.start();
      writer.writeBatch();
      writer.end();
      channel.force(true);
    }
  }
}
