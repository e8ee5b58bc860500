package io.jlns.server;

import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.config.LocalPool;
import io.jlns.ip.TunDevice;
import io.jlns.ip.UserspaceRouter;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernel mode of IP delivery: a TUN device joins the clients to the host's network stack, with a
 * route for every pool range through it (removed with the device when jlns stops).
 */
final class KernelMode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("jlns");
  private final TunDevice tun;

  /** The router delivers each packet from the host on its client's own loop, straight from the device's thread. */
  KernelMode(String name, Config config, UserspaceRouter router) throws IOException {
    tun = TunDevice.open(name, bytes -> router.fromKernel(Unpooled.wrappedBuffer(bytes)));
    router.kernel(buf -> {
      byte[] b = new byte[buf.readableBytes()];
      buf.readBytes(b);
      buf.release();
      tun.write(b, b.length);
    });
    ip("link", "set", tun.name(), "up");
    List<String> routes = new ArrayList<>();
    for (LocalPool p : config.pools().values()) {
      for (LocalPool.Range r : p.ranges()) {
        for (String cidr : cidrs(r.start(), r.end())) {
          ip("route", "replace", cidr, "dev", tun.name());
          routes.add(cidr);
        }
      }
    }
    LOG.info("%IP-6-KERNEL: clients' traffic reaches this host through {}; routes {}", tun.name(), routes);
  }

  /** The fewest CIDR blocks covering start..end exactly. */
  static List<String> cidrs(Ipv4Address start, Ipv4Address end) {
    List<String> out = new ArrayList<>();
    long a = start.unsigned();
    long b = end.unsigned();
    while (a <= b) {
      int len = 32;
      while (len > 0) {
        long size = 1L << (32 - (len - 1));
        if ((a & (size - 1)) != 0 || a + size - 1 > b) {
          break;
        }
        len--;
      }
      out.add(new Ipv4Address((int) a) + "/" + len);
      a += 1L << (32 - len);
    }
    return out;
  }

  private static void ip(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  @Override
  public void close() {
    tun.close();
  }
}
