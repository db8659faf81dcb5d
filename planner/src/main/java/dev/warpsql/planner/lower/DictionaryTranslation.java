package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BuiltLookup;
import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.executor.pipeline.ExecutionContext;
import dev.warpsql.executor.pipeline.LookupSource;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.cpu.LookupTable;
import java.util.Objects;

/**
 * Translates the codes of one string column into the codes of another column's dictionary, so that
 * a hash join can compare VARCHAR keys of two different dictionaries as codes.
 *
 * <p>The table maps each code of the probe key's dictionary to the code of the same string in the
 * build key's dictionary, and to NULL when the build side lacks the string. A NULL key matches no
 * build row, which is what a string without an equal build key must do in every join kind. Strings
 * are equal only when they are identical, trailing spaces included, as {@code =} on two VARCHAR
 * columns compares them.
 */
final class DictionaryTranslation implements LookupSource {
  private final ColumnOrigin origin;
  private final ColumnOrigin target;

  /**
   * @param origin the probe key, whose codes index the table
   * @param target the build key, whose dictionary the table's results are codes of
   */
  DictionaryTranslation(ColumnOrigin origin, ColumnOrigin target) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.target = Objects.requireNonNull(target, "target");
  }

  @Override
  public ColumnOrigin origin() {
    return origin;
  }

  @Override
  public ColumnOrigin target() {
    return target;
  }

  @Override
  public DictionaryTranslation withOrigin(ColumnOrigin newOrigin) {
    return new DictionaryTranslation(newOrigin, target);
  }

  @Override
  public BuiltLookup build(
      StringDictionary dictionary, StringDictionary targetDictionary, ExecutionContext context) {
    Objects.requireNonNull(targetDictionary, "targetDictionary");
    int size = dictionary.size();
    long[] codes = new long[size];
    boolean[] nulls = new boolean[size];
    for (int code = 0; code < size; code++) {
      int translated = targetDictionary.lookup(dictionary.value(code));
      codes[code] = Math.max(translated, 0);
      nulls[code] = translated < 0;
    }
    return new BuiltLookup(LookupTable.ofLongs(codes, nulls), targetDictionary);
  }
}
