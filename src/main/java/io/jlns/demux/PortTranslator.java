package io.jlns.demux;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The NAT demux port translator of IOS's "L2TP IPsec Support for NAT and PAT Windows Clients":
 * behind one NAT every client's L2TP comes from public-ip:1701, so each client (its NAT-T
 * endpoint: public address and UDP port) is given a port of its own, the lowest free one from
 * 1024 up on that public address. Every SA of the client (rekeys, a new phase 1 from the same
 * endpoint) shares the port, which is freed when the client's last SA is gone. L2TP then sees
 * public-ip:port, one peer per client. One translator belongs to one event loop and holds the
 * clients that loop owns; the port numbers come from a {@link PortSpace} all loops share.
 */
public final class PortTranslator {
  public static final int FIRST_PORT = 1024;
  public static final int LAST_PORT = 65535;

  /** One client behind a NAT: its endpoint, its port, its SAs (by our inbound SPI), its own L2TP source port. */
  public static final class Client {
    private InetSocketAddress endpoint;
    private final int port;
    private final InetSocketAddress translated;
    private final Set<Integer> sas = new HashSet<>();
    private int innerPort = 1701;
    private int newest;

    Client(InetSocketAddress endpoint, int port) {
      this.endpoint = endpoint;
      this.port = port;
      this.translated = new InetSocketAddress(endpoint.getAddress(), port);
    }

    public InetSocketAddress endpoint() {
      return endpoint;
    }

    public int port() {
      return port;
    }

    public Set<Integer> sas() {
      return Set.copyOf(sas);
    }

    /** The UDP source port of the client's L2TP (1701 for Windows; ephemeral for macOS). */
    public int innerPort() {
      return innerPort;
    }

    public void innerPort(int p) {
      innerPort = p;
    }

    /** The SA replies go out on: the newest (after a rekey, the new one). */
    public int newestSpi() {
      return newest;
    }

    /** How L2TP knows this client: public address and translated port (a mapping move keeps the address). */
    public InetSocketAddress translated() {
      return translated;
    }
  }

  private final Map<InetSocketAddress, Client> byEndpoint = new HashMap<>();
  private final PortSpace ports;
  private final Map<InetSocketAddress, Client> byTranslated = new HashMap<>();
  private final Map<Integer, Client> bySpi = new HashMap<>();

  /** A translator with a port space of its own (one loop, or a test). */
  public PortTranslator() {
    this(new PortSpace());
  }

  public PortTranslator(PortSpace ports) {
    this.ports = ports;
  }

  /**
   * Adds SA {@code spi} of the client at {@code endpoint}: its port, new or the one it has, or -1
   * when all 64512 ports of that public address are taken.
   */
  public int acquire(InetSocketAddress endpoint, int spi) {
    Client c = byEndpoint.get(endpoint);
    if (c == null) {
      int port = ports.take(endpoint.getAddress());
      if (port < 0) {
        return -1;
      }
      c = new Client(endpoint, port);
      byEndpoint.put(endpoint, c);
      byTranslated.put(c.translated(), c);
    }
    if (c.sas.isEmpty()) {
      c.newest = spi;
    }
    c.sas.add(spi);
    bySpi.put(spi, c);
    return c.port;
  }

  /** Removes SA {@code spi}; returns the client if that was its last SA (its port is then free). */
  public Client release(int spi) {
    Client c = bySpi.remove(spi);
    if (c == null || !c.sas.remove(spi)) {
      return null;
    }
    if (!c.sas.isEmpty()) {
      if (c.newest == spi) {
        c.newest = c.sas.iterator().next();
      }
      return null;
    }
    byEndpoint.remove(c.endpoint);
    byTranslated.remove(c.translated());
    ports.give(c.endpoint.getAddress(), c.port);
    return c;
  }

  /** SA {@code spi} is ready to carry replies: from now on it is its client's newest. */
  public void promote(int spi) {
    Client c = bySpi.get(spi);
    if (c != null) {
      c.newest = spi;
    }
  }

  /** The client SA {@code spi} belongs to, or null. */
  public Client bySpi(int spi) {
    return bySpi.get(spi);
  }

  /** The client's NAT mapping changed (RFC 3948 section 4): same client, same port, new endpoint. */
  public void move(InetSocketAddress from, InetSocketAddress to) {
    Client c = byEndpoint.get(from);
    if (c == null || byEndpoint.containsKey(to) || !from.getAddress().equals(to.getAddress())) {
      return;
    }
    byEndpoint.remove(from);
    c.endpoint = to;
    byEndpoint.put(to, c);
  }

  public Client byEndpoint(InetSocketAddress endpoint) {
    return byEndpoint.get(endpoint);
  }

  /** The client that L2TP knows as {@code translated} (public address and translated port), or null. */
  public Client byTranslated(InetSocketAddress translated) {
    return byTranslated.get(translated);
  }

  public List<Client> clients() {
    List<Client> out = new ArrayList<>(byEndpoint.values());
    out.sort((a, b) -> a.endpoint.getAddress().getHostAddress().equals(b.endpoint.getAddress().getHostAddress())
        ? Integer.compare(a.port, b.port) : a.endpoint.getAddress().getHostAddress().compareTo(b.endpoint.getAddress().getHostAddress()));
    return out;
  }
}
