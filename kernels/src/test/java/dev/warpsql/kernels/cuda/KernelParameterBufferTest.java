package dev.warpsql.kernels.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warpsql.kernels.ptx.PtxParameter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelParameterBufferTest {
  private static final List<PtxParameter> PARAMETERS =
      List.of(
          new PtxParameter("row_count", ".u64"),
          new PtxParameter("param0_value", ".s32"),
          new PtxParameter("param0_null", ".u32"),
          new PtxParameter("param1_value", ".f32"),
          new PtxParameter("error", ".u64"),
          new PtxParameter("param2_value", ".f64"));

  @Test
  void valuesAreAlignedToTheirSize() {
    KernelParameterBuffer buffer = new KernelParameterBuffer(PARAMETERS);

    assertThat(buffer.offset(0)).isZero();
    assertThat(buffer.offset(1)).isEqualTo(8);
    assertThat(buffer.offset(2)).isEqualTo(12);
    assertThat(buffer.offset(3)).isEqualTo(16);
    assertThat(buffer.offset(4)).isEqualTo(24);
    assertThat(buffer.offset(5)).isEqualTo(32);
  }

  @Test
  void valuesArePackedLittleEndian() {
    KernelParameterBuffer buffer = new KernelParameterBuffer(PARAMETERS);
    buffer
        .setLong("row_count", 0x0102030405060708L)
        .setLong("param0_value", -2)
        .setLong("param0_null", 1)
        .setDouble("param1_value", 1.5)
        .setLong("error", 0x7000)
        .setDouble("param2_value", -0.25);

    ByteBuffer bytes = ByteBuffer.wrap(buffer.bytes()).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(bytes.capacity()).isEqualTo(40);
    assertThat(bytes.getLong(0)).isEqualTo(0x0102030405060708L);
    assertThat(bytes.getInt(8)).isEqualTo(-2);
    assertThat(bytes.getInt(12)).isEqualTo(1);
    assertThat(bytes.getFloat(16)).isEqualTo(1.5f);
    assertThat(bytes.getLong(24)).isEqualTo(0x7000);
    assertThat(bytes.getDouble(32)).isEqualTo(-0.25);
    assertThat(buffer.valueBytes(1)).containsExactly(0xFE, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void unsetParameterIsNamed() {
    KernelParameterBuffer buffer = new KernelParameterBuffer(PARAMETERS);
    buffer.setLong("row_count", 1);

    assertThatThrownBy(buffer::bytes).hasMessageContaining("param0_value is unset");
  }

  @Test
  void wrongKindOrNameIsRejected() {
    KernelParameterBuffer buffer = new KernelParameterBuffer(PARAMETERS);

    assertThatThrownBy(() -> buffer.setDouble("row_count", 1))
        .hasMessageContaining("row_count is .u64");
    assertThatThrownBy(() -> buffer.setLong("param1_value", 1))
        .hasMessageContaining("not an integer");
    assertThatThrownBy(() -> buffer.setLong("out_count", 1))
        .hasMessageContaining("no parameter out_count");
  }
}
