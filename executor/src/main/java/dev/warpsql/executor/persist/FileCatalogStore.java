package dev.warpsql.executor.persist;

import static dev.warpsql.executor.persist.DirectoryLayout.DATA;
import static dev.warpsql.executor.persist.DirectoryLayout.LOCK;
import static dev.warpsql.executor.persist.DirectoryLayout.MANIFEST;
import static dev.warpsql.executor.persist.DirectoryLayout.MANIFEST_TEMP;

import dev.warpsql.executor.catalog.CatalogSnapshot;
import dev.warpsql.executor.catalog.CatalogSnapshot.SchemaSnapshot;
import dev.warpsql.executor.catalog.CatalogStore;
import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import dev.warpsql.executor.persist.Manifest.SchemaEntry;
import dev.warpsql.executor.persist.Manifest.TableEntry;
import dev.warpsql.executor.storage.Chunk;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.executor.storage.Table;
import dev.warpsql.executor.storage.TableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A catalog store in a directory: {@code manifest.json} names the committed schemas, tables and
 * views, and {@code data/} contains one Arrow IPC file per chunk and per version of a dictionary.
 *
 * <p>A commit writes the files that are new since the last commit and forces them to disk, writes
 * the new manifest to a temporary file and forces it, renames it over {@code manifest.json}, and
 * forces the directory. The rename is the commit point: a crash before it leaves the previous
 * manifest, a crash after it the new one. Files that no manifest names are leftovers of an
 * interrupted commit or of replaced versions; opening the store and each commit delete them.
 * Opening a directory without a manifest commits an empty one first, so that the first commit of
 * data also has a previous state to fall back on.
 *
 * <p>One process at a time may open a directory: the store holds an exclusive lock on {@code
 * warpsql.lock} until it closes. Not thread-safe on its own; the catalog calls it under its write
 * lock.
 */
