package io.jlns.l2tp;

import java.util.function.Function;

/**
 * What a tunnel needs of the configuration ({@code vpdn-group}, {@code hostname}), taken as a
 * snapshot when the tunnel is created.
 *
 * @param secret the tunnel secret ({@code l2tp tunnel password}), or null
 * @param secretForHost IOS's fallback when no password is set: the {@code username} named as the
 *     LAC's host name; returns null when there is none
 * @param helloSeconds HELLO interval on an idle tunnel, 0 for none
 * @param retransmit {@code l2tp tunnel retransmit}: the control channel's retransmission policy
 */
public record TunnelSettings(
    boolean accept,
    String hostName,
    boolean authenticate,
    byte[] secret,
    Function<String, byte[]> secretForHost,
    int helloSeconds,
    int receiveWindow,
    ControlChannel.Retransmit retransmit) {
  public TunnelSettings(boolean accept, String hostName, boolean authenticate, byte[] secret,
      Function<String, byte[]> secretForHost, int helloSeconds, int receiveWindow) {
    this(accept, hostName, authenticate, secret, secretForHost, helloSeconds, receiveWindow, ControlChannel.Retransmit.DEFAULT);
  }
}
