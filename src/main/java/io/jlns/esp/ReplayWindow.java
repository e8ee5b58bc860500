package io.jlns.esp;

/**
 * The anti-replay window of RFC 4303 section 3.4.3 (32-bit sequence numbers, no ESN): a bitmap
 * of the last {@code size} sequence numbers below the highest seen. {@link #check} before the
 * ICV is verified, {@link #accept} after, so forged packets cannot move the window.
 */
public final class ReplayWindow {
  private final int size;
  private final long[] bits;
  private long highest;

  public ReplayWindow(int size) {
    this.size = Math.max(32, Math.min(size, 1024));
    this.bits = new long[(this.size + 63) / 64];
  }

  public int size() {
    return size;
  }

  /** True when {@code seq} is new: above the window's floor and not seen yet. */
  public boolean check(long seq) {
    if (seq == 0) {
      return false;
    }
    if (seq > highest) {
      return true;
    }
    long diff = highest - seq;
    if (diff >= size) {
      return false;
    }
    return !get((int) (seq % (bits.length * 64L)));
  }

  /** Records {@code seq} (already checked, and authenticated). */
  public void accept(long seq) {
    if (seq > highest) {
      long shift = seq - highest;
      if (shift >= bits.length * 64L) {
        java.util.Arrays.fill(bits, 0);
      } else {
        for (long s = highest + 1; s < seq; s++) {
          clear((int) (s % (bits.length * 64L)));
        }
      }
      highest = seq;
    }
    set((int) (seq % (bits.length * 64L)));
  }

  public long highest() {
    return highest;
  }

  private boolean get(int i) {
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  private void set(int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  private void clear(int i) {
    bits[i >>> 6] &= ~(1L << (i & 63));
  }
}
