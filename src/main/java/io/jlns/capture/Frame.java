package io.jlns.capture;

import io.jlns.ip.InternetChecksum;

/**
 * One captured outer packet as it was on the wire: a whole IPv4 packet (the header of a UDP
 * datagram rebuilt from its socket's addresses, as the kernel gave jlns only the payload).
 *
 * @param micros the time it was received or sent, microseconds since the epoch
 * @param inbound true for a packet to jlns, false for one from it
 * @param ip the IPv4 packet
 */
public record Frame(long micros, boolean inbound, byte[] ip) {

  /** An IPv4 packet of {@code protocol} from {@code src} to {@code dst} around {@code payload[off..off+len)}; a UDP header first when {@code protocol} is 17. */
  public static byte[] ipv4(byte[] src, int srcPort, byte[] dst, int dstPort, int protocol, byte[] payload, int off, int len,
      int id) {
    int udp = protocol == 17 ? 8 : 0;
    int total = 20 + udp + len;
    byte[] p = new byte[total];
    p[0] = 0x45;
    p[2] = (byte) (total >>> 8);
    p[3] = (byte) total;
    p[4] = (byte) (id >>> 8);
    p[5] = (byte) id;
    p[8] = 64;
    p[9] = (byte) protocol;
    System.arraycopy(src, 0, p, 12, 4);
    System.arraycopy(dst, 0, p, 16, 4);
    int check = InternetChecksum.of(p, 0, 20);
    p[10] = (byte) (check >>> 8);
    p[11] = (byte) check;
    if (udp > 0) {
      p[20] = (byte) (srcPort >>> 8);
      p[21] = (byte) srcPort;
      p[22] = (byte) (dstPort >>> 8);
      p[23] = (byte) dstPort;
      p[24] = (byte) ((udp + len) >>> 8);
      p[25] = (byte) (udp + len);
      // Checksum 0: none, as RFC 768 allows over IPv4 (and as RFC 3948 section 2.1 recommends for ESP in UDP).
    }
    System.arraycopy(payload, off, p, 20 + udp, len);
    return p;
  }
}
