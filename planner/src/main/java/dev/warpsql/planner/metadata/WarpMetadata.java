package dev.warpsql.planner.metadata;

import java.util.List;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;

/** The metadata that planning uses: WarpSQL's estimates first, then Calcite's defaults. */
public final class WarpMetadata {
  /** The provider for every planner phase of a statement. */
  public static final RelMetadataProvider PROVIDER =
      ChainedRelMetadataProvider.of(
          List.of(
              ReflectiveRelMetadataProvider.reflectiveSource(
                  new EquiJoinSelectivity(), BuiltInMetadata.Selectivity.Handler.class),
              ReflectiveRelMetadataProvider.reflectiveSource(
                  new NullComparisonPredicates(), BuiltInMetadata.Predicates.Handler.class),
              DefaultRelMetadataProvider.INSTANCE));

  private WarpMetadata() {}
}
