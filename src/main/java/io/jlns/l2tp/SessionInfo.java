package io.jlns.l2tp;

import java.net.InetSocketAddress;

/** A session as {@code show vpdn session} and PPP see it. */
public record SessionInfo(
    int localTunnelId, int peerTunnelId, int localSessionId, int peerSessionId, InetSocketAddress peer, String peerHostName,
    long callSerial, long establishedMillis) {}
