package dev.warpsql.sqltests.slt;

import dev.warpsql.sqltests.SqlResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SQLite's sqllogictest corpus as {@code net.hydromatic:sql-logic-test} 0.3 ships it: files named
 * {@code test/DIR/NAME.test} on the test class path, 622 in all.
 */
final class SltCorpus {
  private static final String ROOT = "test";

  private SltCorpus() {}

  /**
   * Returns the corpus files that match any of the globs, relative to the corpus root and sorted,
   * such as {@code select1.test} or {@code index/in/10/slt_good_0.test}.
   *
   * @param globs glob patterns such as {@code evidence/*.test} or {@code index/*}{@code /10/*.test}
   */
  static List<String> list(List<String> globs) {
    Path root = root();
    List<PathMatcher> matchers =
        globs.stream().map(glob -> root.getFileSystem().getPathMatcher("glob:" + glob)).toList();
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file))
          .filter(file -> matchers.stream().anyMatch(matcher -> matcher.matches(file)))
          .map(Path::toString)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the sqllogictest corpus under " + root, e);
    }
  }

  /** Reads a corpus file by its name relative to the corpus root. */
  static String read(String file) {
    return SqlResources.read(ROOT + "/" + file);
  }

  /** Returns the corpus root inside the jar, or a directory when the corpus is unpacked. */
  private static Path root() {
    URL url = SltCorpus.class.getClassLoader().getResource(ROOT + "/select1.test");
    if (url == null) {
      throw new IllegalStateException(
          "the sqllogictest corpus is not on the class path; add net.hydromatic:sql-logic-test");
    }
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        return Path.of(uri).getParent();
      }
      return jarFileSystem(uri).getPath("/" + ROOT);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("invalid corpus location " + url, e);
    }
  }

  private static synchronized FileSystem jarFileSystem(URI uri) {
    try {
      return FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(uri);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the sqllogictest jar " + uri, e);
    }
  }
}
