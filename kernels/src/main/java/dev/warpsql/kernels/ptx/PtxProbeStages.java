package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.arrow.ArrowColumns;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import dev.warpsql.kernels.ptx.PtxWriter.RegisterClass;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Emits a pipeline's hash-join probe stages between the filter and the sink, with the semantics of
 * the CPU backend's probes. The device layout of a hash table is described in the package
 * documentation.
 *
 * <p>Each stage turns the predicate of the lanes that have a row into the predicate of the lanes
 * that emit one. INNER and LEFT stages run a candidate loop that every lane of the warp iterates
 * while any lane still has a candidate (a {@code vote.sync.any}), so the next stages and the sink,
 * whose compaction uses a warp-wide ballot, are reached by the whole warp in every iteration.
 * {@link #closeStages()} closes those loops after the sink. SEMI and ANTI stages search for the
 * first passing candidate per lane, which needs no warp-wide step.
 */
final class PtxProbeStages {
  private static final String FULL_MASK = "0xffffffff";

  /** Global addresses of one build column, and whether it has a validity bitmap. */
  private record ColumnRegisters(String data, String validity, String hasValidity) {}

  /** Registers of one stage's hash table. */
  private record TableRegisters(
      String slotMask,
      String partitionShift,
      String partition,
      String slotRows,
      String slotKeys,
      String slotHashes,
      String next,
      Map<Integer, ColumnRegisters> columns) {}

  private final PtxWriter out;
  private final PtxExprEmitter exprs;
  private final PtxInputs inputs;
  private final KernelProgram program;
  private final PtxBuildReferences references;
  private final List<TableRegisters> tables = new ArrayList<>();
  private final Deque<Runnable> closers = new ArrayDeque<>();

  PtxProbeStages(PtxWriter out, PtxExprEmitter exprs, PtxInputs inputs, KernelProgram program) {
    this.out = out;
    this.exprs = exprs;
    this.inputs = inputs;
    this.program = program;
    this.references = new PtxBuildReferences(program);
  }

  /** Returns the entry parameters of every probe stage, in stage order. */
  static List<PtxParameter> parameters(KernelProgram program) {
    List<PtxParameter> parameters = new ArrayList<>();
    for (int p = 0; p < program.probes().size(); p++) {
      ProbeStage probe = program.probes().get(p);
      String prefix = "probe" + p + "_";
      parameters.add(new PtxParameter(prefix + "slot_mask", ".u32"));
      parameters.add(new PtxParameter(prefix + "partition_shift", ".u32"));
      parameters.add(new PtxParameter(prefix + "partition", ".u32"));
      parameters.add(new PtxParameter(prefix + "slot_rows", ".u64"));
      parameters.add(new PtxParameter(prefix + "slot_keys", ".u64"));
      if (probe.keys().size() > 1) {
        parameters.add(new PtxParameter(prefix + "slot_hashes", ".u64"));
      }
      parameters.add(new PtxParameter(prefix + "next", ".u64"));
      for (int c = 0; c < probe.buildColumns().size(); c++) {
        parameters.add(new PtxParameter(prefix + "col" + c + "_data", ".u64"));
        parameters.add(new PtxParameter(prefix + "col" + c + "_validity", ".u64"));
      }
    }
    return parameters;
  }

  /**
   * Returns whether some stage may emit more rows than reach it (INNER and LEFT joins), so that a
   * materialize sink needs an output capacity of its own.
   */
  static boolean multipliesRows(KernelProgram program) {
    for (ProbeStage probe : program.probes()) {
      if (probe.kind() == JoinKind.INNER || probe.kind() == JoinKind.LEFT) {
        return true;
      }
    }
    return false;
  }

  /** Checks the build column reads, then emits the loads of the hash table pointers. */
  void emitSetup() {
    references.check();
    for (int p = 0; p < program.probes().size(); p++) {
      ProbeStage probe = program.probes().get(p);
      String prefix = "probe" + p + "_";
      out.comment(
          "probe stage " + p + ": " + probe.kind() + " join with hash table #" + probe.table());
      String slotMask = out.register(RegisterClass.B32);
      out.op("ld.param.u32 " + slotMask + ", [" + prefix + "slot_mask]");
      String partitionShift = out.register(RegisterClass.B32);
      String partition = out.register(RegisterClass.B32);
      out.op("ld.param.u32 " + partitionShift + ", [" + prefix + "partition_shift]");
      out.op("ld.param.u32 " + partition + ", [" + prefix + "partition]");
      String slotRows = PtxEmitter.globalPointer(out, prefix + "slot_rows");
      String slotKeys = PtxEmitter.globalPointer(out, prefix + "slot_keys");
      String slotHashes = null;
      if (probe.keys().size() > 1) {
        slotHashes = PtxEmitter.globalPointer(out, prefix + "slot_hashes");
      }
      String next = PtxEmitter.globalPointer(out, prefix + "next");
      Map<Integer, ColumnRegisters> columns = new HashMap<>();
      for (int c : references.readColumns(p)) {
        columns.put(c, setUpColumn(p, c, probe.buildColumns().get(c)));
      }
      tables.add(
          new TableRegisters(
              slotMask, partitionShift, partition, slotRows, slotKeys, slotHashes, next, columns));
    }
  }

  private ColumnRegisters setUpColumn(int p, int c, KernelProgram.InputColumn column) {
    String prefix = "probe" + p + "_col" + c;
    out.comment(
        "build column "
            + c
            + " of probe stage "
            + p
            + ": "
            + column.type()
            + (column.nullable() ? " NULL" : ""));
    String data = PtxEmitter.globalPointer(out, prefix + "_data");
    if (!column.nullable()) {
      return new ColumnRegisters(data, null, null);
    }
    String generic = out.register(RegisterClass.B64);
    String validity = out.register(RegisterClass.B64);
    String hasValidity = out.register(RegisterClass.PRED);
    out.op("ld.param.u64 " + generic + ", [" + prefix + "_validity]");
    out.op("setp.ne.u64 " + hasValidity + ", " + generic + ", 0");
    out.op("cvta.to.global.u64 " + validity + ", " + generic);
    return new ColumnRegisters(data, validity, hasValidity);
  }

  /**
   * Emits every stage for the current row and returns the predicate of the lanes that hand a row to
   * the sink. {@code keep} is true for the lanes whose row passed the filter.
   */
  String emitStages(String keep) {
    String active = keep;
    for (int p = 0; p < program.probes().size(); p++) {
      active = emitStage(p, program.probes().get(p), active);
    }
    return active;
  }

  /** Closes the candidate loops that {@link #emitStages} opened, innermost first. */
  void closeStages() {
    while (!closers.isEmpty()) {
      closers.pop().run();
    }
  }

  private String emitStage(int p, ProbeStage probe, String active) {
    out.comment(
        "probe stage "
            + p
            + ": "
            + probe.kind()
            + " join with hash table #"
            + probe.table()
            + " on "
            + PtxBuildReferences.canonical(probe.keys()));
    Lookup lookup = emitLookup(p, probe, active);
    String candidate = lookup.candidate();
    String inPass = out.register(RegisterClass.PRED);
    out.op("and.pred " + inPass + ", " + active + ", " + lookup.inPass());
    String emitted =
        switch (probe.kind()) {
          case INNER -> emitInner(p, probe, candidate);
          case LEFT -> emitLeft(p, probe, inPass, candidate);
          case SEMI, ANTI -> emitExistence(p, probe, inPass, candidate);
        };
    if (probe.after() == null) {
      return emitted;
    }
    out.comment(
        "probe stage " + p + ": after condition " + PtxBuildReferences.canonical(probe.after()));
    String passedAfter = out.register(RegisterClass.PRED);
    String skip = out.label("probe" + p + "_after_done");
    out.op("mov.pred " + passedAfter + ", 0");
    out.op("@!" + emitted + " bra " + skip);
    inputs.load(List.of(probe.after()), exprs);
    setIfTrue(passedAfter, exprs.emit(probe.after()));
    out.place(skip);
    return passedAfter;
  }

  /**
   * The registers of a lookup's result: the first build row of equal keys or -1, and whether the
   * row belongs to this launch's partition of the build side.
   */
  private record Lookup(String candidate, String inPass) {}

  /**
   * Emits the evaluation of the keys and the hash table lookup for the lanes in {@code active}. The
   * candidate is -1 when no build row has equal keys, when a key is NULL, when the lane has no row
   * and when the row's keys belong to another partition than the launch's.
   */
  private Lookup emitLookup(int p, ProbeStage probe, String active) {
    TableRegisters table = tables.get(p);
    List<Expr> keys = probe.keys();
    String candidate = out.register(RegisterClass.B32);
    String inPass = out.register(RegisterClass.PRED);
    String done = out.label("probe" + p + "_lookup_done");
    out.op("mov.b32 " + candidate + ", -1");
    out.comment("a row with a NULL key matches nothing, and the first partition's launch emits it");
    out.op("setp.eq.u32 " + inPass + ", " + table.partition() + ", 0");
    out.op("@!" + active + " bra " + done);
    // The residual's input columns are loaded here too, for every lane with a row: a LEFT join's
    // NULL-extended row and an ANTI join's row skip the residual but may read them later.
    List<Expr> probeInputs = new ArrayList<>(keys);
    if (probe.residual() != null) {
      probeInputs.add(probe.residual());
    }
    inputs.load(probeInputs, exprs);
    List<String> encoded = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      out.comment(
          "probe stage " + p + " key " + k + ": " + PtxBuildReferences.canonical(keys.get(k)));
      PtxValue key = exprs.emit(keys.get(k));
      if (!key.neverNull()) {
        // A NULL key equals no build key.
        out.op("@" + key.isNull() + " bra " + done);
      }
      encoded.add(PtxGroupKey.keyBits(out, exprs, key));
    }
    String hash = PtxGroupKey.joinHash(out, encoded);
    out.comment("rows of other partitions wait for their launch (a shift of 32 keeps every row)");
    String rowPartition = out.register(RegisterClass.B32);
    out.op("shr.b32 " + rowPartition + ", " + hash + ", " + table.partitionShift());
    out.op("setp.eq.u32 " + inPass + ", " + rowPartition + ", " + table.partition());
    out.op("@!" + inPass + " bra " + done);
    String slot = out.register(RegisterClass.B32);
    String probes = out.register(RegisterClass.B32);
    out.op("and.b32 " + slot + ", " + hash + ", " + table.slotMask());
    out.op("mov.b32 " + probes + ", 0");
    String loop = out.label("probe" + p + "_slot");
    String nextSlot = out.label("probe" + p + "_next_slot");
    out.comment("linear probing: an empty slot (row -1) ends the search");
    out.place(loop);
    String row = out.register(RegisterClass.B32);
    String empty = out.register(RegisterClass.PRED);
    out.op("ld.global.nc.s32 " + row + ", [" + scaledAddress(table.slotRows(), slot, 4) + "]");
    out.op("setp.lt.s32 " + empty + ", " + row + ", 0");
    out.op("@" + empty + " bra " + done);
    if (table.slotHashes() != null) {
      String stored = out.register(RegisterClass.B32);
      String differs = out.register(RegisterClass.PRED);
      String address = scaledAddress(table.slotHashes(), slot, 4);
      out.op("ld.global.nc.u32 " + stored + ", [" + address + "]");
      out.op("setp.ne.u32 " + differs + ", " + stored + ", " + hash);
      out.op("@" + differs + " bra " + nextSlot);
    }
    for (int k = 0; k < encoded.size(); k++) {
      String index = out.register(RegisterClass.B32);
      String stored = out.register(RegisterClass.B64);
      String differs = out.register(RegisterClass.PRED);
      out.op("mad.lo.u32 " + index + ", " + slot + ", " + keys.size() + ", " + k);
      out.op(
          "ld.global.nc.u64 " + stored + ", [" + scaledAddress(table.slotKeys(), index, 8) + "]");
      out.op("setp.ne.u64 " + differs + ", " + stored + ", " + encoded.get(k));
      out.op("@" + differs + " bra " + nextSlot);
    }
    out.op("mov.b32 " + candidate + ", " + row);
    out.op("bra " + done);
    out.place(nextSlot);
    String searched = out.register(RegisterClass.PRED);
    out.op("add.u32 " + slot + ", " + slot + ", 1");
    out.op("and.b32 " + slot + ", " + slot + ", " + table.slotMask());
    out.op("add.u32 " + probes + ", " + probes + ", 1");
    out.comment("a table without an empty slot: stop after visiting every slot once");
    out.op("setp.gt.u32 " + searched + ", " + probes + ", " + table.slotMask());
    out.op("@!" + searched + " bra " + loop);
    out.place(done);
    return new Lookup(candidate, inPass);
  }

  private String emitInner(int p, ProbeStage probe, String candidate) {
    String loop = out.label("probe" + p + "_inner");
    String end = out.label("probe" + p + "_inner_end");
    String row = out.register(RegisterClass.B32);
    String has = out.register(RegisterClass.PRED);
    String any = out.register(RegisterClass.PRED);
    String emitted = out.register(RegisterClass.PRED);
    out.comment("probe stage " + p + ": loop while any lane of the warp has a candidate");
    out.place(loop);
    out.op("setp.ge.s32 " + has + ", " + candidate + ", 0");
    out.op("vote.sync.any.pred " + any + ", " + has + ", " + FULL_MASK);
    out.op("@!" + any + " bra " + end);
    out.op("mov.b32 " + row + ", " + candidate);
    advance(p, candidate, has);
    out.op("mov.pred " + emitted + ", " + has);
    Set<Integer> bound = new TreeSet<>();
    if (probe.residual() != null) {
      bindColumns(p, probe, references.residualColumns(p), row, has, false, bound);
      emitResidual(p, probe, emitted);
    }
    bindColumns(p, probe, references.readColumns(p), row, emitted, false, bound);
    closers.push(() -> closeLoop(p, loop, end));
    return emitted;
  }

  private String emitLeft(int p, ProbeStage probe, String active, String candidate) {
    String loop = out.label("probe" + p + "_left");
    String end = out.label("probe" + p + "_left_end");
    String row = out.register(RegisterClass.B32);
    String matched = out.register(RegisterClass.PRED);
    String has = out.register(RegisterClass.PRED);
    String unmatched = out.register(RegisterClass.PRED);
    String any = out.register(RegisterClass.PRED);
    String emitted = out.register(RegisterClass.PRED);
    out.op("mov.pred " + matched + ", 0");
    out.comment(
        "probe stage "
            + p
            + ": loop while any lane of the warp has a candidate or still owes its row with NULL"
            + " build columns (row -1)");
    out.place(loop);
    out.op("setp.ge.s32 " + has + ", " + candidate + ", 0");
    out.op("and.pred " + unmatched + ", " + active + ", !" + has);
    out.op("and.pred " + unmatched + ", " + unmatched + ", !" + matched);
    out.op("or.pred " + emitted + ", " + has + ", " + unmatched);
    out.op("vote.sync.any.pred " + any + ", " + emitted + ", " + FULL_MASK);
    out.op("@!" + any + " bra " + end);
    out.op("selp.b32 " + row + ", " + candidate + ", -1, " + has);
    advance(p, candidate, has);
    out.op("@" + unmatched + " mov.pred " + matched + ", 1");
    Set<Integer> bound = new TreeSet<>();
    if (probe.residual() != null) {
      bindColumns(p, probe, references.residualColumns(p), row, has, true, bound);
      String checked = out.register(RegisterClass.PRED);
      out.op("mov.pred " + checked + ", " + has);
      emitResidual(p, probe, checked);
      out.comment("the row with NULL build columns passes without the residual");
      out.op("or.pred " + emitted + ", " + checked + ", " + unmatched);
    }
    out.op("@" + emitted + " mov.pred " + matched + ", 1");
    bindColumns(p, probe, references.readColumns(p), row, has, true, bound);
    closers.push(() -> closeLoop(p, loop, end));
    return emitted;
  }

  private String emitExistence(int p, ProbeStage probe, String active, String candidate) {
    String found = out.register(RegisterClass.PRED);
    if (probe.residual() == null) {
      out.op("setp.ge.s32 " + found + ", " + candidate + ", 0");
    } else {
      String loop = out.label("probe" + p + "_search");
      String done = out.label("probe" + p + "_search_done");
      String row = out.register(RegisterClass.B32);
      String has = out.register(RegisterClass.PRED);
      String passed = out.register(RegisterClass.PRED);
      out.op("mov.pred " + found + ", 0");
      out.comment("probe stage " + p + ": search for the first candidate that passes the residual");
      out.place(loop);
      out.op("setp.ge.s32 " + has + ", " + candidate + ", 0");
      out.op("@!" + has + " bra " + done);
      out.op("mov.b32 " + row + ", " + candidate);
      advance(p, candidate, has);
      bindColumns(p, probe, references.residualColumns(p), row, has, false, new TreeSet<>());
      out.op("mov.pred " + passed + ", 1");
      emitResidual(p, probe, passed);
      out.op("@" + passed + " mov.pred " + found + ", 1");
      out.op("@!" + passed + " bra " + loop);
      out.place(done);
    }
    String emitted = out.register(RegisterClass.PRED);
    String test = probe.kind() == JoinKind.SEMI ? found : "!" + found;
    out.op("and.pred " + emitted + ", " + active + ", " + test);
    return emitted;
  }

  /** Emits the residual for the lanes in {@code passes}, leaving true only where it is TRUE. */
  private void emitResidual(int p, ProbeStage probe, String passes) {
    out.comment(
        "probe stage " + p + ": residual " + PtxBuildReferences.canonical(probe.residual()));
    String skip = out.label("probe" + p + "_residual_done");
    out.op("@!" + passes + " bra " + skip);
    inputs.load(List.of(probe.residual()), exprs);
    setIfTrue(passes, exprs.emit(probe.residual()));
    out.place(skip);
  }

  /** Emits {@code candidate = next[candidate]} for the lanes in {@code has}. */
  private void advance(int p, String candidate, String has) {
    String address = scaledAddress(tables.get(p).next(), candidate, 4);
    out.op("@" + has + " ld.global.nc.s32 " + candidate + ", [" + address + "]");
  }

  private void closeLoop(int p, String loop, String end) {
    out.comment("probe stage " + p + ": next candidate");
    out.op("bra " + loop);
    out.place(end);
  }

  /**
   * Loads payload columns of build row {@code row} that are not in {@code bound} yet and binds them
   * for expressions. Lanes outside {@code guard} read nothing. With {@code unmatched}, row -1
   * stands for the NULL-extended row of a LEFT join, whose columns are NULL.
   */
  private void bindColumns(
      int p,
      ProbeStage probe,
      SortedSet<Integer> columns,
      String row,
      String guard,
      boolean unmatched,
      Set<Integer> bound) {
    for (int c : columns) {
      if (bound.add(c)) {
        PtxValue value = loadColumn(p, c, probe.buildColumns().get(c), row, guard, unmatched);
        exprs.bindBuild(p, c, value);
      }
    }
  }

  private PtxValue loadColumn(
      int p, int c, KernelProgram.InputColumn column, String row, String guard, boolean unmatched) {
    DataType type = column.type();
    ColumnRegisters registers = tables.get(p).columns().get(c);
    out.comment(
        "load build column "
            + c
            + " of probe stage "
            + p
            + ": "
            + type
            + (column.nullable() ? " NULL" : ""));
    String value = out.register(type);
    exprs.initialize(value, type);
    if (type.kind() == TypeKind.BOOLEAN) {
      String bit = loadBit(registers.data(), row, guard, 0);
      out.op("setp.ne.u32 " + value + ", " + bit + ", 0");
    } else {
      int width = ArrowColumns.byteWidth(type);
      String address = scaledAddress(registers.data(), row, width);
      out.op(
          "@"
              + guard
              + " ld.global.nc"
              + PtxInputs.loadType(type)
              + " "
              + value
              + ", ["
              + address
              + "]");
    }
    String isNull = null;
    if (unmatched) {
      isNull = out.register(RegisterClass.PRED);
      out.op("setp.lt.s32 " + isNull + ", " + row + ", 0");
    }
    if (column.nullable()) {
      String present = out.register(RegisterClass.PRED);
      out.op("and.pred " + present + ", " + guard + ", " + registers.hasValidity());
      String validBit = loadBit(registers.validity(), row, present, 1);
      String invalid = out.register(RegisterClass.PRED);
      out.op("setp.eq.u32 " + invalid + ", " + validBit + ", 0");
      if (isNull != null) {
        out.op("or.pred " + invalid + ", " + invalid + ", " + isNull);
      }
      isNull = invalid;
    }
    return new PtxValue(value, isNull, type);
  }

  /**
   * Returns a register with bit {@code row} of an LSB-first bitmap (0 or 1), read only for the
   * lanes in {@code guard}; other lanes get {@code otherwise}.
   */
  private String loadBit(String bitmap, String row, String guard, int otherwise) {
    String byteIndex = out.register(RegisterClass.B32);
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    String bits = out.register(RegisterClass.B32);
    String shift = out.register(RegisterClass.B32);
    out.op("shr.u32 " + byteIndex + ", " + row + ", 3");
    out.op("cvt.u64.u32 " + offset + ", " + byteIndex);
    out.op("add.u64 " + address + ", " + bitmap + ", " + offset);
    out.op("mov.b32 " + bits + ", " + (otherwise == 0 ? 0 : 255));
    out.op("@" + guard + " ld.global.nc.u8 " + bits + ", [" + address + "]");
    out.op("and.b32 " + shift + ", " + row + ", 7");
    out.op("shr.u32 " + bits + ", " + bits + ", " + shift);
    out.op("and.b32 " + bits + ", " + bits + ", 1");
    return bits;
  }

  /** Returns a register with {@code base + index * width}, for a signed 32-bit index. */
  private String scaledAddress(String base, String index, int width) {
    String offset = out.register(RegisterClass.B64);
    String address = out.register(RegisterClass.B64);
    out.op("mul.wide.s32 " + offset + ", " + index + ", " + width);
    out.op("add.u64 " + address + ", " + base + ", " + offset);
    return address;
  }

  /** Sets {@code target} to whether a BOOLEAN value is TRUE (not FALSE and not NULL). */
  private void setIfTrue(String target, PtxValue condition) {
    if (condition.type().kind() != TypeKind.BOOLEAN) {
      throw new IllegalArgumentException("condition must be BOOLEAN, got " + condition.type());
    }
    if (condition.neverNull()) {
      out.op("mov.pred " + target + ", " + condition.value());
    } else {
      out.op("and.pred " + target + ", " + condition.value() + ", !" + condition.isNull());
    }
  }
}
