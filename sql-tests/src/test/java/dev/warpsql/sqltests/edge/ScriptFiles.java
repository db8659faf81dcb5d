package dev.warpsql.sqltests.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the SQL scripts of a test resource folder. */
final class ScriptFiles {
  private ScriptFiles() {}

  /** Returns the {@code .sql} files of a test resource folder, sorted by name. */
  static List<Path> list(String folder) {
    URL url = ScriptFiles.class.getClassLoader().getResource(folder);
    if (url == null) {
      throw new IllegalStateException("test resource folder not found: " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list test resource folder " + folder, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource folder " + url + " has no file path", e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SQL script " + file, e);
    }
  }
}
