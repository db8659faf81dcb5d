package dev.warpsql.kernels.cpu;

/** Indented Java source under construction, with fresh local variable names. */
final class JavaWriter {
  private static final String INDENT = "  ";

  private final StringBuilder source = new StringBuilder();
  private int depth;
  private int nextName;

  /** Appends one line at the current indentation. */
  JavaWriter line(String text) {
    if (!text.isEmpty()) {
      source.append(INDENT.repeat(depth)).append(text);
    }
    source.append('\n');
    return this;
  }

  /** Appends {@code header + " {"} and indents the lines that follow. */
  JavaWriter open(String header) {
    line(header + " {");
    depth++;
    return this;
  }

  /** Closes the innermost block. */
  JavaWriter close() {
    depth--;
    line("}");
    return this;
  }

  /** Closes the innermost block and opens its continuation, such as {@code else}. */
  JavaWriter closeOpen(String continuation) {
    depth--;
    line("} " + continuation + " {");
    depth++;
    return this;
  }

  /**
   * Appends a comment line. Line breaks in {@code text} become spaces and backslashes are doubled,
   * so that no Unicode escape in the text can end the comment.
   */
  JavaWriter comment(String text) {
    return line("// " + text.replace('\n', ' ').replace('\r', ' ').replace("\\", "\\\\"));
  }

  /** Returns a local variable name not used before in this source. */
  String newName(String prefix) {
    return prefix + nextName++;
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
