package dev.warpsql.planner.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any sequence of characters, {@code _} exactly one
 * character (a Unicode code point, as in a regular expression) and every other character itself,
 * case-sensitively. The escape character makes the next {@code %}, {@code _} or escape character
 * literal.
 *
 * <p>The pattern is split at its {@code %} into segments: the first must match at the start, the
 * last at the end, and each other one at its leftmost position after the previous one, which finds
 * a match whenever one exists. Matching takes no allocation, unlike Calcite 1.41's LIKE, which
 * compiles a regular expression and builds a cache for every call of its generated code.
 *
 * <p>{@code _} does not match a line terminator (\n, \r, U+0085, U+2028 or U+2029), because Calcite
 * 1.41's LIKE translates it to a regular expression's {@code .}. LIKE then returns the same result
 * whether it runs here or in Calcite's code for an expression around the column. The SQL standard
 * and DuckDB match any character.
 */
final class LikePattern {
  /** Stands for {@code _} in a segment; a literal character is its own UTF-16 code unit. */
  private static final int ANY_ONE = -1;

  private final int[][] segments;

  private LikePattern(int[][] segments) {
    this.segments = segments;
  }

  /**
   * Compiles a pattern, or returns null when the pattern has an invalid escape sequence, so that
   * the caller raises the error as LIKE itself does.
   *
   * @param escape the escape character, or 0 for none
   */
  static LikePattern compile(String pattern, char escape) {
    List<int[]> segments = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != 0 && c == escape) {
        if (i + 1 == pattern.length()) {
          return null;
        }
        char next = pattern.charAt(i + 1);
        if (next != '%' && next != '_' && next != escape) {
          return null;
        }
        current.add((int) next);
        i++;
      } else if (c == '%') {
        segments.add(toArray(current));
        current.clear();
      } else if (c == '_') {
        current.add(ANY_ONE);
      } else {
        current.add((int) c);
      }
    }
    segments.add(toArray(current));
    return new LikePattern(segments.toArray(new int[0][]));
  }

  private static int[] toArray(List<Integer> units) {
    int[] array = new int[units.size()];
    for (int i = 0; i < array.length; i++) {
      array[i] = units.get(i);
    }
    return array;
  }

  /** Returns whether the whole string matches the pattern. */
  boolean matches(String value) {
    int last = segments.length - 1;
    if (last == 0) {
      return matchAt(segments[0], value, 0) == value.length();
    }

    int position = matchAt(segments[0], value, 0);
    for (int i = 1; i < last && position >= 0; i++) {
      position = find(segments[i], value, position);
    }
    return position >= 0 && matchesEnd(segments[last], value, position);
  }

  /**
   * Returns the position after the segment when it matches at {@code start}, or -1. An {@code _}
   * takes a whole surrogate pair.
   */
  private static int matchAt(int[] segment, String value, int start) {
    int position = start;
    for (int unit : segment) {
      if (position >= value.length()) {
        return -1;
      }
      if (unit == ANY_ONE) {
        int codePoint = value.codePointAt(position);
        if (isLineTerminator(codePoint)) {
          return -1;
        }
        position += Character.charCount(codePoint);
      } else if (value.charAt(position) == unit) {
        position++;
      } else {
        return -1;
      }
    }
    return position;
  }

  /** Returns the position after the leftmost match of the segment at or after {@code from}. */
  private static int find(int[] segment, String value, int from) {
    for (int start = from; start <= value.length(); start++) {
      if (splitsSurrogatePair(value, start)) {
        continue;
      }
      int end = matchAt(segment, value, start);
      if (end >= 0) {
        return end;
      }
    }
    return -1;
  }

  /** Returns whether the segment matches a suffix of the string that starts at or after from. */
  private static boolean matchesEnd(int[] segment, String value, int from) {
    if (!hasAnyOne(segment)) {
      // Without _ the segment spans exactly its own length in UTF-16 units.
      int start = value.length() - segment.length;
      return start >= from && matchAt(segment, value, start) == value.length();
    }
    for (int start = value.length(); start >= from; start--) {
      if (!splitsSurrogatePair(value, start) && matchAt(segment, value, start) == value.length()) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether a regular expression's {@code .} skips the code point. */
  private static boolean isLineTerminator(int codePoint) {
    return codePoint == '\n'
        || codePoint == '\r'
        || codePoint == '\u0085'
        || codePoint == '\u2028'
        || codePoint == '\u2029';
  }

  private static boolean hasAnyOne(int[] segment) {
    for (int unit : segment) {
      if (unit == ANY_ONE) {
        return true;
      }
    }
    return false;
  }

  private static boolean splitsSurrogatePair(String value, int position) {
    return position > 0
        && position < value.length()
        && Character.isHighSurrogate(value.charAt(position - 1))
        && Character.isLowSurrogate(value.charAt(position));
  }
}
