package io.jlns.capture;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code monitor capture NAME}: where it listens, its filter, its buffer and its state, as
 * IOS Embedded Packet Capture has them. Packets come from every event loop, so the buffer is
 * guarded by this object's lock; nothing is taken while the capture is not active. The buffer is
 * bounded in bytes ({@code buffer size MB}, 10 by default as on IOS) and optionally in packets
 * ({@code limit packets N}): a linear buffer stops taking packets when full (the capture stops,
 * as IOS's does), a circular one drops its oldest.
 */
public final class PacketCapture {
  public enum Direction { IN, OUT, BOTH }

  public enum State { INACTIVE, ACTIVE }

  final String name;
  String attachment;
  Direction direction = Direction.BOTH;
  CaptureMatch match;
  long bufferBytes = 10L * 1024 * 1024;
  boolean circular;
  long limitPackets;
  volatile State state = State.INACTIVE;
  private final ArrayDeque<Frame> frames = new ArrayDeque<>();
  private long bytes;
  private long seen;
  private long dropped;
  /** The ESP SAs whose packets it took, by SPI: kept for the key export even after the SA is gone. */
  private final Map<Integer, List<KeyTables.EspKey>> keys = new LinkedHashMap<>();
  private final Map<Long, byte[]> ikeKeys = new LinkedHashMap<>();

  PacketCapture(String name) {
    this.name = name;
  }

  /** Takes a packet if it passes the direction and the filter; false when a linear buffer just filled (stop it). */
  synchronized boolean offer(Frame f) {
    if (state != State.ACTIVE || (f.inbound() ? direction == Direction.OUT : direction == Direction.IN)
        || match == null || !match.matches(f.ip())) {
      return true;
    }
    seen++;
    boolean full = bytes + f.ip().length > bufferBytes || limitPackets > 0 && frames.size() >= limitPackets;
    if (full && !circular) {
      dropped++;
      return false;
    }
    while (full && !frames.isEmpty()) {
      Frame old = frames.removeFirst();
      bytes -= old.ip().length;
      dropped++;
      full = bytes + f.ip().length > bufferBytes || limitPackets > 0 && frames.size() >= limitPackets;
    }
    frames.addLast(f);
    bytes += f.ip().length;
    return true;
  }

  synchronized boolean wantsKeys(int spi) {
    return state == State.ACTIVE && !keys.containsKey(spi);
  }

  synchronized boolean wantsIkeKey(long icookie) {
    return state == State.ACTIVE && !ikeKeys.containsKey(icookie);
  }

  synchronized void keys(int spi, List<KeyTables.EspKey> k) {
    keys.put(spi, k);
  }

  synchronized void ikeKeys(Map<Long, byte[]> live) {
    ikeKeys.putAll(live);
  }

  synchronized List<Frame> frames() {
    return new ArrayList<>(frames);
  }

  synchronized List<KeyTables.EspKey> espKeys() {
    return keys.values().stream().flatMap(List::stream).toList();
  }

  synchronized Map<Long, byte[]> ikeKeys() {
    return new LinkedHashMap<>(ikeKeys);
  }

  synchronized void clear() {
    frames.clear();
    bytes = 0;
    seen = 0;
    dropped = 0;
    keys.clear();
    ikeKeys.clear();
  }

  /** {@code show monitor capture NAME}. */
  synchronized String show() {
    StringBuilder b = new StringBuilder();
    b.append("Status Information for Capture ").append(name).append('\n');
    b.append("  Target Type:\n");
    b.append("   ").append(attachment == null ? "No attachment point" : attachment).append(", Direction: ")
        .append(direction.name()).append('\n');
    b.append("   Status : ").append(state == State.ACTIVE ? "Active" : "Inactive").append('\n');
    b.append("  Filter Details:\n   ").append(match == null ? "No filter attached" : match.text()).append('\n');
    b.append("  Buffer Details:\n   Buffer Type: ").append(circular ? "CIRCULAR" : "LINEAR (default)").append('\n');
    b.append("   Buffer Size (in MB): ").append(bufferBytes / (1024 * 1024)).append('\n');
    b.append("  Limit Details:\n   Number of Packets to capture: ").append(limitPackets == 0 ? "0 (no limit)" : limitPackets)
        .append('\n');
    b.append("  Statistics:\n   Packets captured: ").append(frames.size()).append(" (").append(bytes).append(" bytes), matched: ")
        .append(seen).append(", dropped (buffer full): ").append(dropped).append('\n');
    b.append("   ESP SAs seen: ").append(keys.size()).append('\n');
    return b.toString();
  }

  /** {@code show monitor capture NAME buffer brief}: one line per packet, as IOS lists its buffer. */
  synchronized String brief() {
    StringBuilder b = new StringBuilder(" ----------------------------------------------------------------\n"
        + "   #   size   timestamp     source             destination      protocol\n"
        + " ----------------------------------------------------------------\n");
    long first = frames.isEmpty() ? 0 : frames.peekFirst().micros();
    int i = 0;
    for (Frame f : frames) {
      byte[] p = f.ip();
      String proto = (p[9] & 0xFF) == 50 ? "ESP" : (p[9] & 0xFF) == 17 ? "UDP " + ((p[22] & 0xFF) << 8 | p[23] & 0xFF) : "IP";
      b.append(String.format("%4d %6d %12.6f   %-18s ->  %-16s %s%n", i++, p.length, (f.micros() - first) / 1e6,
          addr(p, 12), addr(p, 16), proto));
    }
    return b.toString();
  }

  private static String addr(byte[] p, int at) {
    return (p[at] & 0xFF) + "." + (p[at + 1] & 0xFF) + "." + (p[at + 2] & 0xFF) + "." + (p[at + 3] & 0xFF);
  }
}
