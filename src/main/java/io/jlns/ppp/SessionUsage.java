package io.jlns.ppp;

import java.util.List;

/**
 * A session as accounting reports it: who, where, since when, and what went through (IP packets
 * from the client are input, to it output, as RFC 2866 section 5.3 counts from the NAS's port).
 */
public record SessionUsage(String interfaceName, String user, int address, AuthRequest.Caller caller, long startMillis,
    long nowMillis, long inOctets, long outOctets, long inPackets, long outPackets, List<byte[]> classes) {
  public long seconds() {
    return Math.max(0, (nowMillis - startMillis) / 1000);
  }
}
