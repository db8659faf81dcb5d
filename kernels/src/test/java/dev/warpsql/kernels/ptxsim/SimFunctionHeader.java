package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.List;

/** The header of a function definition: entry or not, name, return parameter and parameters. */
record SimFunctionHeader(
    boolean entry, String name, SimDeclaration result, List<SimDeclaration> params) {
  static SimFunctionHeader parse(String header, int line) {
    int entryAt = header.indexOf(".entry");
    int funcAt = header.indexOf(".func");
    if (entryAt < 0 && funcAt < 0) {
      throw new SimException("line " + line + ": expected .entry or .func in " + header);
    }
    boolean entry = entryAt >= 0;
    String rest = header.substring(entry ? entryAt + 6 : funcAt + 5).trim();
    SimDeclaration result = null;
    if (rest.startsWith("(")) {
      int close = rest.indexOf(')');
      List<SimDeclaration> results = declarations(rest.substring(1, close), line);
      if (results.size() != 1) {
        throw new SimException("line " + line + ": expected one return parameter");
      }
      result = results.get(0);
      rest = rest.substring(close + 1).trim();
    }
    int open = rest.indexOf('(');
    String name = (open < 0 ? rest : rest.substring(0, open)).trim();
    List<SimDeclaration> params = new ArrayList<>();
    if (open >= 0) {
      params = declarations(rest.substring(open + 1, rest.lastIndexOf(')')), line);
    }
    return new SimFunctionHeader(entry, name, result, params);
  }

  private static List<SimDeclaration> declarations(String text, int line) {
    List<SimDeclaration> declarations = new ArrayList<>();
    for (String declaration : SimSourceReader.splitOperands(text.trim())) {
      if (!declaration.isEmpty()) {
        declarations.add(SimDeclaration.parse(declaration, line));
      }
    }
    return declarations;
  }
}
