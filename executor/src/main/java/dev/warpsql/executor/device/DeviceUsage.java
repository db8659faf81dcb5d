package dev.warpsql.executor.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The record of where the pipelines and sorts of one execution ran. It counts those that ran on the
 * device and keeps each fallback to the CPU with its reason, so that a fallback is counted and
 * reported instead of silent. Thread-safe.
 */
public final class DeviceUsage {
  private int devicePipelines;
  private int deviceSorts;
  private final List<String> fallbacks = new ArrayList<>();

  /** Counts a pipeline that ran on the device. */
  public synchronized void ranOnDevice() {
    devicePipelines++;
  }

  /** Counts an ORDER BY that the device sorted. */
  public synchronized void sortedOnDevice() {
    deviceSorts++;
  }

  /** Returns how many ORDER BY sorts ran on the device. */
  public synchronized int deviceSorts() {
    return deviceSorts;
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
