package dev.warpsql.planner.lower;

import dev.warpsql.executor.pipeline.BatchColumn;
import dev.warpsql.executor.pipeline.ColumnOrigin;
import dev.warpsql.executor.pipeline.HashBuildStep;
import dev.warpsql.executor.storage.StringDictionary;
import dev.warpsql.kernels.ir.BuildRef;
import dev.warpsql.kernels.ir.CodeMap;
import dev.warpsql.kernels.ir.DataType;
import dev.warpsql.kernels.ir.Expr;
import dev.warpsql.kernels.ir.JoinKind;
import dev.warpsql.kernels.ir.KernelProgram;
import dev.warpsql.kernels.ir.Literal;
import dev.warpsql.kernels.ir.ProbeStage;
import dev.warpsql.kernels.ir.TypeKind;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * Lowers a hash join: the build input becomes a pipeline breaker that materializes its rows and
 * builds a hash table, and the probe becomes a stage of the probe input's open pipeline.
 *
 * <p>The joined row keeps the join's column order (left columns, then right ones) whichever side is
 * built, because build columns are read through {@link BuildRef}s. Keys of different types are
 * converted to a common type on both sides: on the probe side as an expression, on the build side
 * as an extra materialized column.
 */
public final class JoinLowering {
  private JoinLowering() {}

  /** The join to lower, with its keys given as column indexes of each side. */
  public record JoinSpec(
      Stream probe,
      Stream build,
      boolean buildIsLeft,
      int[] probeKeys,
      int[] buildKeys,
      JoinKind kind,
      RexNode residual,
      List<String> buildNames) {}

  /** Returns the probe stream extended by the join. */
  public static Stream lower(PlanLowering lowering, JoinSpec join) {
    Stream probe = join.probe();
    Stream build = join.build();
    int buildWidth = build.columns().size();
    int probeIndex = probe.probes().size();

    List<Expr> probeKeys = new ArrayList<>();
    List<Expr> buildColumns = new ArrayList<>(build.columns());
    List<StringDictionary> buildDictionaries = new ArrayList<>(build.dictionaries());
    List<String> buildNames = new ArrayList<>(join.buildNames());
    int[] buildKeyColumns = new int[join.buildKeys().length];
    for (int i = 0; i < buildKeyColumns.length; i++) {
      Expr probeKey = probe.columns().get(join.probeKeys()[i]);
      Expr buildKey = build.columns().get(join.buildKeys()[i]);
      if (probeKey.type().kind() == TypeKind.VARCHAR) {
        ColumnOrigin target = ColumnOrigin.build(probeIndex, join.buildKeys()[i]);
        probeKeys.add(translatedKey(probe, probeKey));
        probe =
            probe.withLookup(new DictionaryTranslation(RexLowering.codeOrigin(probeKey), target));
        buildKeyColumns[i] = join.buildKeys()[i];
        continue;
      }
      DataType common = RexLowering.comparisonType(probeKey.type(), buildKey.type());
      if (common == null && !probeKey.type().equals(buildKey.type())) {
        int scale = Math.max(probeKey.type().scale(), buildKey.type().scale());
        common = DataType.decimal(DataType.MAX_DECIMAL_PRECISION, scale);
      }
      if (common == null) {
        probeKeys.add(probeKey);
        buildKeyColumns[i] = join.buildKeys()[i];
      } else {
        probeKeys.add(RexLowering.cast(probeKey, common));
        buildColumns.add(RexLowering.cast(buildKey, common));
        buildDictionaries.add(null);
        buildNames.add("$key" + i);
        buildKeyColumns[i] = buildColumns.size() - 1;
      }
    }

    if (buildKeyColumns.length == 0) {
      // Without equality keys every build row gets the same constant key, so every probe row
      // meets every build row and the residual decides.
      Literal constant = Literal.ofLong(0L, DataType.BIGINT);
      probeKeys.add(constant);
      buildColumns.add(constant);
      buildDictionaries.add(null);
      buildNames.add("$constant");
      buildKeyColumns = new int[] {buildColumns.size() - 1};
    }

    Stream keyed = build.withColumns(buildColumns, buildDictionaries, "join keys");
    PlanLowering.Closed closed = lowering.close(keyed, buildNames);
    HashBuildStep hashBuild = new HashBuildStep(closed.step(), buildKeyColumns);

    boolean nullableBuild = join.kind() == JoinKind.LEFT;
    List<KernelProgram.InputColumn> payloadTypes = new ArrayList<>();
    List<Expr> buildRefs = new ArrayList<>();
    List<StringDictionary> buildRefDictionaries = new ArrayList<>();
    for (int j = 0; j < closed.columns().size(); j++) {
      BatchColumn column = closed.columns().get(j);
      payloadTypes.add(new KernelProgram.InputColumn(column.type(), column.nullable()));
      if (j < buildWidth) {
        buildRefs.add(
            new BuildRef(probeIndex, j, column.type(), column.nullable() || nullableBuild));
        buildRefDictionaries.add(column.dictionary());
      }
    }

    List<Expr> joined = new ArrayList<>();
    List<StringDictionary> joinedDictionaries = new ArrayList<>();
    if (join.buildIsLeft()) {
      joined.addAll(buildRefs);
      joinedDictionaries.addAll(buildRefDictionaries);
    }
    joined.addAll(probe.columns());
    joinedDictionaries.addAll(probe.dictionaries());
    if (!join.buildIsLeft()) {
      joined.addAll(buildRefs);
      joinedDictionaries.addAll(buildRefDictionaries);
    }

    Stream joinedRow = probe.withColumns(joined, joinedDictionaries, "join row");
    RexLowering rex = lowering.rex(joinedRow);
    Expr residual = join.residual() == null ? null : rex.lower(join.residual());
    ProbeStage stage =
        new ProbeStage(probeIndex, probeKeys, join.kind(), payloadTypes, residual, null);

    boolean keepsBuildColumns = join.kind() == JoinKind.INNER || join.kind() == JoinKind.LEFT;
    List<Expr> output = keepsBuildColumns ? joined : probe.columns();
    List<StringDictionary> outputDictionaries =
        keepsBuildColumns ? joinedDictionaries : probe.dictionaries();
    Stream withLookups = rex.streamWithLookups(probe);
    return withLookups.withProbe(
        stage, hashBuild, output, outputDictionaries, "hash join probe (" + join.kind() + ")");
  }

  /**
   * Returns a VARCHAR probe key as codes of the build key's dictionary, read from the lookup table
   * that the caller adds to the stream next (see {@link DictionaryTranslation}).
   */
  private static Expr translatedKey(Stream probe, Expr probeKey) {
    if (RexLowering.codeOrigin(probeKey) == null) {
      throw new UnsupportedLoweringException("join on a computed VARCHAR key " + probeKey);
    }
    return new CodeMap(probeKey, probe.lookups().size(), probeKey.type());
  }
}
