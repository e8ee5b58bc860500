package io.jlns.cli;

import java.util.List;

/**
 * What the IPsec layer shows to {@code show crypto isakmp sa} and {@code show crypto ipsec sa},
 * and what the crypto clear commands reach. Until the layer runs, {@link #NONE} has nothing,
 * and {@code show crypto ipsec sa} lists the crypto-map interfaces alone, as IOS does before
 * any peer connects.
 */
public interface IpsecView {
  /** One ISAKMP SA. {@code cipher} etc. are null before a proposal was chosen. */
  record IsakmpSa(int connId, String local, int localPort, String peer, int peerPort, String state, String cipher, String hash,
      int group, long remainingSeconds, boolean dpd, boolean natT, String peerIdentity) {}

  /**
   * One ESP SA pair with its counters, as IOS prints it in {@code show crypto ipsec sa}.
   *
   * @param demuxPort the NAT demux port of the client, or 0
   */
  record IpsecSa(int connId, String cryptoMap, String local, int localPort, String peer, int peerPort, String localIdent,
      int localProto, int localIdentPort, String remoteIdent, int remoteProto, int remoteIdentPort, int inboundSpi,
      int outboundSpi, String transform, String settings, boolean pfs, int pfsGroup, int ivSize, long remainingKb,
      long remainingSeconds, int replayWindow, long pktsEncaps, long pktsDecaps, long replayFailures, long authFailures,
      long otherFailures, int demuxPort) {}

  /** A client behind a NAT with its NAT demux port (L2TP knows it as {@code address:port}). */
  record DemuxClient(String address, int natTPort, int port, int innerPort, List<Integer> spis) {}

  List<IsakmpSa> isakmpSas();

  /** The clients of NAT demux, by address and port. */
  default List<DemuxClient> natDemux() {
    return List.of();
  }

  List<IpsecSa> ipsecSas();

  /** Deletes ESP SAs, of one peer address or (null) all; returns how many pairs. */
  int clearIpsec(String peer);

  /** Deletes ISAKMP SAs, one by conn-id or (null) all; returns how many. */
  int clearIsakmp(Integer connId);

  IpsecView NONE = new IpsecView() {
    @Override
    public List<IsakmpSa> isakmpSas() {
      return List.of();
    }

    @Override
    public List<IpsecSa> ipsecSas() {
      return List.of();
    }

    @Override
    public int clearIpsec(String peer) {
      return 0;
    }

    @Override
    public int clearIsakmp(Integer connId) {
      return 0;
    }
  };
}
