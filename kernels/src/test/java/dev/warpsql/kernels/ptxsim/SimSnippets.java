package dev.warpsql.kernels.ptxsim;

/**
 * Runs hand-written PTX bodies for the interpreter tests. A snippet is the body of an entry with
 * parameters {@code out} and {@code in} (global pointers, already loaded into {@code %out} and
 * {@code %in}) and {@code %tid}, the thread's index in the grid as {@code .u64}; each thread writes
 * its results to {@code out[tid * slots + i]}.
 */
final class SimSnippets {
  private SimSnippets() {}

  /** Returns the module text of an entry {@code snippet} whose body is {@code body}. */
  static String module(String declarations, String body) {
    return """
        .version 8.0
        .target sm_80
        .address_size 64
        %s
        .visible .entry snippet(.param .u64 out, .param .u64 in)
        {
            .reg .u64 %%out, %%in, %%tid, %%scratch;
            .reg .u32 %%t32, %%b32, %%n32;
            ld.param.u64 %%out, [out];
            ld.param.u64 %%in, [in];
            mov.u32 %%t32, %%tid.x;
            mov.u32 %%b32, %%ctaid.x;
            mov.u32 %%n32, %%ntid.x;
            mad.wide.u32 %%tid, %%b32, %%n32, %%t32;
        %s
            ret;
        }
        """
        .formatted(declarations, body);
  }

  /**
   * Runs {@code body} on {@code blocks} blocks of {@code threads} threads with the 64-bit words of
   * {@code input} in {@code in}, and returns {@code slots} 64-bit words per thread.
   */
  static long[] run(
      String body, int blocks, int threads, int slots, SimLaunch.Options options, long... input) {
    return run("", body, blocks, threads, slots, options, input);
  }

  static long[] run(
      String declarations,
      String body,
      int blocks,
      int threads,
      int slots,
      SimLaunch.Options options,
      long... input) {
    SimModule module = SimModule.parse(module(declarations, body));
    SimMemory global = new SimMemory("global", 0x1000_0000L);
    int outputWords = blocks * threads * slots;
    long out = global.allocate("out", outputWords * 8, false);
    byte[] inputBytes = new byte[Math.max(8, input.length * 8)];
    for (int i = 0; i < input.length; i++) {
      SimBytes.put(inputBytes, i * 8, 8, input[i]);
    }
    long in = global.allocate("in", inputBytes, false);
    SimArguments arguments = new SimArguments(module, "snippet").set("out", out).set("in", in);
    SimLaunch.run(module, arguments, blocks, threads, global, options);
    byte[] bytes = global.read(out, outputWords * 8);
    long[] words = new long[outputWords];
    for (int i = 0; i < outputWords; i++) {
      words[i] = SimBytes.get(bytes, i * 8, 8);
    }
    return words;
  }

  /** Returns PTX that stores the 64-bit register {@code value} to slot {@code slot} of 1..n. */
  static String store(String value, int slot, int slots) {
    return """
            mul.lo.u64 %%scratch, %%tid, %d;
            add.u64 %%scratch, %%scratch, %d;
            shl.b64 %%scratch, %%scratch, 3;
            add.u64 %%scratch, %%scratch, %%out;
            st.global.u64 [%%scratch], %s;
        """
        .formatted(slots, slot, value);
  }
}
