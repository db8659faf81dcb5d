package dev.warpsql.executor.sort;

import dev.warpsql.executor.storage.StringDictionary;
import java.util.Arrays;

/**
 * The places of dictionary codes in string order, so that sorts compare VARCHAR values as numbers.
 * Strings compare by Unicode code point, which is also the order of their UTF-8 bytes.
 */
public final class CodeRanks {
  private CodeRanks() {}

  /**
   * Returns, for each code of {@code dictionary}, its rank in string order among the codes that
   * occur in {@code codes}: 0 for the smallest string present. Codes that do not occur get rank 0.
   *
   * @param nulls which rows are NULL; their codes are ignored
   * @throws IllegalArgumentException when a non-NULL code is outside the dictionary
   */
  public static int[] of(long[] codes, boolean[] nulls, StringDictionary dictionary) {
    int size = dictionary.size();
    boolean[] present = new boolean[size];
    int distinct = 0;
    for (int row = 0; row < codes.length; row++) {
      if (nulls[row]) {
        continue;
      }
      long code = codes[row];
      if (code < 0 || code >= size) {
        throw new IllegalArgumentException(
            "dictionary code "
                + code
                + " at row "
                + row
                + " is outside the dictionary of "
                + size
                + " values");
      }
      if (!present[(int) code]) {
        present[(int) code] = true;
        distinct++;
      }
    }

    Integer[] sorted = new Integer[distinct];
    int next = 0;
    for (int code = 0; code < size; code++) {
      if (present[code]) {
        sorted[next++] = code;
      }
    }
    Arrays.sort(sorted, (a, b) -> compareCodePoints(dictionary.value(a), dictionary.value(b)));
    int[] rank = new int[size];
    for (int i = 0; i < sorted.length; i++) {
      rank[sorted[i]] = i;
    }
    return rank;
  }

  /** Compares strings by Unicode code point, which is also the order of their UTF-8 bytes. */
  static int compareCodePoints(String left, String right) {
    int length = Math.min(left.length(), right.length());
    for (int i = 0; i < length; i++) {
      char a = left.charAt(i);
      char b = right.charAt(i);
      if (a != b) {
        // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, so they sort after
        // every other UTF-16 unit.
        boolean aSurrogate = Character.isSurrogate(a);
        boolean bSurrogate = Character.isSurrogate(b);
        if (aSurrogate != bSurrogate) {
          return aSurrogate ? 1 : -1;
        }
        return Character.compare(a, b);
      }
    }
    return Integer.compare(left.length(), right.length());
  }
}
