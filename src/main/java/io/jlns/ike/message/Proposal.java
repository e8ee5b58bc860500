package io.jlns.ike.message;

import java.util.List;

/**
 * RFC 2408 section 3.5: a proposal of an SA payload; several with the same number form one
 * AND-ed proposal, different numbers are alternatives.
 */
public record Proposal(int number, int protocol, byte[] spi, List<Transform> transforms) {
  public static final int PROTO_ISAKMP = 1;
  public static final int PROTO_IPSEC_AH = 2;
  public static final int PROTO_IPSEC_ESP = 3;

  public Proposal {
    transforms = List.copyOf(transforms);
  }
}
