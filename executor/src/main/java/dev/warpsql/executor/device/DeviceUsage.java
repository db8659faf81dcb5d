package dev.warpsql.executor.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of where the pipelines of one execution ran: the count that ran on the device, and
 * each fallback to the CPU with its reason, so that a fallback is counted and reported instead of
 * silent. Thread-safe.
 */
public final class DeviceUsage {
  private int devicePipelines;
  private final List<String> fallbacks = new ArrayList<>();

  /** Counts a pipeline that ran on the device. */
  public synchronized void ranOnDevice() {
    devicePipelines++;
  }

  /** Records a pipeline that the device could not run and the CPU ran instead. */
  public synchronized void fellBack(String pipeline, String reason) {
    fallbacks.add(pipeline + " (" + reason + ")");
  }

  public synchronized int devicePipelines() {
    return devicePipelines;
  }

  /** Returns the fallbacks in order, each as {@code pipeline (reason)}. */
  public synchronized List<String> fallbacks() {
    return List.copyOf(fallbacks);
  }
}
