package dev.warpsql.planner.exec;

import java.util.Locale;

/** The values of the connection property {@code device}, which chooses where pipelines run. */
public enum DeviceChoice {
  /** A GPU when the CUDA driver loads and finds one, otherwise the CPU. */
  AUTO("auto"),
  /** A GPU, or an error when there is none. */
  GPU("gpu"),
  /** The CPU backend only. */
  CPU("cpu"),
  /** The PTX interpreter of the kernels module's test jar, for tests. */
  PTX_SIM("ptx-sim");

  private final String value;

  DeviceChoice(String value) {
    this.value = value;
  }

  /** Returns the property value, such as {@code ptx-sim}. */
  public String value() {
    return value;
  }

  /**
   * Returns the choice for a property value, ignoring case.
   *
   * @throws IllegalArgumentException for any other value
   */
  public static DeviceChoice parse(String value) {
    String folded = value.toLowerCase(Locale.ROOT);
    for (DeviceChoice choice : values()) {
      if (choice.value.equals(folded)) {
        return choice;
      }
    }
    throw new IllegalArgumentException(
        "invalid device '" + value + "': use auto, cpu, gpu or ptx-sim");
  }
}
