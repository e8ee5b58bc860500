package io.jlns.server;

import io.jlns.cli.IpsecView;
import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import io.jlns.ike.ChildSa;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** {@link IpsecView} over the IPsec runtime: each call runs on the runtime's event loop. */
final class IpsecSnapshot implements IpsecView {
  private final L2tpRuntime loop;
  private final IpsecRuntime rt;

  IpsecSnapshot(L2tpRuntime loop, IpsecRuntime rt) {
    this.loop = loop;
    this.rt = rt;
  }

  @Override
  public List<IsakmpSa> isakmpSas() {
    return loop.onLoop(() -> rt.ike.ikeSas().stream().map(s -> new IsakmpSa(s.connId(), s.local().getAddress().getHostAddress(),
        s.local().getPort(), s.peer().getAddress().getHostAddress(), s.peer().getPort(), s.state(),
        s.suite() == null ? null : s.suite().cipherName(), s.suite() == null ? null : s.suite().hashName(),
        s.suite() == null ? 0 : s.suite().group().number(), s.remainingSeconds(), s.dpd(), s.natT(), s.peerIdentity())).toList());
  }

  @Override
  public List<IpsecSa> ipsecSas() {
    return loop.onLoop(() -> {
      long now = System.nanoTime() / 1_000_000;
      List<IpsecSa> out = new ArrayList<>();
      for (ChildSa c : rt.ike.childSas()) {
        EspSa e = rt.table.inbound(c.inboundSpi());
        if (e == null) {
          continue;
        }
        var s = c.suite();
        var client = rt.demux.bySpi(c.inboundSpi());
        long remaining = Math.max(0, s.lifetimeSeconds() - (now - c.createdMillis()) / 1000);
        out.add(new IpsecSa(c.connId(), s.cryptoMap(), c.local().getAddress().getHostAddress(), c.local().getPort(),
            e.peer().getAddress().getHostAddress(), e.peer().getPort(), c.localIdentity(), c.localProtocol(), c.localPort(),
            c.peerIdentity(), c.peerProtocol(), c.peerPort(), c.inboundSpi(), c.outboundSpi(), s.transformText(),
            (s.transport() ? "Transport" : "Tunnel") + (s.udpEncapsulated() ? " UDP-Encaps" : ""), s.pfs() != null,
            s.pfs() == null ? 0 : s.pfs().number(), e.outbound().ivLength(), e.remainingKilobytes(), remaining, e.replayWindow(),
            e.pktsEncaps, e.pktsDecaps, e.replayFailures, e.authFailures, e.otherFailures,
            client == null ? 0 : client.port(),
            plaintextMtu(e.outbound(), s.transport(), s.udpEncapsulated())));
      }
      return out;
    });
  }

  /**
   * The largest IP packet one SA packet carries within a 1500-byte path: the outer IPv4 header,
   * the UDP header of NAT-T, and ESP's own overhead (padding to the cipher block included) come
   * off; in transport mode the packet's own IP header is the outer one, so it counts back in.
   */
  static int plaintextMtu(EspCrypto esp, boolean transport, boolean udp) {
    int room = 1500 - 20 - (udp ? 8 : 0);
    int n = esp.largestPayload(room);
    return transport ? n + 20 : n;
  }

  @Override
  public List<DemuxClient> natDemux() {
    return loop.onLoop(() -> rt.demux.clients().stream().map(c -> new DemuxClient(c.endpoint().getAddress().getHostAddress(),
        c.endpoint().getPort(), c.port(), c.innerPort(), c.sas().stream().sorted().toList())).toList());
  }

  @Override
  public int clearIpsec(String peer) {
    InetAddress a;
    try {
      a = peer == null ? null : InetAddress.getByName(peer);
    } catch (UnknownHostException e) {
      return 0;
    }
    return loop.onLoop(() -> rt.ike.clearChildSas(a));
  }

  @Override
  public int clearIsakmp(Integer connId) {
    return loop.onLoop(() -> rt.ike.clearIkeSas(connId));
  }

  @Override
  public CallAdmission callAdmission() {
    io.jlns.config.CallAdmission limits = rt.running().callAdmission();
    CryptoWorkers.Stats w = rt.workers.stats();
    return loop.onLoop(() -> {
      var a = rt.ike.admission();
      return new CallAdmission(limits.sa(), limits.inNegotiation(), limits.perAddress(), a.total(), a.negotiating(), a.accepted(),
          a.rejectedInNegotiation(), a.rejectedPerAddress(), a.rejectedSaLimit(), w.threads(), w.queued(), w.capacity(), w.done(),
          w.dropped());
    });
  }

  @Override
  public void clearCallAdmission() {
    loop.onLoop(() -> {
      rt.ike.clearAdmissionStatistics();
      return null;
    });
  }
}
