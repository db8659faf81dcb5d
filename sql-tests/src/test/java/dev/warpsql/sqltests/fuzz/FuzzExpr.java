package dev.warpsql.sqltests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A random SQL expression as a tree: a template in which {@code $0}, {@code $1}, ... stand for the
 * children, each child being written in parentheses. A leaf, a column or a literal, has no
 * children.
 *
 * @param template the SQL text with placeholders, such as {@code $0 + $1} or {@code t0_c1}
 * @param type the type of the expression's value; for numeric operators with operands of two
 *     numeric types, the type of the first, which is close enough to choose shrinking candidates
 */
record FuzzExpr(String template, List<FuzzExpr> children, FuzzType type) {
  FuzzExpr {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(type, "type");
    children = List.copyOf(children);
  }

  static FuzzExpr leaf(String sql, FuzzType type) {
    return new FuzzExpr(sql, List.of(), type);
  }

  static FuzzExpr of(String template, FuzzType type, FuzzExpr... children) {
    return new FuzzExpr(template, List.of(children), type);
  }

  /** Returns the SQL text, with every child in parentheses. */
  String sql() {
    String text = template;
    // Replace from the last placeholder down, so that $1 is not taken for the start of $10.
    for (int i = children.size() - 1; i >= 0; i--) {
      text = text.replace("$" + i, "(" + children.get(i).sql() + ")");
    }
    return text;
  }

  /** Returns the number of nodes in the tree. */
  int size() {
    int size = 1;
    for (FuzzExpr child : children) {
      size += child.size();
    }
    return size;
  }

  /**
   * Returns the simpler expressions of the same type to try in place of this one while shrinking a
   * failing case: each child of the same type, then the same candidates inside each child.
   */
  List<FuzzExpr> simplerVariants() {
    List<FuzzExpr> variants = new ArrayList<>();
    for (FuzzExpr child : children) {
      if (child.type == type) {
        variants.add(child);
      }
    }
    for (int i = 0; i < children.size(); i++) {
      for (FuzzExpr simplerChild : children.get(i).simplerVariants()) {
        List<FuzzExpr> replaced = new ArrayList<>(children);
        replaced.set(i, simplerChild);
        variants.add(new FuzzExpr(template, replaced, type));
      }
    }
    return variants;
  }
}
