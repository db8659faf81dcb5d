package dev.warpsql.kernels.ptx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PtxValidatorTest {
  private static final String VALID =
      """
      .version 8.0
      .target sm_80
      .address_size 64
      .visible .entry store_seven(.param .u64 out)
      {
          .reg .b64 %rd<3>;
          ld.param.u64 %rd1, [out];
          cvta.to.global.u64 %rd2, %rd1;
          st.global.u32 [%rd2], 7;
          ret;
      }
      """;

  @BeforeEach
  void requireCompiler() {
    assumeTrue(
        PtxValidator.isAvailable(),
        () -> "nvPTXCompiler did not load: " + PtxValidator.unavailableReason());
  }

  @Test
  void validModuleAssemblesForBothArchitectures() {
    for (String gpuName : PtxValidator.ARCHITECTURES) {
      PtxValidator.Assembly assembly = PtxValidator.assemble(VALID, gpuName);
      assertThat(assembly.success()).as(assembly.errorLog()).isTrue();
      assertThat(assembly.binaryBytes()).isPositive();
    }
  }

  @Test
  void undeclaredRegisterFailsWithLog() {
    String broken = VALID.replace("%rd2], 7", "%rd9], 7");
    PtxValidator.Assembly assembly = PtxValidator.assemble(broken, "sm_80");
    assertThat(assembly.success()).isFalse();
    assertThat(assembly.errorLog()).contains("%rd9");
  }

  @Test
  void validateRaisesCompilationFailed() {
    String broken = VALID.replace("st.global.u32", "st.global.u33");
    assertThatThrownBy(() -> PtxValidator.validate("store_seven", broken))
        .isInstanceOf(KernelException.class)
        .hasMessageContaining("store_seven")
        .hasMessageContaining("sm_80")
        .satisfies(
            e ->
                assertThat(((KernelException) e).code())
                    .isEqualTo(KernelErrorCode.COMPILATION_FAILED));
  }

  @Test
  void newerIsaVersionIsRejected() {
    PtxValidator.Assembly assembly =
        PtxValidator.assemble(VALID.replace(".version 8.0", ".version 9.0"), "sm_90");
    assertThat(assembly.success()).isFalse();
  }
}
