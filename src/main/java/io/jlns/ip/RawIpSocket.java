package io.jlns.ip;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import java.io.IOException;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Linux raw IPv4 socket for one IP protocol (ESP is 50), opened through JNA: the JDK has no raw
 * sockets. Bound to one local address, it receives that protocol's packets addressed to it (with
 * their IPv4 header, as Linux gives raw sockets) and sends from it (the kernel adds the header).
 * Receiving protocol 50 on a raw socket needs no ESP support in the kernel: raw delivery comes
 * first, and a host without an ESP handler sends no ICMP unreachable while the socket exists.
 *
 * <p>One daemon thread blocks in {@code recv} (waking at least once a second to notice a close) and
 * hands each packet to the consumer; {@link #send} is meant for one thread (the event loop): it
 * reuses one native buffer and one address structure.
 */
public final class RawIpSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.ip");
  private static final int AF_INET = 2;
  private static final int SOCK_RAW = 3;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;
  private static final int SO_RCVBUF = 8;
  private static final int EAGAIN = 11;
  private static final int EINTR = 4;
  private static final int MAX = 65535;

  /** Receives one packet: the whole IPv4 datagram, header included, in {@code packet[0..length)}. */
  @FunctionalInterface
  public interface Receiver {
    void packet(byte[] packet, int length);
  }

  /** The few libc calls a raw socket needs. */
  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

    long recv(int fd, byte[] buf, long length, int flags) throws LastErrorException;

    long sendto(int fd, Memory buf, long length, int flags, byte[] to, int toLength) throws LastErrorException;

    int shutdown(int fd, int how);

    int close(int fd) throws LastErrorException;
  }

  private final LibC libc;
  private final int fd;
  private final int protocol;
  private final InetAddress local;
  private final Memory out = new Memory(MAX);
  private final byte[] to = sockaddr(new byte[4]);
  private volatile boolean open = true;
  private final Thread reader;

  private RawIpSocket(LibC libc, int fd, int protocol, InetAddress local, Receiver receiver) {
    this.libc = libc;
    this.fd = fd;
    this.protocol = protocol;
    this.local = local;
    this.reader = new Thread(() -> readLoop(receiver), "raw-" + protocol + "-" + local.getHostAddress());
    reader.setDaemon(true);
  }

  /**
   * Opens a raw socket for {@code protocol} bound to {@code local} (needs CAP_NET_RAW) and starts
   * handing what it receives to {@code receiver}, on the socket's own thread.
   */
  public static RawIpSocket open(int protocol, InetAddress local, Receiver receiver) throws IOException {
    byte[] address = local.getAddress();
    if (address.length != 4) {
      throw new IOException("raw sockets are IPv4 only here: " + local.getHostAddress());
    }
    LibC libc = Libc.load(LibC.class);
    int fd;
    try {
      fd = libc.socket(AF_INET, SOCK_RAW, protocol);
    } catch (LastErrorException e) {
      throw new IOException("cannot open a raw socket for IP protocol " + protocol + " (errno " + e.getErrorCode()
          + (e.getErrorCode() == 1 ? ": needs root or CAP_NET_RAW" : "") + ")", e);
    }
    try {
      byte[] sa = sockaddr(address);
      libc.bind(fd, sa, sa.length);
      // One second: the reader notices a close within that time.
      libc.setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeval(1), 16);
      libc.setsockopt(fd, SOL_SOCKET, SO_RCVBUF, littleEndian(4 << 20), 4);
    } catch (LastErrorException e) {
      libc.close(fd);
      throw new IOException("cannot bind a raw socket for IP protocol " + protocol + " to " + local.getHostAddress()
          + " (errno " + e.getErrorCode() + ")", e);
    }
    RawIpSocket s = new RawIpSocket(libc, fd, protocol, local, receiver);
    s.reader.start();
    return s;
  }

  public InetAddress local() {
    return local;
  }

  /**
   * Sends {@code a[off..off+len)} as the payload of one IPv4 packet of this protocol to {@code
   * destination} (4 bytes); false when the kernel refused it (logged).
   */
  public synchronized boolean send(byte[] a, int off, int len, byte[] destination) {
    if (len > MAX - 20) {
      return false;
    }
    out.write(0, a, off, len);
    System.arraycopy(destination, 0, to, 4, 4);
    try {
      libc.sendto(fd, out, len, 0, to, to.length);
      return true;
    } catch (LastErrorException e) {
      LOG.warn("%IP-4-RAW: sending a {}-byte protocol {} packet from {} failed (errno {})", len, protocol, local.getHostAddress(),
          e.getErrorCode());
      return false;
    }
  }

  private void readLoop(Receiver receiver) {
    byte[] buf = new byte[MAX];
    while (open) {
      long n;
      try {
        n = libc.recv(fd, buf, buf.length, 0);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EAGAIN || e.getErrorCode() == EINTR) {
          continue;
        }
        if (open) {
          LOG.warn("%IP-4-RAW: receiving protocol {} on {} failed (errno {}); no more such packets", protocol,
              local.getHostAddress(), e.getErrorCode());
        }
        return;
      }
      if (n > 0) {
        try {
          receiver.packet(buf, (int) n);
        } catch (RuntimeException e) {
          LOG.warn("%IP-4-RAW: a protocol {} packet was not handled: {}", protocol, e.toString());
        }
      }
    }
  }

  /** struct sockaddr_in: family in host (little-endian) order, port 0, the address. */
  private static byte[] sockaddr(byte[] address) {
    byte[] sa = new byte[16];
    sa[0] = AF_INET;
    System.arraycopy(address, 0, sa, 4, 4);
    return sa;
  }

  /** struct timeval on x86-64 and arm64: two little-endian longs. */
  private static byte[] timeval(long seconds) {
    byte[] tv = new byte[16];
    for (int i = 0; i < 8; i++) {
      tv[i] = (byte) (seconds >>> (8 * i));
    }
    return tv;
  }

  private static byte[] littleEndian(int v) {
    return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
  }

  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    // Wakes a reader blocked in recv (Linux marks even an unconnected socket shut down; the call
    // itself says ENOTCONN); else the receive timeout ends its wait within a second.
    libc.shutdown(fd, 2);
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    libc.close(fd);
  }
}
