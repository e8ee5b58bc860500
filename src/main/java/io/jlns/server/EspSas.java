package io.jlns.server;

import io.jlns.debug.Debug;
import io.jlns.crypto.EspIntegrity;
import io.jlns.demux.PortTranslator;
import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import io.jlns.esp.SpiTable;
import io.jlns.ike.ChildSa;
import io.jlns.ike.IkeResponder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Quick Mode puts the SA pairs it negotiates: the SPI table of the ESP path, the NAT demux
 * port of the client, and the checks that the way the pair was negotiated (ESP in UDP, or over IP
 * protocol 50) can be carried here. Runs on the event loop.
 */
final class EspSas implements IkeResponder.ChildSas {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.esp");
  private final SpiTable table;
  private final PortTranslator demux;
  private final PlainEsp plain;
  private final L2tpRuntime l2tp;
  private final SecureRandom random;
  private final Set<String> warnedShared = new HashSet<>();
  /** Inbound SPIs of every loop, to the shard that owns each (SPIs are unique in the server). */
  private final Map<Integer, Shard> owners;
  private final Supplier<Shard> self;

  private final Map<InetAddress, Shared.Newest> newest;

  EspSas(SpiTable table, PortTranslator demux, PlainEsp plain, L2tpRuntime l2tp, SecureRandom random, Map<Integer, Shard> owners,
      Map<InetAddress, Shared.Newest> newest, Supplier<Shard> self) {
    this.owners = owners;
    this.newest = newest;
    this.self = self;
    this.table = table;
    this.demux = demux;
    this.plain = plain;
    this.l2tp = l2tp;
    this.random = random;
  }

  @Override
  public boolean spiInUse(int spi) {
    return owners.containsKey(spi);
  }

  @Override
  public boolean install(ChildSa c) {
    if (owners.putIfAbsent(c.inboundSpi(), self.get()) != null) {
      // Another loop took the same random SPI a moment ago: this Quick Mode fails, the peer retries.
      LOG.warn("%CRYPTO-4-SPI_TAKEN: inbound SPI 0x{} for {} is another SA's: this SA is refused",
          String.format("%08X", c.inboundSpi()), IkeResponder.text(c.peer()));
      return false;
    }
    if (!installHere(c)) {
      owners.remove(c.inboundSpi());
      return false;
    }
    return true;
  }

  private boolean installHere(ChildSa c) {
    if (c.suite().natDemux() && c.suite().udpEncapsulated()) {
      boolean fresh = demux.byEndpoint(c.peer()) == null;
      int port = demux.acquire(c.peer(), c.inboundSpi());
      if (port < 0) {
        LOG.error("%CRYPTO-3-NAT_DEMUX_EXHAUSTED: client {}: all {} NAT demux ports of {} are in use; its SA is refused",
            IkeResponder.text(c.peer()), PortTranslator.LAST_PORT - PortTranslator.FIRST_PORT + 1, c.peer().getAddress().getHostAddress());
        return false;
      }
      if (Debug.on(Debug.Category.CRYPTO_NAT, c.peer().getAddress(), null)) {
        Debug.print("NAT-DEMUX: client " + IkeResponder.text(c.peer()) + " SA 0x" + String.format("%08X", c.inboundSpi()) + ": "
            + (fresh ? "new client, given port " : "same client, keeps port ") + port + ": its L2TP traffic is "
            + c.peer().getAddress().getHostAddress() + ":" + port + " <-> " + IkeResponder.text(c.peer()) + " (crypto map "
            + c.suite().cryptoMap() + " " + c.suite().mapSeq() + ")");
      }
      if (fresh) {
        LOG.info("%CRYPTO-6-NAT_DEMUX: client {} is L2TP peer {}:{} (NAT demux of crypto map {} {})", IkeResponder.text(c.peer()),
            c.peer().getAddress().getHostAddress(), port, c.suite().cryptoMap(), c.suite().mapSeq());
      }
    } else if (c.suite().udpEncapsulated()) {
      if (Debug.on(Debug.Category.CRYPTO_NAT, c.peer().getAddress(), null)) {
        Debug.print("NAT-DEMUX: client " + IkeResponder.text(c.peer()) + " SA 0x" + String.format("%08X", c.inboundSpi())
            + ": not demultiplexed ('set nat demux' is not on crypto map " + c.suite().cryptoMap() + " " + c.suite().mapSeq()
            + "): L2TP sees it as " + c.peer().getAddress().getHostAddress() + ":1701");
      }
      warnShared(c);
    } else if (!plain.available(c.local().getAddress())) {
      LOG.error("%CRYPTO-3-NO_PLAIN_ESP: client {} is not behind a NAT and needs ESP over IP protocol 50, but jlns has no raw "
          + "socket on {} (it needs root or CAP_NET_RAW): its SA is refused", IkeResponder.text(c.peer()),
          c.local().getAddress().getHostAddress());
      return false;
    }
    byte[] seed = new byte[16];
    random.nextBytes(seed);
    EspCrypto in = new EspCrypto(c.suite().cipher(), c.suite().integrity(), c.encIn(), c.authIn(), seed);
    EspCrypto out = new EspCrypto(c.suite().cipher(), c.suite().integrity(), c.encOut(), c.authOut(), seed);
    EspSa sa = new EspSa(c.inboundSpi(), c.outboundSpi(), in, out, c.replayWindow(), c.suite().lifetimeKilobytes(), c.peer(), c);
    sa.upper = demux.bySpi(c.inboundSpi());
    table.add(sa);
    if (c.suite().integrity() == EspIntegrity.NONE && !c.suite().cipher().aead()) {
      LOG.warn("%CRYPTO-4-NO_INTEGRITY: ESP SA 0x{} has no integrity protection", String.format("%08X", c.inboundSpi()));
    }
    return true;
  }

