package dev.warpsql.executor.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the files in a database directory. The store creates, and deletes, only files with
 * these names, so a directory that contains anything else is not one that the store created.
 */
final class DirectoryLayout {
  static final String MANIFEST = "manifest.json";
  static final String MANIFEST_TEMP = "manifest.json.tmp";
  static final String LOCK = "warpsql.lock";
  static final String DATA = "data";

  /** A chunk or dictionary file name as {@link #newDataFileName} makes it. */
  private static final Pattern DATA_FILE =
      Pattern.compile("(chunk|dictionary)-" + uuidPattern() + "\\.arrow");

  private DirectoryLayout() {}

  /** Returns the pattern of {@link UUID#toString()}: 32 lower-case hex digits in five groups. */
  private static String uuidPattern() {
    return "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  }

  /** Returns a new, unique name for a file in {@code data/}: the kind and a random UUID. */
  static String newDataFileName(String kind) {
    return kind + "-" + UUID.randomUUID() + ".arrow";
  }

  /** Returns whether a name in {@code data/} is one that {@link #newDataFileName} makes. */
  static boolean isDataFileName(String name) {
    return DATA_FILE.matcher(name).matches();
  }

  /**
   * Returns the entries of a directory that the store does not name, as paths relative to it.
   * Symbolic links count as foreign even when their names match, so that removing leftovers never
   * follows a link out of the directory. A directory that does not exist has none.
   */
  static List<String> foreignEntries(Path directory) throws IOException {
    List<String> foreign = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return foreign;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        boolean known =
            switch (name) {
              case LOCK, MANIFEST, MANIFEST_TEMP -> isRegularFile(entry);
              case DATA -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
              default -> false;
            };
        if (!known) {
          foreign.add(name);
        } else if (name.equals(DATA)) {
          addForeignDataFiles(entry, foreign);
        }
      }
    }
    return foreign;
  }

  /** Returns the names of the data files in a directory's data folder; none when it is absent. */
  static List<String> dataFiles(Path directory) throws IOException {
    Path data = directory.resolve(DATA);
    if (!Files.isDirectory(data, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(data)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(DirectoryLayout::isDataFileName)
          .toList();
    }
  }

  private static void addForeignDataFiles(Path data, List<String> foreign) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!isDataFileName(name) || !isRegularFile(file)) {
          foreign.add(DATA + "/" + name);
        }
      }
    }
  }

  private static boolean isRegularFile(Path path) {
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
  }
}
