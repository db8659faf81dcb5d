package dev.warpsql.kernels.ptxsim;

/**
 * A variable or parameter declaration such as {@code .param .align 8 .b8 result[24]} or {@code
 * .const .align 8 .u64 table[20]}: state space, alignment, element type, name and element count.
 */
record SimDeclaration(String space, int align, SimType type, String name, int count) {
  int size() {
    return type.bytes() * count;
  }

  static SimDeclaration parse(String text, int line) {
    String[] words = text.trim().split("\\s+");
    String space = null;
    int align = 0;
    SimType type = null;
    String name = null;
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.equals(".align")) {
        align = Integer.parseInt(words[++i]);
      } else if (word.equals(".ptr")) {
        continue;
      } else if (word.startsWith(".") && SimType.of(word.substring(1)) != null) {
        type = SimType.of(word.substring(1));
      } else if (word.startsWith(".")) {
        // The first space is the declaration's own (.param, .const); a later one qualifies a
        // pointer parameter and does not change the layout.
        space = space == null ? word : space;
      } else if (name == null) {
        name = word;
      } else {
        throw new SimException("line " + line + ": unexpected '" + word + "' in " + text);
      }
    }
    if (type == null || name == null || space == null) {
      throw new SimException("line " + line + ": unsupported declaration " + text);
    }
    int count = 1;
    int open = name.indexOf('[');
    if (open >= 0) {
      count = Integer.parseInt(name.substring(open + 1, name.indexOf(']')).trim());
      name = name.substring(0, open);
    }
    return new SimDeclaration(space, Math.max(align, type.bytes()), type, name, count);
  }
}
