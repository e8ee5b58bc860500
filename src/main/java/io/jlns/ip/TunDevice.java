package io.jlns.ip;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Linux TUN device (IFF_TUN | IFF_NO_PI: bare IPv4 packets), opened through JNA. One thread
 * reads packets from the kernel; writes go straight to the descriptor. The device, and the routes
 * through it, disappear when it is closed.
 */
public final class TunDevice implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.ip");
  private static final int O_RDWR = 2;
  private static final long TUNSETIFF = 0x400454caL;
  private static final short IFF_TUN = 0x0001;
  private static final short IFF_NO_PI = 0x1000;

  /** The few libc calls a TUN device needs. */
  interface LibC extends Library {
    int open(String path, int flags) throws LastErrorException;

    int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

    long read(int fd, byte[] buf, long count) throws LastErrorException;

    long write(int fd, byte[] buf, long count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private final LibC libc;
  private final int fd;
  private final String name;
  private volatile boolean open = true;
  private final Thread reader;

  private TunDevice(LibC libc, int fd, String name, Consumer<byte[]> fromKernel) {
    this.libc = libc;
    this.fd = fd;
    this.name = name;
    this.reader = new Thread(() -> readLoop(fromKernel), "tun-" + name);
    reader.setDaemon(true);
  }

  /** Creates the device {@code name} (needs CAP_NET_ADMIN) and starts reading from it. */
  public static TunDevice open(String name, Consumer<byte[]> fromKernel) throws IOException {
    LibC libc = Libc.load(LibC.class);
    int fd;
    try {
      fd = libc.open("/dev/net/tun", O_RDWR);
    } catch (LastErrorException e) {
      throw new IOException("cannot open /dev/net/tun (errno " + e.getErrorCode() + "); kernel mode needs root", e);
    }
    byte[] ifreq = new byte[40];
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(n, 0, ifreq, 0, Math.min(n.length, 15));
    short flags = (short) (IFF_TUN | IFF_NO_PI);
    ifreq[16] = (byte) flags;
    ifreq[17] = (byte) (flags >> 8);
    try {
      libc.ioctl(fd, TUNSETIFF, ifreq);
    } catch (LastErrorException e) {
      libc.close(fd);
      throw new IOException("TUNSETIFF " + name + " failed (errno " + e.getErrorCode() + ")", e);
    }
    int end = 0;
    while (end < 16 && ifreq[end] != 0) {
      end++;
    }
    TunDevice t = new TunDevice(libc, fd, new String(ifreq, 0, end, StandardCharsets.US_ASCII), fromKernel);
    t.reader.start();
    return t;
  }

  public String name() {
    return name;
  }

  /** Hands one IPv4 packet to the kernel. */
  public void write(byte[] packet, int length) {
    try {
      libc.write(fd, packet, length);
    } catch (LastErrorException e) {
      LOG.warn("%IP-4-TUN: write to {} failed (errno {})", name, e.getErrorCode());
    }
  }

  private void readLoop(Consumer<byte[]> fromKernel) {
    byte[] buf = new byte[65536];
    while (open) {
      long n;
      try {
        n = libc.read(fd, buf, buf.length);
      } catch (LastErrorException e) {
        if (open) {
          LOG.warn("%IP-4-TUN: read from {} failed (errno {})", name, e.getErrorCode());
        }
        return;
      }
      if (n > 0) {
        fromKernel.accept(Arrays.copyOf(buf, (int) n));
      }
    }
  }

  @Override
  public void close() {
    open = false;
    libc.close(fd);
  }
}
