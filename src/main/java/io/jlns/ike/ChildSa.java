package io.jlns.ike;

import java.net.InetSocketAddress;

/**
 * An ESP SA pair Quick Mode created, with the keys for each direction; the ESP layer installs it.
 *
 * @param peer the peer's IKE endpoint (behind a NAT: public address and NAT-T port)
 * @param local our address and port
 * @param peerOriginal the peer's own address from NAT-OA (RFC 3947 section 5.2), or null
 * @param peerIdentity the client's traffic selector from Quick Mode's IDci, as text
 */
public record ChildSa(int connId, long ikeSaId, int inboundSpi, int outboundSpi, Phase2Suite suite, byte[] encIn, byte[] authIn,
    byte[] encOut, byte[] authOut, InetSocketAddress peer, InetSocketAddress local, byte[] peerOriginal, String peerIdentity,
    int peerProtocol, int peerPort, String localIdentity, int localProtocol, int localPort, int replayWindow, long createdMillis) {

  @Override
  public String toString() {
    return "ChildSa[in=" + Integer.toHexString(inboundSpi) + " out=" + Integer.toHexString(outboundSpi) + " peer=" + peer + "]";
  }
}
