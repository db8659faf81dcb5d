package dev.warpsql.kernels.ptx;

import dev.warpsql.kernels.ir.KernelErrorCode;
import dev.warpsql.kernels.ir.KernelException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import jcuda.nvptxcompiler.JNvPTXCompiler;
import jcuda.nvptxcompiler.nvPTXCompileResult;
import jcuda.nvptxcompiler.nvPTXCompilerHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles PTX to machine code with nvPTXCompiler, the PTX assembler library bundled in JCuda's
 * natives, which needs no GPU and no driver. A PTX module that assembles for an architecture is
 * valid for it; the machine code is discarded.
 *
 * <p>JCuda 12.0.0 bundles nvPTXCompiler 12.0, which accepts PTX ISA 8.0 and older. Thread-safe:
 * each call uses its own compiler handle.
 */
public final class PtxValidator {
  /** Architectures that every emitted kernel must assemble for: Ampere and Hopper. */
  public static final List<String> ARCHITECTURES = List.of("sm_80", "sm_90");

  private static final Logger LOG = LoggerFactory.getLogger(PtxValidator.class);

  private static final String UNAVAILABLE_REASON = loadNativeLibrary();

  private PtxValidator() {}

  /** Result of assembling one module for one architecture. */
  public record Assembly(
      String gpuName,
      boolean success,
      String status,
      String errorLog,
      String infoLog,
      long binaryBytes) {}

  /** Returns whether the nvPTXCompiler native library loaded on this machine. */
  public static boolean isAvailable() {
    return UNAVAILABLE_REASON == null;
  }

  /** Returns why the native library did not load, or null when it did. */
  public static String unavailableReason() {
    return UNAVAILABLE_REASON;
  }

  /**
   * Assembles {@code ptx} for {@code gpuName} (such as {@code sm_80}) and returns the compiler's
   * status and logs.
   *
   * @throws IllegalStateException when the native library is not available
   */
  public static Assembly assemble(String ptx, String gpuName) {
    Objects.requireNonNull(ptx, "ptx");
    Objects.requireNonNull(gpuName, "gpuName");
    if (!isAvailable()) {
      throw new IllegalStateException("nvPTXCompiler is not available: " + UNAVAILABLE_REASON);
    }
    byte[] source = ptx.getBytes(StandardCharsets.UTF_8);
    nvPTXCompilerHandle handle = new nvPTXCompilerHandle();
    int created = JNvPTXCompiler.nvPTXCompilerCreate(handle, source.length, source);
    if (created != nvPTXCompileResult.NVPTXCOMPILE_SUCCESS) {
      return new Assembly(gpuName, false, nvPTXCompileResult.stringFor(created), "", "", 0);
    }
    try {
      int compiled =
          JNvPTXCompiler.nvPTXCompilerCompile(handle, 1, new String[] {"--gpu-name=" + gpuName});
      String errorLog = errorLog(handle);
      String infoLog = infoLog(handle);
      long binaryBytes = 0;
      boolean success = compiled == nvPTXCompileResult.NVPTXCOMPILE_SUCCESS;
      if (success) {
        long[] size = new long[1];
        JNvPTXCompiler.nvPTXCompilerGetCompiledProgramSize(handle, size);
        binaryBytes = size[0];
      }
      return new Assembly(
          gpuName, success, nvPTXCompileResult.stringFor(compiled), errorLog, infoLog, binaryBytes);
    } finally {
      JNvPTXCompiler.nvPTXCompilerDestroy(handle);
    }
  }

  /**
   * Assembles {@code ptx} for every architecture of {@link #ARCHITECTURES}.
   *
   * @throws KernelException with {@link KernelErrorCode#COMPILATION_FAILED} naming the kernel, the
   *     architecture and the compiler's error log when an assembly fails
   * @throws IllegalStateException when the native library is not available
   */
  public static void validate(String kernelName, String ptx) {
    for (String gpuName : ARCHITECTURES) {
      Assembly assembly = assemble(ptx, gpuName);
      if (!assembly.success()) {
        throw new KernelException(
            KernelErrorCode.COMPILATION_FAILED,
            "PTX of kernel "
                + kernelName
                + " does not assemble for "
                + gpuName
                + " ("
                + assembly.status()
                + "):\n"
                + assembly.errorLog());
      }
    }
  }

  private static String errorLog(nvPTXCompilerHandle handle) {
    long[] size = new long[1];
    JNvPTXCompiler.nvPTXCompilerGetErrorLogSize(handle, size);
    byte[] log = new byte[(int) size[0]];
    if (log.length > 0) {
      JNvPTXCompiler.nvPTXCompilerGetErrorLog(handle, log);
    }
    return text(log);
  }

  private static String infoLog(nvPTXCompilerHandle handle) {
    long[] size = new long[1];
    JNvPTXCompiler.nvPTXCompilerGetInfoLogSize(handle, size);
    byte[] log = new byte[(int) size[0]];
    if (log.length > 0) {
      JNvPTXCompiler.nvPTXCompilerGetInfoLog(handle, log);
    }
    return text(log);
  }

  /** Decodes a log, which the library terminates with a NUL byte. */
  private static String text(byte[] log) {
    int length = 0;
    while (length < log.length && log[length] != 0) {
      length++;
    }
    return new String(log, 0, length, StandardCharsets.UTF_8);
  }

  /** Loads the native library and returns null, or the reason it failed to load. */
  private static String loadNativeLibrary() {
    try {
      int[] major = new int[1];
      int[] minor = new int[1];
      int status = JNvPTXCompiler.nvPTXCompilerGetVersion(major, minor);
      if (status != nvPTXCompileResult.NVPTXCOMPILE_SUCCESS) {
        return "nvPTXCompilerGetVersion failed with " + nvPTXCompileResult.stringFor(status);
      }
      LOG.debug("nvPTXCompiler {}.{} loaded from JCuda's natives", major[0], minor[0]);
      return null;
    } catch (LinkageError e) {
      LOG.warn("nvPTXCompiler native library failed to load; PTX cannot be validated", e);
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
