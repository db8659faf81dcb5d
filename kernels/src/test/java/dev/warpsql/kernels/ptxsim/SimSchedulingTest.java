package dev.warpsql.kernels.ptxsim;

import static dev.warpsql.kernels.ptxsim.SimSnippets.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Divergent branches, warp-synchronous instructions, atomics under contention and block barriers,
 * run both with each thread running until it blocks and with random interleavings.
 */
class SimSchedulingTest {
  private static final SimLaunch.Options INTERLEAVED = SimLaunch.Options.interleaved(7, 5);

  @Test
  void divergentLanesReconvergeForBallot() {
    // Odd lanes take a longer path with a loop; the ballot after both paths sees every lane.
    String body =
        """
            .reg .pred %odd, %more;
            .reg .u32 %lane, %bit, %count, %ballot;
            .reg .u64 %value, %wide;
            mov.u32 %lane, %laneid;
            and.b32 %bit, %lane, 1;
            setp.ne.u32 %odd, %bit, 0;
            mov.u64 %value, 100;
            @!%odd bra $L__even;
            mov.u32 %count, %lane;
        $L__loop:
            add.u64 %value, %value, 1;
            sub.u32 %count, %count, 1;
            setp.ne.u32 %more, %count, 0;
            @%more bra $L__loop;
            bra $L__join;
        $L__even:
            mov.u64 %value, 7;
        $L__join:
            vote.sync.ballot.b32 %ballot, %odd, 0xffffffff;
            cvt.u64.u32 %wide, %ballot;
        """
            + store("%value", 0, 2)
            + store("%wide", 1, 2);
    for (SimLaunch.Options options : new SimLaunch.Options[] {sequential(), INTERLEAVED}) {
      long[] result = SimSnippets.run(body, 1, 64, 2, options);

      for (int thread = 0; thread < 64; thread++) {
        int lane = thread % 32;
        long expected = lane % 2 == 1 ? 100 + lane : 7;
        assertThat(result[2 * thread]).as("value of thread %d", thread).isEqualTo(expected);
        assertThat(result[2 * thread + 1])
            .as("ballot of thread %d", thread)
            .isEqualTo(0xAAAA_AAAAL);
      }
    }
  }

  @Test
  void shuffleReducesAndBroadcasts() {
    String body =
        """
            .reg .u32 %v, %other, %first, %up;
            .reg .pred %valid;
            .reg .u64 %sum, %broadcast, %shifted, %flag;
            mov.u32 %v, %laneid;
            add.u32 %v, %v, 1;
            mov.u32 %first, %v;
            shfl.sync.bfly.b32 %other, %v, 16, 0x1f, 0xffffffff;
            add.u32 %v, %v, %other;
            shfl.sync.bfly.b32 %other, %v, 8, 0x1f, 0xffffffff;
            add.u32 %v, %v, %other;
            shfl.sync.bfly.b32 %other, %v, 4, 0x1f, 0xffffffff;
            add.u32 %v, %v, %other;
            shfl.sync.bfly.b32 %other, %v, 2, 0x1f, 0xffffffff;
            add.u32 %v, %v, %other;
            shfl.sync.bfly.b32 %other, %v, 1, 0x1f, 0xffffffff;
            add.u32 %v, %v, %other;
            cvt.u64.u32 %sum, %v;
            shfl.sync.idx.b32 %other, %first, 5, 0x1f, 0xffffffff;
            cvt.u64.u32 %broadcast, %other;
            shfl.sync.up.b32 %up|%valid, %first, 3, 0, 0xffffffff;
            cvt.u64.u32 %shifted, %up;
            selp.u64 %flag, 1, 0, %valid;
        """
            + store("%sum", 0, 4)
            + store("%broadcast", 1, 4)
            + store("%shifted", 2, 4)
            + store("%flag", 3, 4);
    long[] result = SimSnippets.run(body, 1, 32, 4, INTERLEAVED);

    for (int lane = 0; lane < 32; lane++) {
      assertThat(result[4 * lane]).as("sum in lane %d", lane).isEqualTo(528);
      assertThat(result[4 * lane + 1]).as("lane 5's value in lane %d", lane).isEqualTo(6);
      long up = lane >= 3 ? lane - 2 : lane + 1;
      assertThat(result[4 * lane + 2]).as("shfl.up in lane %d", lane).isEqualTo(up);
      assertThat(result[4 * lane + 3])
          .as("shfl.up valid in lane %d", lane)
          .isEqualTo(lane >= 3 ? 1 : 0);
    }
  }

