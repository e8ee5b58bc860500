package io.jlns.esp;

/**
 * Finds the L2TP datagram in a decrypted ESP payload: transport mode carries UDP directly (next
 * header 17), tunnel mode an IPv4 header first (next header 4, RFC 4303 section 2.6); the UDP
 * length must fit the payload, its checksum verify against the client's original address
 * (RFC 3948 section 3.1.2) unless configured off, and its destination be L2TP's port. No
 * allocation: this runs for every packet.
 */
public final class InnerDatagram {
  public static final int L2TP_PORT = 1701;

  /** What the payload is. */
  public enum Verdict {
    OK, TUNNEL_NOT_UDP, NOT_UDP, TRUNCATED_UDP, BAD_CHECKSUM, NOT_L2TP
  }

  private InnerDatagram() {}

  /**
   * Looks at the {@code payload} bytes at {@code b[off..]} that ESP said carry protocol
   * {@code next}; on {@link Verdict#OK} (and on {@link Verdict#NOT_L2TP}) {@code where[0]} is
   * the offset of the UDP header and {@code where[1]} the UDP length (header included).
   *
   * @param src the client's address as it sent the datagram (NAT-OA, or its public address); null when not checked
   * @param dst our address, for the checksum's pseudo-header; null when not checked
   * @param checkChecksum false under {@code vpdn ip udp ignore checksum}
   */
  public static Verdict locate(byte[] b, int off, int payload, int next, byte[] src, byte[] dst, boolean checkChecksum,
      int[] where) {
    if (next == InnerIpv4.PROTOCOL && payload >= 20) {
      int ihl = (b[off] & 0x0F) * 4;
      if ((b[off + 9] & 0xFF) != InnerUdp.PROTOCOL || ihl < 20 || ihl > payload) {
        return Verdict.TUNNEL_NOT_UDP;
      }
      off += ihl;
      payload -= ihl;
    } else if (next != InnerUdp.PROTOCOL) {
      return Verdict.NOT_UDP;
    }
    if (payload < InnerUdp.HEADER || InnerUdp.length(b, off) > payload || InnerUdp.length(b, off) < InnerUdp.HEADER) {
      return Verdict.TRUNCATED_UDP;
    }
    int udpLen = InnerUdp.length(b, off);
    if (checkChecksum && !InnerUdp.checksumOk(b, off, udpLen, src, dst)) {
      return Verdict.BAD_CHECKSUM;
    }
    where[0] = off;
    where[1] = udpLen;
    return InnerUdp.destinationPort(b, off) == L2TP_PORT ? Verdict.OK : Verdict.NOT_L2TP;
  }
}
