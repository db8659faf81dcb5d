package dev.warpsql.executor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StringDictionaryTest {
  @Test
  void encodeAssignsDenseCodes() {
    StringDictionary dictionary = new StringDictionary();
    assertThat(dictionary.encode("b")).isZero();
    assertThat(dictionary.encode("a")).isEqualTo(1);
    assertThat(dictionary.encode("b")).isZero();
    assertThat(dictionary.encode("")).isEqualTo(2);
    assertThat(dictionary.size()).isEqualTo(3);
    assertThat(dictionary.value(1)).isEqualTo("a");
    assertThat(dictionary.lookup("")).isEqualTo(2);
    assertThat(dictionary.lookup("missing")).isEqualTo(-1);
    assertThatThrownBy(() -> dictionary.value(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void dictionariesHaveDistinctIds() {
    assertThat(new StringDictionary().id()).isNotEqualTo(new StringDictionary().id());
  }

  @Test
  void concurrentEncodeKeepsCodesDenseAndUnique() throws Exception {
    StringDictionary dictionary = new StringDictionary();
    int threads = 8;
    int valuesPerThread = 20_000;
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<int[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t * (valuesPerThread / 2);
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  int[] codes = new int[valuesPerThread];
                  for (int i = 0; i < valuesPerThread; i++) {
                    codes[i] = dictionary.encode("v" + (offset + i));
                  }
                  return codes;
                }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        int[] codes = futures.get(t).get(60, TimeUnit.SECONDS);
        int offset = t * (valuesPerThread / 2);
        for (int i = 0; i < valuesPerThread; i++) {
          assertThat(dictionary.value(codes[i])).isEqualTo("v" + (offset + i));
        }
      }
    } finally {
      executor.shutdownNow();
    }
    int distinct = (threads + 1) * (valuesPerThread / 2);
    assertThat(dictionary.size()).isEqualTo(distinct);
    Set<String> seen = new HashSet<>();
    for (int code = 0; code < distinct; code++) {
      String value = dictionary.value(code);
      assertThat(seen.add(value)).as("code %d holds a repeated value", code).isTrue();
      assertThat(dictionary.lookup(value)).isEqualTo(code);
    }
  }

  @Test
  void readersSeePrefixDuringEncode() throws Exception {
    StringDictionary dictionary = new StringDictionary();
    AtomicBoolean done = new AtomicBoolean();
    List<String> problems = new ArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                int size = dictionary.size();
                if (size > 0 && !dictionary.value(size - 1).equals("s" + (size - 1))) {
                  synchronized (problems) {
                    problems.add("code " + (size - 1) + " read as " + dictionary.value(size - 1));
                  }
                }
              }
            });
    reader.start();
    for (int i = 0; i < 200_000; i++) {
      dictionary.encode("s" + i);
    }
    done.set(true);
    reader.join(60_000);
    assertThat(problems).isEmpty();
    assertThat(dictionary.size()).isEqualTo(200_000);
  }
}