  @Test
  void atomicsCountEveryContendingThread() {
    // Every thread adds once with atom.add and once with a compare-and-swap loop on another word.
    String body =
        """
            .reg .u32 %old, %new, %seen;
            .reg .pred %lost;
            .reg .u64 %wide;
            atom.global.add.u32 %old, [%in], 1;
            ld.global.u32 %seen, [%in+4];
        $L__retry:
            add.u32 %new, %seen, 2;
            atom.global.cas.b32 %old, [%in+4], %seen, %new;
            setp.ne.u32 %lost, %old, %seen;
            mov.u32 %seen, %old;
            @%lost bra $L__retry;
            red.global.max.s64 [%in+8], %tid;
            atom.global.or.b32 %old, [%in+16], 0x10;
            cvt.u64.u32 %wide, %old;
        """
            + store("%wide", 0, 1);
    SimModule module = SimModule.parse(SimSnippets.module("", body));
    for (SimLaunch.Options options : new SimLaunch.Options[] {sequential(), INTERLEAVED}) {
      SimMemory global = new SimMemory("global", 0x1000_0000L);
      long out = global.allocate("out", 4 * 96 * 8, false);
      long counters = global.allocate("counters", 24, false);
      SimArguments arguments =
          new SimArguments(module, "snippet").set("out", out).set("in", counters);
      SimLaunch.run(module, arguments, 4, 96, global, options);
      byte[] bytes = global.read(counters, 24);

      assertThat(SimBytes.get(bytes, 0, 4)).as("atom.add count").isEqualTo(384);
      assertThat(SimBytes.get(bytes, 4, 4)).as("compare-and-swap total").isEqualTo(768);
      assertThat(SimBytes.get(bytes, 8, 8)).as("red.max of the thread index").isEqualTo(383);
      assertThat(SimBytes.get(bytes, 16, 4)).as("atom.or result").isEqualTo(0x10);
    }
  }

  @Test
  void sharedMemoryReductionWithBarriers() {
    // Each block sums its threads' indexes in shared memory by halving strides; thread 0 writes.
    String declarations = ".shared .align 8 .u64 partial[128];";
    String body =
        """
            .reg .u32 %t, %stride, %offset;
            .reg .u64 %address, %other, %mine, %base;
            .reg .pred %active, %more, %first;
            mov.u32 %t, %tid.x;
            mov.u64 %base, partial;
            mul.wide.u32 %address, %t, 8;
            add.u64 %address, %address, %base;
            st.shared.u64 [%address], %tid;
            bar.sync 0;
            mov.u32 %stride, 64;
        $L__step:
            setp.lt.u32 %active, %t, %stride;
            @!%active bra $L__skip;
            mul.lo.u32 %offset, %stride, 8;
            cvt.u64.u32 %other, %offset;
            add.u64 %other, %other, %address;
            ld.shared.u64 %other, [%other];
            ld.shared.u64 %mine, [%address];
            add.u64 %mine, %mine, %other;
            st.shared.u64 [%address], %mine;
        $L__skip:
            bar.sync 0;
            shr.u32 %stride, %stride, 1;
            setp.ne.u32 %more, %stride, 0;
            @%more bra $L__step;
            ld.shared.u64 %mine, [%base];
        """
            + store("%mine", 0, 1);
    for (SimLaunch.Options options : new SimLaunch.Options[] {sequential(), INTERLEAVED}) {
      long[] result = SimSnippets.run(declarations, body, 3, 128, 1, options);

      for (int block = 0; block < 3; block++) {
        long first = block * 128L;
        long expected = 128 * first + 127 * 128 / 2;
        for (int t = 0; t < 128; t++) {
          assertThat(result[block * 128 + t])
              .as("block %d thread %d", block, t)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void shuffleInDivergentBranchDeadlocks() {
    String body =
        """
            .reg .u32 %lane, %v;
            .reg .pred %low;
            mov.u32 %lane, %laneid;
            setp.lt.u32 %low, %lane, 16;
            @!%low bra $L__done;
            shfl.sync.idx.b32 %v, %lane, 0, 0x1f, 0xffffffff;
        $L__done:
        """;
    assertThatThrownBy(() -> SimSnippets.run(body, 1, 32, 1, sequential()))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("has exited but is in the member mask");
  }

  @Test
  void barrierAgainstShuffleDeadlocks() {
    String body =
        """
            .reg .u32 %lane, %v;
            .reg .pred %low;
            mov.u32 %lane, %laneid;
            setp.lt.u32 %low, %lane, 16;
            @%low bra $L__shuffle;
            bar.sync 0;
            bra $L__done;
        $L__shuffle:
            shfl.sync.idx.b32 %v, %lane, 0, 0x1f, 0xffffffff;
        $L__done:
        """;
    assertThatThrownBy(() -> SimSnippets.run(body, 1, 32, 1, sequential()))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("deadlock in block 0");
  }

  @Test
  void endlessLoopHitsTheInstructionLimit() {
    String body = "$L__forever:\n    bra $L__forever;\n";
    SimLaunch.Options options = new SimLaunch.Options(1000, null, 100_000);
    assertThatThrownBy(() -> SimSnippets.run(body, 1, 32, 1, options))
        .isInstanceOf(SimException.class)
        .hasMessageContaining("ran more than 100000 instructions");
  }

  private static SimLaunch.Options sequential() {
    return SimLaunch.Options.sequential();
  }
}
