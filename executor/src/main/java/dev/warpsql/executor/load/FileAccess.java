package dev.warpsql.executor.load;

import dev.warpsql.executor.error.ErrorCode;
import dev.warpsql.executor.error.WarpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories whose files SQL statements may read, as COPY and read_csv do. A path is allowed
 * when its real path, with every symbolic link and {@code ..} resolved, lies inside the real path
 * of an allowed directory, so neither {@code ..} nor a link leads outside. Immutable.
 */
public final class FileAccess {
  /** A policy that allows no file at all, the default. */
  public static final FileAccess NONE = new FileAccess(List.of());

  private final List<Path> roots;

  private FileAccess(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  /**
   * Returns a policy that allows the files under the given directories, each of which must exist.
   */
  public static FileAccess allowing(List<Path> directories) {
    List<Path> roots = new ArrayList<>();
    for (Path directory : directories) {
      try {
        Path real = directory.toRealPath();
        if (!Files.isDirectory(real)) {
          throw new IllegalArgumentException("allowed path " + directory + " is not a directory");
        }
        roots.add(real);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "allowed directory " + directory + " cannot be read: " + e.getMessage(), e);
      }
    }
    return new FileAccess(roots);
  }

  private boolean isAllowed(Path path) {
    for (Path root : roots) {
      if (path.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  private static WarpException outside(String path) {
    return new WarpException(
        ErrorCode.INSUFFICIENT_PRIVILEGE,
        "file '"
            + path
            + "' lies outside the directories this database may read. Move the file into an"
            + " allowed directory.");
  }

  /** Returns the allowed directories, as real paths. */
  public List<Path> roots() {
    return roots;
  }

  /**
   * Returns the real path of a file that a statement names, or raises a {@link WarpException}:
   * 42501 when the file lies outside every allowed directory, 58P01 when it does not exist.
   */
  public Path check(String path) {
    if (roots.isEmpty()) {
      throw new WarpException(
          ErrorCode.INSUFFICIENT_PRIVILEGE,
          "reading files is not allowed on this database, so '"
              + path
              + "' cannot be read. Allow a directory: the allow_path connection property for an"
              + " embedded database, or --allow-path for warp query and warp serve.");
    }
    // The lexical check comes first, so that a path outside every allowed directory is rejected
    // the same way whether or not it exists, and no caller learns which files exist there.
    Path absolute;
    try {
      absolute = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new WarpException(
          ErrorCode.FILE_NOT_FOUND, "invalid file path '" + path + "': " + e.getReason(), e);
    }
    if (!isAllowed(absolute)) {
      throw outside(path);
    }
    Path real;
    try {
      real = absolute.toRealPath();
    } catch (NoSuchFileException e) {
      throw new WarpException(
          ErrorCode.FILE_NOT_FOUND, "file '" + path + "' does not exist. Check the path.", e);
    } catch (IOException e) {
      throw new WarpException(
          ErrorCode.IO_ERROR, "cannot read file '" + path + "': " + e.getMessage(), e);
    }
    // The real path resolves symbolic links, which may lead out of the allowed directories.
    if (!isAllowed(real)) {
      throw outside(path);
    }
    return real;
  }
}
