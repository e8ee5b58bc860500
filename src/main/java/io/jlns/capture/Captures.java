package io.jlns.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Every {@code monitor capture} of the server, and the hooks the packet path calls. While no
 * capture is active the hooks cost one volatile read ({@link #on}); an active one copies each
 * outer packet it takes (IKE on UDP 500 and 4500, ESP in UDP or over IP) with an IPv4 header
 * rebuilt from the socket's addresses, from any event loop.
 */
public final class Captures {
  private final Map<String, PacketCapture> all = new TreeMap<>();
  private volatile PacketCapture[] active = new PacketCapture[0];
  private final LongSupplier micros;
  private final Consumer<String> log;
  private final AtomicInteger ipId = new AtomicInteger();
  private volatile Supplier<Map<Long, byte[]>> liveIke = Map::of;

  /** @param micros the wall clock in microseconds since the epoch; @param log receives IOS log lines */
  public Captures(LongSupplier micros, Consumer<String> log) {
    this.micros = micros;
    this.log = log;
  }

  /** Where the phase 1 keys of the ISAKMP SAs alive now come from (read on each loop). */
  public void liveIkeKeys(Supplier<Map<Long, byte[]>> s) {
    liveIke = s;
  }

  public boolean on() {
    return active.length > 0;
  }

  /** A UDP datagram's payload {@code a[off..off+len)} received on or sent from {@code local}. */
  public void udp(boolean inbound, InetSocketAddress local, InetSocketAddress remote, byte[] a, int off, int len) {
    InetSocketAddress src = inbound ? remote : local;
    InetSocketAddress dst = inbound ? local : remote;
    byte[] s = src.getAddress().getAddress();
    byte[] d = dst.getAddress().getAddress();
    if (s.length == 4 && d.length == 4) {
      take(new Frame(micros.getAsLong(), inbound, Frame.ipv4(s, src.getPort(), d, dst.getPort(), 17, a, off, len,
          ipId.incrementAndGet())));
    }
  }

  /** ESP straight over IP (protocol 50) sent from {@code local} to {@code peer}. */
  public void espSent(InetAddress local, byte[] peer, byte[] a, int off, int len) {
    byte[] s = local.getAddress();
    if (s.length == 4 && peer.length == 4) {
      take(new Frame(micros.getAsLong(), false, Frame.ipv4(s, 0, peer, 0, 50, a, off, len, ipId.incrementAndGet())));
    }
  }

  /** A whole IPv4 packet as a raw socket received it. */
  public void ipReceived(byte[] ip) {
    if (ip.length >= 20 && (ip[0] & 0xF0) == 0x40) {
      take(new Frame(micros.getAsLong(), true, ip.clone()));
    }
  }

  /** An ESP SA whose packet was just taken or sent: the active captures that have not got its keys ask for them once. */
  public void sa(int spi, Supplier<List<KeyTables.EspKey>> keys) {
    for (PacketCapture c : active) {
      if (c.wantsKeys(spi)) {
        c.keys(spi, keys.get());
      }
    }
  }

  /** An ISAKMP message of the SA with these cookies was taken or sent: active captures keep its phase 1 key once it has one. */
  public void ikeSa(long icookie, Supplier<byte[]> key) {
    for (PacketCapture c : active) {
      if (c.wantsIkeKey(icookie)) {
        byte[] k = key.get();
        if (k != null) {
          c.ikeKeys(Map.of(icookie, k));
        }
      }
    }
  }

  private void take(Frame f) {
    for (PacketCapture c : active) {
      if (!c.offer(f)) {
        synchronized (this) {
          if (c.state == PacketCapture.State.ACTIVE) {
            c.state = PacketCapture.State.INACTIVE;
            refresh();
            log.accept("%BUFCAP-6-DISABLE_ASYNC: Capture Point " + c.name + " disabled. Reason : Buffer full");
          }
        }
      }
    }
  }

  private void refresh() {
    active = all.values().stream().filter(c -> c.state == PacketCapture.State.ACTIVE).toArray(PacketCapture[]::new);
  }

  private PacketCapture get(String name) {
    PacketCapture c = all.get(name);
    if (c == null) {
      throw new IllegalArgumentException("Capture point " + name + " does not exist");
    }
    return c;
  }

  private PacketCapture make(String name) {
    return all.computeIfAbsent(name, PacketCapture::new);
  }

  public synchronized void attach(String name, String attachment, PacketCapture.Direction direction) {
    PacketCapture c = make(name);
    c.attachment = attachment;
    c.direction = direction;
  }

  public synchronized void match(String name, CaptureMatch m) {
    make(name).match = m;
  }

  public synchronized void buffer(String name, Integer megabytes, boolean circular) {
    PacketCapture c = make(name);
    if (megabytes != null) {
      c.bufferBytes = megabytes * 1024L * 1024L;
    }
    c.circular = circular || c.circular && megabytes != null;
  }

  public synchronized void limitPackets(String name, long n) {
    make(name).limitPackets = n;
  }

  public synchronized void start(String name) {
    PacketCapture c = get(name);
    if (c.attachment == null) {
      throw new IllegalArgumentException("Capture point " + name + " has no attachment point: monitor capture " + name
          + " interface IF both (or control-plane both)");
    }
    if (c.match == null) {
      throw new IllegalArgumentException("Capture point " + name + " needs a filter: monitor capture " + name
          + " match any (or match ipv4 host A any)");
    }
    if (c.state != PacketCapture.State.ACTIVE) {
      c.state = PacketCapture.State.ACTIVE;
      refresh();
      log.accept("%BUFCAP-6-ENABLE: Capture Point " + name + " enabled.");
    }
  }

  public synchronized void stop(String name) {
    PacketCapture c = get(name);
    if (c.state == PacketCapture.State.ACTIVE) {
      c.ikeKeys(liveIke.get());
      c.state = PacketCapture.State.INACTIVE;
      refresh();
      log.accept("%BUFCAP-6-DISABLE: Capture Point " + name + " disabled.");
    }
  }

  public synchronized void clear(String name) {
    get(name).clear();
  }

  public synchronized void delete(String name) {
    PacketCapture c = all.remove(get(name).name);
    c.state = PacketCapture.State.INACTIVE;
    refresh();
  }

  /** {@code monitor capture NAME export FILE}: pcapng, 0600; returns the number of packets written. */
  public int export(String name, Path file) throws IOException {
    PacketCapture c;
    synchronized (this) {
      c = get(name);
    }
    List<Frame> frames = c.frames();
    byte[] data = Pcapng.write(c.attachment == null ? "jlns" : c.attachment, "jlns monitor capture " + name, frames);
    KeyTables.writePrivate(file, data);
    return frames.size();
  }

  /**
   * {@code monitor capture NAME export-keys DIRECTORY} (jlns): the keys of the ESP SAs whose packets
   * the capture holds, and of the ISAKMP SAs alive when it stopped or now, as Wireshark's tables.
   */
  public List<Path> exportKeys(String name, Path dir) throws IOException {
    PacketCapture c;
    synchronized (this) {
      c = get(name);
    }
    c.ikeKeys(liveIke.get());
    List<KeyTables.EspKey> esp = c.espKeys();
    Map<Long, byte[]> ike = c.ikeKeys();
    List<Path> files = KeyTables.write(dir, esp, ike);
    log.accept("%BUFCAP-4-KEYS_EXPORTED: keys of " + esp.size() + " ESP SA direction(s) and " + ike.size()
        + " ISAKMP SA(s) of capture " + name + " written to " + dir + ": whoever reads them can decrypt these clients' traffic");
    return files;
  }

  public synchronized String show(String name) {
    if (name != null) {
      return get(name).show();
    }
    StringBuilder b = new StringBuilder();
    all.values().forEach(c -> b.append(c.show()).append('\n'));
    return b.toString();
  }

  public synchronized String brief(String name) {
    return get(name).brief();
  }
}
