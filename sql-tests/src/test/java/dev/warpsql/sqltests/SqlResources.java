package dev.warpsql.sqltests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reader of the SQL statements kept as test resources, such as {@code tpch/q1.sql}. */
public final class SqlResources {
  private SqlResources() {}

  /**
   * Reads a text resource in UTF-8.
   *
   * @throws IllegalArgumentException when the resource is not on the class path
   */
  public static String read(String resourceName) {
    try (InputStream in = SqlResources.class.getClassLoader().getResourceAsStream(resourceName)) {
      if (in == null) {
        throw new IllegalArgumentException("test resource not found: " + resourceName);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test resource " + resourceName, e);
    }
  }

  /**
   * Reads one statement from a resource and drops its trailing semicolon, which JDBC drivers reject
   * in {@code executeQuery}.
   */
  public static String readStatement(String resourceName) {
    String text = read(resourceName).strip();
    return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
  }
}
