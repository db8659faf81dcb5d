package dev.warpsql.kernels.ptx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ir.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The build kernel's parameters and the memory-ordering qualifiers of its claim protocol. The PTX
 * interpreter runs threads one at a time over one memory, so it would not notice a missing acquire
 * or release. These checks pin the qualifiers in the text.
 */
class PtxHashBuildTest {
  @Test
  void oneKeyParameters() {
    List<String> names =
        PtxHashBuild.emit(List.of(DataType.BIGINT)).parameters().stream()
            .map(PtxParameter::name)
            .toList();

    assertThat(names)
        .containsExactly(
            "row_count",
            "key0_data",
            "key0_validity",
            "slot_mask",
            "slot_rows",
            "slot_keys",
            "next",
            "error");
  }

  @Test
  void twoKeysStoreHashes() {
    List<String> names =
        PtxHashBuild.emit(List.of(DataType.INTEGER, DataType.VARCHAR)).parameters().stream()
            .map(PtxParameter::name)
            .toList();

    assertThat(names).contains("key1_data", "key1_validity", "slot_hashes");
  }

  @Test
  void claimsAcquireAndPublishesWithRelease() {
    String ptx = PtxHashBuild.emit(List.of(DataType.BIGINT)).ptx();

    assertThat(ptx).contains("atom.acquire.gpu.global.cas.b32");
    assertThat(ptx).contains("st.release.gpu.global.u32");
    assertThat(ptx).contains("ld.acquire.gpu.global.u32");
    assertThat(ptx).contains("atom.acq_rel.gpu.global.exch.b32");
  }

  @Test
  void shapeNamesKeyKinds() {
    assertThat(PtxHashBuild.shape(List.of(DataType.decimal(12, 2), DataType.DATE)))
        .isEqualTo("hash build(DECIMAL, DATE)");
  }

  @Test
  void noKeysRejected() {
    assertThatThrownBy(() -> PtxHashBuild.emit(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one key");
  }
}
