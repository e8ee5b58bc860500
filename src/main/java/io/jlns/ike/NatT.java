package io.jlns.ike;

import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Payload;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.List;

/** NAT-D hashes (RFC 3947 section 3.2): HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash. */
public final class NatT {
  private NatT() {}

  public static byte[] natD(HashAlgorithm hash, byte[] ckyI, byte[] ckyR, InetSocketAddress a) {
    int port = a.getPort();
    return hash.hash(ckyI, ckyR, a.getAddress().getAddress(), new byte[] {(byte) (port >>> 8), (byte) port});
  }

  /**
   * Our two NAT-D payloads (RFC 3947 section 3.2): first the destination (the peer as we see it),
   * then the source (us).
   */
  static List<Payload> ours(IkeSa sa, InetSocketAddress remote) {
    return List.of(new Payload.NatD(sa.natDType, natD(sa.suite.hash(), sa.icky(), sa.rcky(), remote)),
        new Payload.NatD(sa.natDType, natD(sa.suite.hash(), sa.icky(), sa.rcky(), sa.local)));
  }

  /**
   * Reads the peer's NAT-D payloads (the first is the destination, us; the others its own
   * addresses) into {@code sa}, and logs the outcome. False when there were fewer than two.
   */
  static boolean detect(IkeSa sa, List<Payload.NatD> theirs, InetSocketAddress remote) {
    if (!sa.natTSupported || theirs.size() < 2) {
      return false;
    }
    byte[] us = natD(sa.suite.hash(), sa.icky(), sa.rcky(), sa.local);
    byte[] them = natD(sa.suite.hash(), sa.icky(), sa.rcky(), remote);
    sa.selfBehindNat = !MessageDigest.isEqual(theirs.get(0).hash(), us);
    sa.peerBehindNat = theirs.stream().skip(1).noneMatch(x -> MessageDigest.isEqual(x.hash(), them));
    if (sa.natT()) {
      IkeResponder.LOG.info("%CRYPTO-6-NAT_DETECTED: NAT-T: {} with {} ({}), UDP encapsulation on port 4500", sa.peerBehindNat
          ? "peer is behind a NAT" : "no NAT at the peer", IkeResponder.text(remote), sa.selfBehindNat ? "and we are behind a NAT"
          : "we are not");
    }
    return true;
  }
}