  /**
   * Without NAT demux, two clients behind one NAT both look like public-ip:1701 to L2TP, and
   * replies go to the newest SA: the seed document's failure. Said once per pair of clients.
   */
  private void warnShared(ChildSa c) {
    List<InetSocketAddress> others = new ArrayList<>();
    for (EspSa other : table.toAddress(c.peer().getAddress())) {
      if (demux.bySpi(other.inboundSpi) == null) {
        others.add(other.peer());
      }
    }
    Shared.Newest elsewhere = newest.get(c.peer().getAddress());
    if (elsewhere != null) {
      others.add(elsewhere.endpoint());
    }
    for (InetSocketAddress p : others) {
      if (!p.equals(c.peer()) && warnedShared.add(IkeResponder.text(p) + "|" + IkeResponder.text(c.peer()))) {
        String entry = c.suite().dynamicMap() != null ? "crypto dynamic-map " + c.suite().dynamicMap() + " " + c.suite().dynamicSeq()
            : "crypto map " + c.suite().cryptoMap() + " " + c.suite().mapSeq();
        LOG.warn("%CRYPTO-4-NAT_DEMUX_OFF: clients {} and {} share the public address {}: without NAT demux L2TP sees both as "
            + "{}:1701 and only the newest gets replies; configure 'set nat demux' under '{}'", IkeResponder.text(p),
            IkeResponder.text(c.peer()), p.getAddress().getHostAddress(), p.getAddress().getHostAddress(), entry);
        return;
      }
    }
  }

  @Override
  public void activate(int inboundSpi) {
    EspSa sa = table.inbound(inboundSpi);
    if (sa != null) {
      sa.activate();
      demux.promote(inboundSpi);
      if (demux.bySpi(inboundSpi) == null) {
        newest.put(sa.peer().getAddress(), new Shared.Newest(self.get(), sa.peer()));
      }
    }
  }

  @Override
  public void remove(int inboundSpi, String reason) {
    EspSa sa = table.remove(inboundSpi);
    if (sa != null) {
      owners.remove(inboundSpi);
      InetAddress a = sa.peer().getAddress();
      newest.computeIfPresent(a, (k, v) -> v.shard() == self.get() && table.newestTo(a) == null ? null : v);
    }
    PortTranslator.Client gone = demux.release(inboundSpi);
    if (sa != null && Debug.on(Debug.Category.CRYPTO_NAT, sa.peer().getAddress(), null) && (gone != null
        || demux.byEndpoint(sa.peer()) != null)) {
      Debug.print("NAT-DEMUX: client " + IkeResponder.text(sa.peer()) + " SA 0x" + String.format("%08X", inboundSpi) + " removed ("
          + reason + "): " + (gone != null ? "no SA left, port " + gone.port() + " is free" : "other SAs keep its port"));
    }
    if (gone != null) {
      int n = l2tp.clearPeer(gone.translated(), "the client's IPsec SAs are gone");
      LOG.info("%CRYPTO-6-NAT_DEMUX: client {} has no SA left: port {} is free{}", IkeResponder.text(gone.endpoint()), gone.port(),
          n > 0 ? ", its " + n + " L2TP tunnel(s) closed" : "");
    }
    if (sa != null) {
      LOG.info("%CRYPTO-6-IPSEC_SA_REMOVED: ESP SA inbound 0x{} outbound 0x{} with {}: {} ({} packets in, {} out)",
          String.format("%08X", sa.inboundSpi), String.format("%08X", sa.outboundSpi), IkeResponder.text(sa.peer()), reason,
          sa.pktsDecaps, sa.pktsEncaps);
    }
  }

  @Override
  public long lastInboundMillis(InetSocketAddress peer) {
    long last = 0;
    PortTranslator.Client client = demux.byEndpoint(peer);
    if (client != null) {
      // A demuxed client knows its own SAs: no scan of every SA for each DPD tick of each peer.
      for (int spi : client.sas()) {
        EspSa sa = table.inbound(spi);
        last = sa == null ? last : Math.max(last, sa.lastInboundMillis);
      }
      return last;
    }
    for (EspSa sa : table.toAddress(peer.getAddress())) {
      if (sa.peer().equals(peer)) {
        last = Math.max(last, sa.lastInboundMillis);
      }
    }
    return last;
  }

}
