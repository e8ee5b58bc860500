package io.jlns.config;

/** {@code crypto isakmp keepalive S [R] [periodic|on-demand]}: dead peer detection (RFC 3706). */
public record IsakmpKeepalive(int seconds, int retry, boolean periodic) {
  public static final int DEFAULT_RETRY = 2;
}
