package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.Interface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code show crypto isakmp sa [detail]} and {@code show crypto ipsec sa [peer A | map M | detail]} in IOS layout. */
final class ShowIpsec {
  private ShowIpsec() {}

  static String isakmp(List<IpsecView.IsakmpSa> sas, boolean detail) {
    StringBuilder b = new StringBuilder();
    if (!detail) {
      b.append("IPv4 Crypto ISAKMP SA\n");
      b.append(String.format("%-15s %-15s %-14s %7s %s%n", "dst", "src", "state", "conn-id", "status"));
      for (IpsecView.IsakmpSa s : sas) {
        // dst is the responder of the SA's Main Mode: jlns, unless jlns started it (ike.MainModeInitiator).
        b.append(String.format("%-15s %-15s %-14s %7d %s%n", s.initiatedByUs() ? s.peer() : s.local(),
            s.initiatedByUs() ? s.local() : s.peer(), s.state(), s.connId(), status(s)));
      }
      return b.append('\n').toString();
    }
    b.append("Codes: C - IKE configuration mode, D - Dead Peer Detection\n");
    b.append("       K - Keepalives, N - NAT-traversal\n");
    b.append("       T - cTCP encapsulation, X - IKE Extended Authentication\n");
    b.append("       psk - Preshared key, rsig - RSA signature\n");
    b.append("       renc - RSA encryption\n");
    b.append("IPv4 Crypto ISAKMP SA\n\n");
    b.append("C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.\n\n");
    for (IpsecView.IsakmpSa s : sas) {
      long t = s.remainingSeconds();
      String life = s.cipher() == null ? "" : String.format("%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
      String cap = (s.dpd() ? "D" : "") + (s.natT() ? "N" : "");
      b.append(String.format("%-5d %-15s %-15s %-6s %-6s %-4s %-6s %-4s %-2s %-8s %s%n", s.connId(), s.local(), s.peer(), "",
          status(s), s.cipher() == null ? "" : s.cipher(), s.hash() == null ? "" : s.hash(), s.cipher() == null ? "" : "psk",
          s.cipher() == null ? "" : Integer.toString(s.group()), life, cap));
      b.append("      Engine-id:Conn-id =  SW:").append(s.connId() - 1000).append('\n');
      b.append("      Peer ports: ").append(s.localPort()).append(" <-> ").append(s.peerPort())
          .append(s.peerIdentity().isEmpty() ? "" : ", peer identity " + s.peerIdentity()).append("\n\n");
    }
    return b.toString();
  }

  private static String status(IpsecView.IsakmpSa s) {
    return s.state().equals("QM_IDLE") ? "ACTIVE" : s.state().equals("MM_NO_STATE") ? "DELETED" : "";
  }

  /**
   * One block per crypto-map interface, and in it one per flow (local ident, remote ident,
   * peer endpoint) with that flow's SAs, newest first as IOS lists them.
   */
  static String ipsec(Config c, List<IpsecView.IpsecSa> sas, String peer, String map, boolean detail) {
    StringBuilder b = new StringBuilder();
    for (Interface i : c.interfaces().values()) {
      if (i.cryptoMap() == null || (map != null && !map.equals(i.cryptoMap()))) {
        continue;
      }
      b.append("\ninterface: ").append(i.name()).append("\n    Crypto map tag: ").append(i.cryptoMap())
          .append(", local addr ").append(i.address() == null ? "0.0.0.0" : i.address()).append("\n");
      Map<String, List<IpsecView.IpsecSa>> flows = new LinkedHashMap<>();
      for (IpsecView.IpsecSa s : sas) {
        if (!s.cryptoMap().equals(i.cryptoMap()) || (peer != null && !peer.equals(s.peer()))) {
          continue;
        }
        String key = s.localIdent() + "|" + s.remoteIdent() + "|" + s.peer() + ":" + s.peerPort();
        flows.computeIfAbsent(key, k -> new ArrayList<>()).add(0, s);
      }
      flows.values().forEach(f -> flow(b, f, detail));
    }
    return b.append('\n').toString();
  }

  private static void flow(StringBuilder b, List<IpsecView.IpsecSa> f, boolean detail) {
    IpsecView.IpsecSa s = f.get(0);
    long encaps = 0;
    long decaps = 0;
    long replay = 0;
    long auth = 0;
    long other = 0;
    for (IpsecView.IpsecSa x : f) {
      encaps += x.pktsEncaps();
      decaps += x.pktsDecaps();
      replay += x.replayFailures();
      auth += x.authFailures();
      other += x.otherFailures();
    }
    b.append("\n   protected vrf: (none)\n");
    b.append("   local  ident (addr/mask/prot/port): (").append(s.localIdent()).append("/255.255.255.255/").append(s.localProto())
        .append('/').append(s.localIdentPort()).append(")\n");
    b.append("   remote ident (addr/mask/prot/port): (").append(s.remoteIdent()).append("/255.255.255.255/").append(s.remoteProto())
        .append('/').append(s.remoteIdentPort()).append(")\n");
    b.append("   current_peer ").append(s.peer()).append(" port ").append(s.peerPort()).append('\n');
    b.append("     PERMIT, flags={}\n");
    if (s.demuxPort() > 0) {
      b.append("     NAT demux: L2TP port 1701 of this peer is seen as port ").append(s.demuxPort()).append('\n');
    }
    b.append("    #pkts encaps: ").append(encaps).append(", #pkts encrypt: ").append(encaps).append(", #pkts digest: ").append(encaps)
        .append('\n');
    b.append("    #pkts decaps: ").append(decaps).append(", #pkts decrypt: ").append(decaps).append(", #pkts verify: ").append(decaps)
        .append('\n');
    b.append("    #pkts compressed: 0, #pkts decompressed: 0\n");
    b.append("    #pkts not compressed: 0, #pkts compr. failed: 0\n");
    b.append("    #pkts not decompressed: 0, #pkts decompress failed: 0\n");
    if (detail) {
      b.append("    #pkts no sa (send) 0, #pkts invalid sa (rcv) 0\n");
      b.append("    #pkts encaps failed (send) 0, #pkts decap failed (rcv) ").append(other).append('\n');
      b.append("    #pkts invalid prot (recv) 0, #pkts verify failed: ").append(auth).append('\n');
      b.append("    #pkts invalid identity (recv) 0, #pkts invalid len (rcv) 0\n");
      b.append("    #pkts replay rollover (send): 0, #pkts replay rollover (rcv) 0\n");
      b.append("    ##pkts replay failed (rcv): ").append(replay).append('\n');
      b.append("    #pkts tagged (send): 0, #pkts untagged (rcv): 0\n");
    }
    b.append("    #send errors 0, #recv errors ").append(replay + auth + other).append("\n\n");
    b.append("     local crypto endpt.: ").append(s.local()).append(", remote crypto endpt.: ").append(s.peer()).append('\n');
    b.append("     plaintext mtu ").append(s.plaintextMtu()).append(", path mtu 1500, ip mtu 1500\n");
    b.append("     current outbound spi: ").append(spi(s.outboundSpi())).append('\n');
    b.append("     PFS (Y/N): ").append(s.pfs() ? "Y" : "N").append(", DH group: ").append(s.pfs() ? "group" + s.pfsGroup() : "none")
        .append("\n\n");
    b.append("     inbound esp sas:\n");
    f.forEach(x -> sa(b, x, x.inboundSpi(), 2 * x.connId() - 1));
    b.append("\n     inbound ah sas:\n\n     inbound pcp sas:\n\n     outbound esp sas:\n");
    f.forEach(x -> sa(b, x, x.outboundSpi(), 2 * x.connId()));
    b.append("\n     outbound ah sas:\n\n     outbound pcp sas:\n");
  }

  private static void sa(StringBuilder b, IpsecView.IpsecSa s, int spi, int connId) {
    b.append("      spi: ").append(spi(spi)).append('\n');
    b.append("        transform: ").append(s.transform()).append(" ,\n");
    b.append("        in use settings ={").append(s.settings()).append(", }\n");
    b.append("        conn id: ").append(connId).append(", flow_id: SW:").append(connId).append(", crypto map: ").append(s.cryptoMap())
        .append('\n');
    b.append("        sa timing: remaining key lifetime (k/sec): (").append(s.remainingKb()).append('/').append(s.remainingSeconds())
        .append(")\n");
    b.append("        IV size: ").append(s.ivSize()).append(" bytes\n");
    b.append("        replay detection support: ").append(s.replayWindow() > 0 ? "Y" : "N");
    if (s.replayWindow() > 0) {
      b.append("  replay window size: ").append(s.replayWindow());
    }
    b.append("\n        Status: ACTIVE(ACTIVE)\n");
  }

  /** {@code show crypto nat demux}: each client behind a NAT, its port, its SAs and its L2TP tunnel. */
  static String demux(List<IpsecView.DemuxClient> clients, List<VpdnView.Tunnel> tunnels) {
    StringBuilder b = new StringBuilder("NAT demux: ").append(clients.size()).append(clients.size() == 1 ? " client\n" : " clients\n");
    if (clients.isEmpty()) {
      return b.toString();
    }
    b.append(String.format("%-22s %-9s %-11s %-24s %s%n", "Client NAT-T endpoint", "L2TP port", "client port", "ESP SAs (inbound spi)",
        "L2TP tunnel"));
    for (IpsecView.DemuxClient c : clients) {
      StringBuilder spis = new StringBuilder();
      c.spis().forEach(x -> spis.append(spis.length() == 0 ? "" : ",").append(String.format("0x%08X", x)));
      StringBuilder t = new StringBuilder();
      for (VpdnView.Tunnel v : tunnels) {
        if (v.peerAddress().equals(c.address()) && v.peerPort() == c.port()) {
          t.append(t.length() == 0 ? "" : ",").append(v.localId());
        }
      }
      b.append(String.format("%-22s %-9d %-11d %-24s %s%n", c.address() + ":" + c.natTPort(), c.port(), c.innerPort(), spis,
          t.length() == 0 ? "-" : t));
    }
    return b.toString();
  }

  static String spi(int spi) {
    return String.format("0x%08X(%d)", spi, spi & 0xFFFFFFFFL);
  }
}
