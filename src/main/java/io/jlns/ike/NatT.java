package io.jlns.ike;

import io.jlns.crypto.HashAlgorithm;
import java.net.InetSocketAddress;

/** NAT-D hashes (RFC 3947 section 3.2): HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash. */
final class NatT {
  private NatT() {}

  static byte[] natD(HashAlgorithm hash, byte[] ckyI, byte[] ckyR, InetSocketAddress a) {
    int port = a.getPort();
    return hash.hash(ckyI, ckyR, a.getAddress().getAddress(), new byte[] {(byte) (port >>> 8), (byte) port});
  }
}
