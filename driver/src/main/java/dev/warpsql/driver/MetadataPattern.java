package dev.warpsql.driver;

import java.util.regex.Pattern;

/**
 * A JDBC metadata pattern, as in {@code DatabaseMetaData.getTables}: {@code %} matches any run of
 * characters, {@code _} matches exactly one, and the search string escape {@code \} makes the next
 * character literal. Matching is case-sensitive, as WarpSQL's names are. A null pattern matches
 * every name.
 *
 * <p>Calcite's metadata (1.41) treats an unescaped {@code _} as a literal character, so {@link
 * #calcitePattern()} gives Calcite a wider pattern and {@link #matches} selects the names that the
 * JDBC pattern really matches. Immutable.
 */
public final class MetadataPattern {
  private static final char ESCAPE = '\\';

  private final String pattern;
  private final Pattern regex;
  private final String calcitePattern;

  private MetadataPattern(String pattern) {
    this.pattern = pattern;
    this.regex = pattern == null ? null : toRegex(pattern);
    this.calcitePattern = pattern == null ? null : widen(pattern);
  }

  /** Parses a pattern as a client passes it to {@code DatabaseMetaData}; null matches all. */
  public static MetadataPattern of(String pattern) {
    return new MetadataPattern(pattern);
  }

  /** Returns whether {@code name} matches; a null name matches only the null pattern. */
  public boolean matches(String name) {
    if (regex == null) {
      return true;
    }
    return name != null && regex.matcher(name).matches();
  }

  /**
   * Returns a pattern in Calcite's syntax that matches every name this pattern matches and maybe
   * more: each unescaped {@code _} becomes {@code %}, and a trailing lone escape becomes {@code %}.
   */
  public String calcitePattern() {
    return calcitePattern;
  }

  private static Pattern toRegex(String pattern) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i++);
      if (c == ESCAPE && i < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(i++))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        // A trailing lone escape is a literal backslash, like any other character.
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static String widen(String pattern) {
    StringBuilder widened = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i++);
      if (c == ESCAPE && i < pattern.length()) {
        widened.append(c).append(pattern.charAt(i++));
      } else if (c == '_' || c == ESCAPE) {
        widened.append('%');
      } else {
        widened.append(c);
      }
    }
    return widened.toString();
  }

  @Override
  public String toString() {
    return String.valueOf(pattern);
  }
}
