package dev.warpsql.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A one-line description of the machine and JVM, read from /proc on Linux. */
final class MachineInfo {
  private MachineInfo() {}

  /** Returns the CPU model, processors, memory, JDK and maximum heap. */
  static String describe() {
    return String.format(
        Locale.ROOT,
        "machine: %s, %d available processors, %s RAM; JDK %s (%s); max heap %d MB",
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        totalMemory(),
        System.getProperty("java.runtime.version"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  private static String cpuModel() {
    return firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU");
  }

  private static String totalMemory() {
    String kilobytes = firstValue(Path.of("/proc/meminfo"), "MemTotal", null);
    if (kilobytes == null) {
      return "unknown";
    }
    try {
      long kibibytes = Long.parseLong(kilobytes.replace("kB", "").strip());
      return String.format(Locale.ROOT, "%.1f GiB", kibibytes / (1024.0 * 1024.0));
    } catch (NumberFormatException e) {
      return kilobytes;
    }
  }

  /** Returns the value of the first {@code key: value} line with the key, or the fallback. */
  private static String firstValue(Path file, String key, String fallback) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return fallback;
    }
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals(key)) {
        return line.substring(colon + 1).strip();
      }
    }
    return fallback;
  }
}