public final class FileCatalogStore implements CatalogStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileCatalogStore.class);

  private final Path directory;
  private final Path data;
  private final BufferAllocator allocator;
  private final DirectoryLock lock;
  private final Manifest committed;

  /** The file of every chunk that the last commit or the load wrote or read. */
  private Map<Chunk, String> chunkFiles = new IdentityHashMap<>();

  /** The file and value count of every dictionary that the last commit or the load persisted. */
  private Map<StringDictionary, DictionaryFile> dictionaryFiles = new IdentityHashMap<>();

  private record DictionaryFile(String name, int size) {}

  private FileCatalogStore(
      Path directory, BufferAllocator allocator, DirectoryLock lock, Manifest committed) {
    this.directory = directory;
    this.data = directory.resolve(DATA);
    this.allocator = allocator;
    this.lock = lock;
    this.committed = committed;
  }

  /**
   * Opens a database directory, creating it when absent, and removes the leftovers of an
   * interrupted commit. A directory without a manifest gets an empty one before any data file is
   * written. Raises {@link ErrorCode#LOCK_NOT_AVAILABLE} when another process has it open, and
   * {@link ErrorCode#JVM_OPTION_MISSING} when this JVM cannot write Arrow IPC files.
   *
   * @param allocator the allocator of the tables that {@link #load} reads
   */
  public static FileCatalogStore open(Path directory, BufferAllocator allocator) {
    Path absolute = directory.toAbsolutePath().normalize();
    ArrowIpcCheck.requireIpcWrites(absolute);
    try {
      checkIsDatabaseDirectory(absolute);
      Files.createDirectories(absolute.resolve(DATA));
    } catch (IOException e) {
      throw ioError("cannot create database directory " + absolute, e);
    }
    DirectoryLock lock = DirectoryLock.acquire(absolute.resolve(LOCK));
    try {
      boolean hasManifest = Files.exists(absolute.resolve(MANIFEST));
      Manifest manifest = readManifest(absolute);
      FileCatalogStore store = new FileCatalogStore(absolute, allocator, lock, manifest);
      if (!hasManifest) {
        store.writeManifest(manifest);
      }
      int removed = store.deleteUnreferenced(referencedFiles(manifest));
      Files.deleteIfExists(absolute.resolve(MANIFEST_TEMP));
      if (removed > 0) {
        LOG.warn(
            "removed {} data files that the manifest does not name from {}", removed, absolute);
      }
      return store;
    } catch (IOException e) {
      lock.close();
      throw ioError("cannot open database directory " + absolute, e);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Rejects a directory without a manifest unless it holds nothing but the lock file and a
   * temporary manifest, which is what a crash before the first manifest leaves: the store writes
   * that manifest before any data file. A directory with other files is not a WarpSQL database, and
   * one with data files but no manifest lost its manifest, so the store opens neither, because
   * opening would delete the files.
   */
  private static void checkIsDatabaseDirectory(Path directory) throws IOException {
    if (Files.exists(directory.resolve(MANIFEST))) {
      return;
    }
    List<String> foreign = DirectoryLayout.foreignEntries(directory);
    if (!foreign.isEmpty()) {
      throw new WarpException(
          ErrorCode.IO_ERROR,
          "directory "
              + directory
              + " is not empty but has no "
              + MANIFEST
              + ", so it is not a WarpSQL database (it contains "
              + foreign
              + "). Use an empty or new directory, or restore the manifest.");
    }
    List<String> dataFiles = DirectoryLayout.dataFiles(directory);
    if (!dataFiles.isEmpty()) {
      throw new WarpException(
          ErrorCode.IO_ERROR,
          "directory "
              + directory
              + " has "
              + dataFiles.size()
              + " data files but no "
              + MANIFEST
              + ", so it cannot tell which of them hold committed rows, and it leaves them as they"
              + " are. Restore the manifest from a backup, or, if the directory holds no data you"
              + " need, delete its data folder and open it again.");
    }
  }

  public Path directory() {
    return directory;
  }

  @Override
  public CatalogSnapshot load(BufferAllocator tableAllocator) {
    List<SchemaSnapshot> schemas = new ArrayList<>();
    List<Table> loaded = new ArrayList<>();
    try {
      for (SchemaEntry schema : committed.schemas()) {
        List<Table> tables = new ArrayList<>();
        for (TableEntry entry : schema.tables()) {
          Table table = loadTable(entry, tableAllocator);
          loaded.add(table);
          tables.add(table);
        }
        schemas.add(new SchemaSnapshot(schema.name(), tables, schema.views()));
      }
    } catch (IOException | RuntimeException e) {
      loaded.forEach(Table::close);
      throw e instanceof IOException io
          ? ioError("cannot read database directory " + directory, io)
          : (RuntimeException) e;
    }
    return new CatalogSnapshot(schemas);
  }

  @Override
  public void persist(CatalogSnapshot snapshot) {
    Map<Chunk, String> nextChunks = new IdentityHashMap<>();
    Map<StringDictionary, DictionaryFile> nextDictionaries = new IdentityHashMap<>();
    List<String> written = new ArrayList<>();
    Manifest manifest;
    try {
      manifest = writeFiles(snapshot, nextChunks, nextDictionaries, written);
      writeManifest(manifest);
    } catch (IOException | RuntimeException e) {
      for (String file : written) {
        deleteQuietly(data.resolve(file));
      }
      if (e instanceof IOException io) {
        throw ioError(
            "failed to commit to database directory "
                + directory
                + "; the last committed state is unchanged",
            io);
      }
      throw (RuntimeException) e;
    }
    chunkFiles = nextChunks;
    dictionaryFiles = nextDictionaries;
    deleteUnreferenced(referencedFiles(manifest));
  }

  @Override
  public void close() {
    lock.close();
  }

  private Table loadTable(TableEntry entry, BufferAllocator tableAllocator) throws IOException {
    TableSchema schema = new TableSchema(entry.columns());
    List<StringDictionary> dictionaries = new ArrayList<>();
    for (int i = 0; i < schema.size(); i++) {
      String file = entry.dictionaryFiles().get(i);
      if (file == null) {
        dictionaries.add(null);
        continue;
      }
      StringDictionary dictionary = ArrowFiles.readDictionary(data.resolve(file), allocator);
      dictionaryFiles.put(dictionary, new DictionaryFile(file, dictionary.size()));
      dictionaries.add(dictionary);
    }
    List<Chunk> chunks = new ArrayList<>();
    try {
      for (String file : entry.chunkFiles()) {
        Chunk chunk =
            ArrowFiles.readChunk(data.resolve(file), schema, dictionaries, tableAllocator);
        chunks.add(chunk);
        chunkFiles.put(chunk, file);
      }
      return new Table(entry.name(), schema, chunks, dictionaries);
    } catch (IOException | RuntimeException e) {
      chunks.forEach(Chunk::close);
      throw e;
    }
  }

  private Manifest writeFiles(
      CatalogSnapshot snapshot,
      Map<Chunk, String> nextChunks,
      Map<StringDictionary, DictionaryFile> nextDictionaries,
      List<String> written)
      throws IOException {
    List<SchemaEntry> schemas = new ArrayList<>();
    for (SchemaSnapshot schema : snapshot.schemas()) {
      List<TableEntry> tables = new ArrayList<>();
      for (Table table : schema.tables()) {
        List<String> dictionaries = new ArrayList<>();
        for (int i = 0; i < table.schema().size(); i++) {
          StringDictionary dictionary = table.dictionary(i);
          dictionaries.add(
              dictionary == null
                  ? null
                  : dictionaryFile(dictionary, nextDictionaries, written).name());
        }
        List<String> chunks = new ArrayList<>();
        for (Chunk chunk : table.chunks()) {
          String file = nextChunks.get(chunk);
          if (file == null) {
            file = chunkFiles.get(chunk);
          }
          if (file == null) {
            file = DirectoryLayout.newDataFileName("chunk");
            written.add(file);
            ArrowFiles.writeChunk(data.resolve(file), chunk, table.schema());
          }
          nextChunks.put(chunk, file);
          chunks.add(file);
        }
        tables.add(new TableEntry(table.name(), table.schema().columns(), dictionaries, chunks));
      }
      schemas.add(new SchemaEntry(schema.name(), tables, schema.views()));
    }
    return new Manifest(schemas);
  }

  /**
   * Returns the file of a dictionary's current values, writing a new one when the dictionary grew
   * since it was last written. Dictionaries only grow, so an older file is a prefix of it.
   */
  private DictionaryFile dictionaryFile(
      StringDictionary dictionary,
      Map<StringDictionary, DictionaryFile> nextDictionaries,
      List<String> written)
      throws IOException {
    DictionaryFile file = nextDictionaries.get(dictionary);
    if (file != null) {
      return file;
    }
    file = dictionaryFiles.get(dictionary);
    int size = dictionary.size();
    if (file == null || file.size() != size) {
      String name = DirectoryLayout.newDataFileName("dictionary");
      written.add(name);
      ArrowFiles.writeDictionary(data.resolve(name), dictionary, allocator, size);
      file = new DictionaryFile(name, size);
    }
    nextDictionaries.put(dictionary, file);
    return file;
  }

  private void writeManifest(Manifest manifest) throws IOException {
    Path temp = directory.resolve(MANIFEST_TEMP);
    Files.deleteIfExists(temp);
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(ManifestCodec.encode(manifest)));
      channel.force(true);
    }
    try {
      Files.move(
          temp,
          directory.resolve(MANIFEST),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + directory + " cannot rename atomically, which commits need", e);
    }
    forceDirectory();
  }

  /**
   * Forces the directory entry of the renamed manifest to disk. The rename has already happened, so
   * a failure here is logged and the commit remains.
   */
  private void forceDirectory() {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // NOTE: the new manifest is visible but may not survive a power loss.
      LOG.warn("failed to force database directory {} to disk after a commit", directory, e);
    }
  }

  private static Manifest readManifest(Path directory) throws IOException {
    Path file = directory.resolve(MANIFEST);
    if (!Files.exists(file)) {
      return new Manifest(List.of());
    }
    try {
      return ManifestCodec.decode(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new WarpException(
          ErrorCode.IO_ERROR,
          "database directory " + directory + " has a damaged " + MANIFEST + ": " + e.getMessage(),
          e);
    }
  }

  private static Set<String> referencedFiles(Manifest manifest) {
    Set<String> files = new HashSet<>();
    for (SchemaEntry schema : manifest.schemas()) {
      for (TableEntry table : schema.tables()) {
        files.addAll(table.chunkFiles());
        for (String file : table.dictionaryFiles()) {
          if (file != null) {
            files.add(file);
          }
        }
      }
    }
    return files;
  }

  /**
   * Deletes every chunk and dictionary file that the manifest does not name, and returns how many
   * it deleted. Files of other names are left alone, since the store never writes them.
   */
  private int deleteUnreferenced(Set<String> referenced) {
    int deleted = 0;
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (DirectoryLayout.isDataFileName(name)
            && !referenced.contains(name)
            && deleteQuietly(file)) {
          deleted++;
        }
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn(
          "failed to list {} to remove unused files; they stay until the next commit", data, e);
    }
    return deleted;
  }

  /** Deletes a file, logging a failure, and returns whether it deleted it. */
  private static boolean deleteQuietly(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("failed to delete unused file {}; the next commit retries", file, e);
      return false;
    }
  }

  private static WarpException ioError(String message, IOException cause) {
    return new WarpException(ErrorCode.IO_ERROR, message + ": " + cause.getMessage(), cause);
  }
}
