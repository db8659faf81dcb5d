package dev.warpsql.kernels.cpu;

import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.ProbeStage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Emits a pipeline's hash-join probe stages between the filter and the sink, in stage order.
 *
 * <p>Each stage opens blocks into which the next stage, and after the last stage the sink, is
 * emitted, so the sink runs once per row that the last stage emits. An INNER stage loops over the
 * build rows with equal keys (via {@link JoinHashTable#find} and {@link JoinHashTable#next}) and
 * opens a block for those that pass the residual. A LEFT stage loops the same way and adds one last
 * iteration with build row -1, which stands for the NULL-extended row, when no candidate passed. A
 * SEMI or ANTI stage searches for the first candidate that passes and opens one block when it found
 * one (SEMI) or none (ANTI). A stage's {@code after} condition opens one more block. {@link
 * #closeStages()} closes them all.
 *
 * <p>Generated names for stage P: {@code hashTableP}, {@code buildRowP} for the matched build row,
 * and for each payload column C it reads {@code buildPcolC} and {@code buildPcolCNull} (see {@link
 * ExprEmitter}).
 */
final class ProbeStageEmitter {
  private final JavaWriter out;
  private final ExprEmitter exprs;
  private final KernelProgram program;
  private final ExprReferences programReferences;
  private final Map<Integer, Set<Integer>> loadedColumns = new HashMap<>();
  private int openBlocks;

  ProbeStageEmitter(JavaWriter out, ExprEmitter exprs, KernelProgram program) {
    this.out = out;
    this.exprs = exprs;
    this.program = program;
    this.programReferences = ExprReferences.of(ExprReferences.pipelineExprs(program));
  }

  /** Returns the local that stores build column {@code column} of probe stage {@code probe}. */
  static String buildValueName(int probe, int column) {
    return "build" + probe + "col" + column;
  }

  /**
   * Rejects {@code BuildRef}s read where their probe stage has no build row: in the filter, before
   * their stage, and after a SEMI or ANTI stage, whose build columns only its residual reads.
   */
  void checkBuildRefScopes() {
    checkReadable(optional(program.filter()), "the filter", 0, -1);
    List<ProbeStage> probes = program.probes();
    for (int p = 0; p < probes.size(); p++) {
      ProbeStage probe = probes.get(p);
      checkReadable(probe.keys(), "the keys of probe stage " + p, p, -1);
      checkReadable(optional(probe.residual()), "the residual of probe stage " + p, p, p);
      checkReadable(optional(probe.after()), "the after condition of probe stage " + p, p + 1, -1);
    }
    checkReadable(ExprReferences.sinkExprs(program), "the sink", probes.size(), -1);
  }

  /**
   * Checks that {@code exprs} read build columns only of stages before {@code stageLimit} that emit
   * build columns, or of stage {@code residualOf} (whose residual is being checked).
   */
  private void checkReadable(List<Expr> exprs, String where, int stageLimit, int residualOf) {
    ExprReferences references = ExprReferences.of(exprs);
    for (int probe : references.buildColumns.keySet()) {
      if (probe == residualOf || probe >= program.probes().size()) {
        // Out-of-range stages are reported by ExprEmitter with the column read.
        continue;
      }
      String reason = null;
      if (probe >= stageLimit) {
        reason = "that stage runs later";
      } else if (!emitsBuildColumns(program.probes().get(probe))) {
        reason = "a " + program.probes().get(probe).kind() + " join emits no build columns";
      }
      if (reason != null) {
        throw new IllegalArgumentException(
            "build column "
                + references.buildColumnsOf(probe).first()
                + " of probe stage "
                + probe
                + " is read in "
                + where
                + ", but "
                + reason);
      }
    }
  }

  /** Returns the condition as a list, empty when it is absent. */
  private static List<Expr> optional(Expr condition) {
    return condition == null ? List.of() : List.of(condition);
  }

  private static boolean emitsBuildColumns(ProbeStage probe) {
    return probe.kind() == JoinKind.INNER || probe.kind() == JoinKind.LEFT;
  }

  /**
   * Emits the per-run setup: the cancel check that the candidate loops share, then each stage's
   * hash table, key scratch array and payload buffers.
   */
  void emitSetup(ExprReferences references) {
    List<ProbeStage> probes = program.probes();
    if (probes.stream().anyMatch(ProbeStageEmitter::loopsOverCandidates)) {
      out.comment("candidate loops call the cancel check every CANDIDATE_INTERVAL build rows");
      out.line("CancelCheck cancelCheck = arguments.cancelCheck();");
      out.line("int candidatesBeforeCheck = CancelCheck.CANDIDATE_INTERVAL;");
    }
    for (int p = 0; p < probes.size(); p++) {
      ProbeStage probe = probes.get(p);
      out.comment(
          "probe stage " + p + ": " + probe.kind() + " join with hash table #" + probe.table());
      out.line(
          "JoinHashTable hashTable"
              + p
              + " = arguments.buildSides()["
              + probe.table()
              + "].table();");
      if (probe.keys().size() > 1) {
        out.line("long[] probe" + p + "Keys = new long[" + probe.keys().size() + "];");
      }
      for (int c : references.buildColumnsOf(p)) {
        emitColumnSetup(p, c, probe.buildColumns());
      }
    }
  }

  private void emitColumnSetup(int p, int c, List<KernelProgram.InputColumn> columns) {
    if (c >= columns.size()) {
      // ExprEmitter reports the read with its stage, column and the column count.
      return;
    }
    KernelProgram.InputColumn column = columns.get(c);
    String suffix = p + "col" + c;
    out.comment(
        "build column "
            + c
            + " of probe stage "
            + p
            + ": "
            + column.type()
            + (column.nullable() ? " NULL" : ""));
    out.line(
        "FieldVector buildVector"
            + suffix
            + " = (FieldVector) hashTable"
            + p
            + ".payload().get("
            + c
            + ");");
    out.line("ArrowBuf buildData" + suffix + " = buildVector" + suffix + ".getDataBuffer();");
    out.line("long buildData" + suffix + "Address = buildData" + suffix + ".memoryAddress();");
    if (column.nullable()) {
      out.line(
          "ArrowBuf buildValidity" + suffix + " = buildVector" + suffix + ".getValidityBuffer();");
      out.line(
          "long buildValidity" + suffix + "Address = buildValidity" + suffix + ".memoryAddress();");
      out.line(
          "boolean buildHasNulls" + suffix + " = buildVector" + suffix + ".getNullCount() != 0;");
    }
  }

  /** Tells whether the stage visits build rows one by one, which a cross join does for all. */
  private static boolean loopsOverCandidates(ProbeStage probe) {
    return probe.kind() == JoinKind.INNER
        || probe.kind() == JoinKind.LEFT
        || probe.residual() != null;
  }

  /** Counts one candidate build row and calls the cancel check when the interval is used up. */
  private void countCandidate() {
    out.open("if (--candidatesBeforeCheck == 0)");
    out.line("candidatesBeforeCheck = CancelCheck.CANDIDATE_INTERVAL;");
    out.line("cancelCheck.check();");
    out.close();
  }

  /** Emits every probe stage, leaving the blocks open for the sink. */
  void emitStages() {
    List<ProbeStage> probes = program.probes();
    for (int p = 0; p < probes.size(); p++) {
      emitStage(p, probes.get(p));
    }
  }

  /** Closes the blocks that {@link #emitStages()} opened. */
  void closeStages() {
    for (; openBlocks > 0; openBlocks--) {
      out.close();
    }
  }

  private void emitStage(int p, ProbeStage probe) {
    out.comment(
        "probe stage "
            + p
            + ": "
            + probe.kind()
            + " join with hash table #"
            + probe.table()
            + " on "
            + canonical(probe.keys()));
    String first = emitFirstCandidate(p, probe);
    switch (probe.kind()) {
      case INNER -> emitInner(p, probe, first);
      case LEFT -> emitLeft(p, probe, first);
      case SEMI, ANTI -> emitExistence(p, probe, first);
    }
    if (probe.after() != null) {
      out.comment("probe stage " + p + ": after condition " + canonical(List.of(probe.after())));
      openIfTrue(exprs.emit(probe.after()));
    }
  }

  /**
   * Computes the probe keys and returns a Java expression for the first build row with equal keys,
   * or -1 when there is none or a key is NULL.
   */
  private String emitFirstCandidate(int p, ProbeStage probe) {
    List<Expr> keys = probe.keys();
    List<JavaValue> values = new ArrayList<>();
    for (Expr key : keys) {
      values.add(exprs.emit(key));
    }
    String lookup;
    if (keys.size() == 1) {
      JavaValue key = values.get(0);
      String name = "probe" + p + "Key";
      out.line("long " + name + " = " + encodedKey(key) + ";");
      lookup = "hashTable" + p + ".find(" + name + ")";
    } else {
      for (int k = 0; k < keys.size(); k++) {
        out.line("probe" + p + "Keys[" + k + "] = " + encodedKey(values.get(k)) + ";");
      }
      lookup = "hashTable" + p + ".find(probe" + p + "Keys)";
    }
    String anyNull = JavaValue.anyNull(values);
    if (anyNull.equals("false")) {
      return lookup;
    }
    // A NULL key equals no build key.
    return "((" + anyNull + ") ? -1 : " + lookup + ")";
  }

  private static String encodedKey(JavaValue key) {
    String encoded = AggregateSinkEmitter.keyBits(key);
    return key.neverNull() ? encoded : "(" + key.isNull() + ") ? 0L : " + encoded;
  }

  private void emitInner(int p, ProbeStage probe, String first) {
    String row = "buildRow" + p;
    openBlock(
        "for (int "
            + row
            + " = "
            + first
            + "; "
            + row
            + " >= 0; "
            + row
            + " = hashTable"
            + p
            + ".next("
            + row
            + "))");
    countCandidate();
    if (probe.residual() != null) {
      loadColumns(p, probe, residualColumns(p, probe), false);
      out.comment("probe stage " + p + ": residual " + canonical(List.of(probe.residual())));
      openIfTrue(exprs.emit(probe.residual()));
    }
    loadColumns(p, probe, programReferences.buildColumnsOf(p), false);
  }

  private void emitLeft(int p, ProbeStage probe, String first) {
    String row = "buildRow" + p;
    String candidate = "candidate" + p;
    String matched = "matched" + p;
    out.line("int " + candidate + " = " + first + ";");
    out.line("boolean " + matched + " = false;");
    openBlock("while (true)");
    countCandidate();
    out.line("int " + row + " = " + candidate + ";");
    out.open("if (" + candidate + " >= 0)");
    out.line(candidate + " = hashTable" + p + ".next(" + candidate + ");");
    out.closeOpen("else if (" + matched + ")");
    out.line("break;");
    out.closeOpen("else");
    out.comment("no build row matched: emit the row once with NULL build columns (row -1)");
    out.line(matched + " = true;");
    out.close();
    if (probe.residual() != null) {
      loadColumns(p, probe, residualColumns(p, probe), true);
      String pass = "passed" + p;
      out.line("boolean " + pass + " = true;");
      out.open("if (" + row + " >= 0)");
      out.comment("probe stage " + p + ": residual " + canonical(List.of(probe.residual())));
      out.line(pass + " = " + isTrue(exprs.emit(probe.residual())) + ";");
      out.close();
      openBlock("if (" + pass + ")");
    }
    out.line(matched + " = true;");
    loadColumns(p, probe, programReferences.buildColumnsOf(p), true);
  }

  private void emitExistence(int p, ProbeStage probe, String first) {
    String found = "found" + p;
    if (probe.residual() == null) {
      out.line("boolean " + found + " = " + first + " >= 0;");
    } else {
      String row = "buildRow" + p;
      out.line("boolean " + found + " = false;");
      out.open(
          "for (int "
              + row
              + " = "
              + first
              + "; "
              + row
              + " >= 0; "
              + row
              + " = hashTable"
              + p
              + ".next("
              + row
              + "))");
      countCandidate();
      loadColumns(p, probe, residualColumns(p, probe), false);
      out.comment("probe stage " + p + ": residual " + canonical(List.of(probe.residual())));
      out.open("if (" + isTrue(exprs.emit(probe.residual())) + ")");
      out.line(found + " = true;");
      out.line("break;");
      out.close();
      out.close();
    }
    openBlock("if (" + (probe.kind() == JoinKind.SEMI ? found : "!" + found) + ")");
  }

  private SortedSet<Integer> residualColumns(int p, ProbeStage probe) {
    return ExprReferences.of(List.of(probe.residual())).buildColumnsOf(p);
  }

  /**
   * Reads, for the current build row of stage {@code p}, the given payload columns not read yet.
   * With {@code unmatched}, the row may be -1, whose columns are NULL.
   */
  private void loadColumns(int p, ProbeStage probe, Set<Integer> columns, boolean unmatched) {
    Set<Integer> loaded = loadedColumns.computeIfAbsent(p, stage -> new TreeSet<>());
    String row = "buildRow" + p;
    for (int c : columns) {
      if (c >= probe.buildColumns().size() || !loaded.add(c)) {
        continue;
      }
      KernelProgram.InputColumn column = probe.buildColumns().get(c);
      DataType type = column.type();
      String name = buildValueName(p, c);
      String suffix = p + "col" + c;
      String read = KernelSourceGenerator.readValue("buildData" + suffix, row, type);
      if (unmatched) {
        read = row + " < 0 ? " + JavaValue.defaultValue(type) + " : " + read;
      }
      out.line(JavaValue.javaType(type) + " " + name + " = " + read + ";");
      List<String> nullTests = new ArrayList<>();
      if (unmatched) {
        nullTests.add(row + " < 0");
      }
      if (column.nullable()) {
        nullTests.add(
            "buildHasNulls"
                + suffix
                + " && !"
                + KernelSourceGenerator.isBitSet("buildValidity" + suffix + "Address", row));
      }
      if (!nullTests.isEmpty()) {
        out.line("boolean " + name + "Null = " + String.join(" || ", nullTests) + ";");
      }
    }
  }

  private void openIfTrue(JavaValue condition) {
    openBlock("if (" + isTrue(condition) + ")");
  }

  private static String isTrue(JavaValue condition) {
    if (condition.neverNull()) {
      return "(" + condition.value() + ")";
    }
    return "!(" + condition.isNull() + ") && (" + condition.value() + ")";
  }

  private void openBlock(String header) {
    out.open(header);
    openBlocks++;
  }

  private static String canonical(List<Expr> exprs) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < exprs.size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      exprs.get(i).appendCanonical(text);
    }
    return text.append(']').toString();
  }
}
