package io.jlns.cli;

import java.util.List;

/**
 * What the IPsec layer shows to {@code show crypto isakmp sa} and {@code show crypto ipsec sa},
 * and what the crypto clear commands reach. Until the layer runs, {@link #NONE} has nothing,
 * and {@code show crypto ipsec sa} lists the crypto-map interfaces alone, as IOS does before
 * any peer connects.
 */
public interface IpsecView {
  /**
   * One ISAKMP SA. {@code cipher} etc. are null before a proposal was chosen; {@code initiatedByUs}
   * when jlns started its Main Mode (IOS then lists the peer as {@code dst}).
   */
  record IsakmpSa(int connId, String local, int localPort, String peer, int peerPort, String state, String cipher, String hash,
      int group, long remainingSeconds, boolean dpd, boolean natT, String peerIdentity, boolean initiatedByUs) {
    /** An SA the peer started. */
    public IsakmpSa(int connId, String local, int localPort, String peer, int peerPort, String state, String cipher, String hash,
        int group, long remainingSeconds, boolean dpd, boolean natT, String peerIdentity) {
      this(connId, local, localPort, peer, peerPort, state, cipher, hash, group, remainingSeconds, dpd, natT, peerIdentity, false);
    }
  }

  /**
   * One ESP SA pair with its counters, as IOS prints it in {@code show crypto ipsec sa}.
   *
   * @param demuxPort the NAT demux port of the client, or 0
   * @param plaintextMtu the largest IP packet the SA carries in one 1500-byte packet
   */
  record IpsecSa(int connId, String cryptoMap, String local, int localPort, String peer, int peerPort, String localIdent,
      int localProto, int localIdentPort, String remoteIdent, int remoteProto, int remoteIdentPort, int inboundSpi,
      int outboundSpi, String transform, String settings, boolean pfs, int pfsGroup, int ivSize, long remainingKb,
      long remainingSeconds, int replayWindow, long pktsEncaps, long pktsDecaps, long replayFailures, long authFailures,
      long otherFailures, int demuxPort, int plaintextMtu) {}

  /** A client behind a NAT with its NAT demux port (L2TP knows it as {@code address:port}). */
  record DemuxClient(String address, int natTPort, int port, int innerPort, List<Integer> spis) {}

  /**
   * {@code show crypto call admission statistics}: the limits in force, the ISAKMP SAs, the new
   * ones accepted and refused (by which limit), and the Diffie-Hellman workers.
   */
  record CallAdmission(int maxSa, int maxInNegotiation, int maxPerAddress, int total, int negotiating, long accepted,
      long rejectedInNegotiation, long rejectedPerAddress, long rejectedSaLimit, int workers, int queued, int queueCapacity,
      long computed, long queueDrops, int shunnedNow, long shunnedTotal) {}

  // Defaults are the view of a server with no IPsec running: nothing to show, nothing to clear.

  /**
   * CPU time of a thread of the packet path: an event loop (busy time: a loop waiting in epoll
   * uses none) or a Diffie-Hellman worker.
   */
  record ThreadCpu(String kind, String thread, long cpuNanos) {}

  default List<ThreadCpu> threadCpu() {
    return List.of();
  }

  /** {@code monitor capture}: null where no packet path runs. */
  default io.jlns.capture.Captures captures() {
    return null;
  }

  default List<IsakmpSa> isakmpSas() {
    return List.of();
  }

  /** The clients of NAT demux, by address and port. */
  default List<DemuxClient> natDemux() {
    return List.of();
  }

  default List<IpsecSa> ipsecSas() {
    return List.of();
  }

  /** Deletes ESP SAs, of one peer address or (null) all; returns how many pairs. */
  default int clearIpsec(String peer) {
    return 0;
  }

  /** Deletes ISAKMP SAs, one by conn-id or (null) all; returns how many. */
  default int clearIsakmp(Integer connId) {
    return 0;
  }

  default CallAdmission callAdmission() {
    return null;
  }

  default void clearCallAdmission() {}

  /**
   * Event counters since start, summed over the event loops: {@code ike.NAME} (refusals, failures,
   * retransmissions, by cause) and {@code esp.NAME} (drops by reason, keepalives).
   */
  default java.util.Map<String, Long> events() {
    return java.util.Map.of();
  }

  IpsecView NONE = new IpsecView() { };
}
