package dev.warpsql.kernels.ptxsim;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One state space of simulated device memory ({@code .global}, {@code .const} or a block's {@code
 * .shared}) as a set of allocations at fixed addresses. Every access is checked: it must lie inside
 * one allocation and be naturally aligned, and a store into an allocation that the host marked
 * read-only fails, so a kernel that writes its inputs or overruns a buffer fails loudly instead of
 * corrupting a neighbour. Allocations are separated by unmapped gaps for the same reason. A load
 * through the read-only path fails when it reads a 4-byte word that a kernel stored to since {@link
 * #beginLaunch()}.
 *
 * <p>Not thread-safe; the interpreter runs one simulated thread at a time.
 */
public final class SimMemory {
  private static final int GAP = 4096;

  /** One allocation: its address range, bytes and access rules. */
  static final class Region {
    final long base;
    final byte[] data;
    final String name;
    final boolean readOnly;

    /** The 4-byte words that kernels stored to in this launch, or null for none. */
    BitSet writtenWords;

    Region(long base, byte[] data, String name, boolean readOnly) {
      this.base = base;
      this.data = data;
      this.name = name;
      this.readOnly = readOnly;
    }

    boolean contains(long address, int size) {
      return address >= base && address - base + size <= data.length;
    }
  }

  private final String space;
  private final List<Region> regions = new ArrayList<>();
  private long nextBase;
  private Region lastHit;

  /** Creates an empty state space whose first allocation starts at {@code firstAddress}. */
  public SimMemory(String space, long firstAddress) {
    this.space = space;
    this.nextBase = firstAddress;
  }

  /**
   * Allocates {@code size} zeroed bytes aligned to 256 bytes and returns the address. A read-only
   * allocation may be written by the host through {@link #write} but not by a kernel.
   */
  public long allocate(String name, int size, boolean readOnly) {
    long base = nextBase;
    Region region = new Region(base, new byte[size], name, readOnly);
    regions.add(region);
    nextBase = (base + Math.max(size, 1) + GAP + 255) & ~255L;
    return base;
  }

  /** Allocates a copy of {@code bytes} and returns its address. */
  public long allocate(String name, byte[] bytes, boolean readOnly) {
    long address = allocate(name, bytes.length, readOnly);
    write(address, bytes);
    return address;
  }

  /**
   * Frees the allocation that starts at {@code address}. Its addresses are not reused, so a kernel
   * that reads a freed buffer fails.
   */
  public void free(long address) {
    Region region = find(address, 0);
    if (region == null || region.base != address) {
      throw new SimException("no allocation starts at 0x" + Long.toHexString(address));
    }
    regions.remove(region);
    lastHit = null;
  }

  /** Forgets which words kernels wrote, as a new launch begins. */
  public void beginLaunch() {
    for (Region region : regions) {
      region.writtenWords = null;
    }
  }

  /** Copies {@code bytes} into memory at {@code address} from the host side. */
  public void write(long address, byte[] bytes) {
    Region region = find(address, bytes.length);
    if (region == null) {
      throw new SimException(
          "host write of "
              + bytes.length
              + " bytes at 0x"
              + Long.toHexString(address)
              + " in "
              + space
              + " memory is outside every allocation");
    }
    System.arraycopy(bytes, 0, region.data, (int) (address - region.base), bytes.length);
  }

  /** Returns a copy of {@code size} bytes at {@code address}, from the host side. */
  public byte[] read(long address, int size) {
    Region region = find(address, size);
    if (region == null) {
      throw new SimException(
          "host read of "
              + size
              + " bytes at 0x"
              + Long.toHexString(address)
              + " in "
              + space
              + " memory is outside every allocation");
    }
    byte[] copy = new byte[size];
    System.arraycopy(region.data, (int) (address - region.base), copy, 0, size);
    return copy;
  }

  /** Returns the size of the allocation at {@code base}. */
  public int sizeOf(long base) {
    Region region = find(base, 0);
    if (region == null || region.base != base) {
      throw new SimException("no allocation starts at 0x" + Long.toHexString(base));
    }
    return region.data.length;
  }

  /** Loads {@code size} bytes, zero-extended, for the instruction {@code at}. */
  long load(long address, int size, SimInstruction at) {
    Region region = access(address, size, at);
    return SimBytes.get(region.data, (int) (address - region.base), size);
  }

  /**
   * Loads through the non-coherent read-only path ({@code ld.global.nc}), which the kernel may use
   * only for data that no thread writes during the launch.
   */
  long loadReadOnly(long address, int size, SimInstruction at) {
    Region region = access(address, size, at);
    long offset = address - region.base;
    if (region.writtenWords != null
        && region
                .writtenWords
                .get((int) (offset >> 2), (int) ((offset + size + 3) >> 2))
                .cardinality()
            > 0) {
      throw at.fail(
          "ld.global.nc reads offset "
              + offset
              + " of "
              + region.name
              + ", which this launch has written; the read-only data path may return stale values");
    }
    return SimBytes.get(region.data, (int) (address - region.base), size);
  }

  /** Stores the low {@code size} bytes of {@code value}. */
  void store(long address, int size, long value, SimInstruction at) {
    Region region = writableRegion(address, size, at);
    SimBytes.put(region.data, (int) (address - region.base), size, value);
  }

  /** Returns the region of a kernel store or atomic, marking it written. */
  Region writableRegion(long address, int size, SimInstruction at) {
    Region region = access(address, size, at);
    if (region.readOnly) {
      throw at.fail(
          "store of "
              + size
              + " bytes into read-only "
              + region.name
              + " at offset "
              + (address - region.base));
    }
    long offset = address - region.base;
    if (region.writtenWords == null) {
      region.writtenWords = new BitSet();
    }
    region.writtenWords.set((int) (offset >> 2), (int) ((offset + size + 3) >> 2));
    return region;
  }

  private Region access(long address, int size, SimInstruction at) {
    if ((address & (size - 1)) != 0) {
      throw at.fail(
          "misaligned "
              + size
              + "-byte access at 0x"
              + Long.toHexString(address)
              + " in "
              + space
              + " memory");
    }
    Region region = find(address, size);
    if (region == null) {
      throw at.fail(
          "access of "
              + size
              + " bytes at 0x"
              + Long.toHexString(address)
              + " is outside every "
              + space
              + " allocation"
              + nearest(address));
    }
    return region;
  }

  private Region find(long address, int size) {
    Region last = lastHit;
    if (last != null && last.contains(address, size)) {
      return last;
    }
    // Allocation addresses only grow, so the list is sorted by base.
    int low = 0;
    int high = regions.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      Region region = regions.get(middle);
      if (region.base <= address) {
        if (region.contains(address, size)) {
          lastHit = region;
          return region;
        }
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return null;
  }

  private String nearest(long address) {
    Region best = null;
    for (Region region : regions) {
      if (region.base <= address && (best == null || region.base > best.base)) {
        best = region;
      }
    }
    if (best == null) {
      return "";
    }
    return " ("
        + (address - best.base)
        + " bytes past the start of "
        + best.name
        + ", which has "
        + best.data.length
        + " bytes)";
  }
}
