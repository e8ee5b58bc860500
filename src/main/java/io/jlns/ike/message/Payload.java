package io.jlns.ike.message;

import java.util.List;

/** One ISAKMP payload (RFC 2408 section 3), decoded. Unknown types survive as {@link Unknown}. */
public sealed interface Payload {
  int SA = 1;
  int PROPOSAL = 2;
  int TRANSFORM = 3;
  int KE = 4;
  int ID = 5;
  int CERT = 6;
  int CR = 7;
  int HASH = 8;
  int SIG = 9;
  int NONCE = 10;
  int NOTIFY = 11;
  int DELETE = 12;
  int VENDOR_ID = 13;
  /** RFC 3947 NAT-D and NAT-OA, and the numbers of draft-ietf-ipsec-nat-t-ike-02/03. */
  int NAT_D = 20;
  int NAT_OA = 21;
  int NAT_D_DRAFT = 130;
  int NAT_OA_DRAFT = 131;

  /** The payload type number, as it appears in the preceding Next Payload field. */
  int type();

  /** RFC 2408 section 3.4 (DOI 1 = IPsec, situation 1 = identity only). */
  record Sa(int doi, int situation, List<Proposal> proposals) implements Payload {
    public Sa {
      proposals = List.copyOf(proposals);
    }

    @Override
    public int type() {
      return SA;
    }
  }

  /** RFC 2409 section 5 key exchange data: g^x, or x|y for ECP groups. */
  record KeyExchange(byte[] data) implements Payload {
    @Override
    public int type() {
      return KE;
    }
  }

  record Nonce(byte[] data) implements Payload {
    @Override
    public int type() {
      return NONCE;
    }
  }

  /** RFC 2407 section 4.6.2: an identification with its protocol and port. */
  record Identification(int idType, int protocol, int port, byte[] data) implements Payload {
    public static final int IPV4_ADDR = 1;
    public static final int FQDN = 2;
    public static final int USER_FQDN = 3;
    public static final int IPV4_ADDR_SUBNET = 4;
    public static final int IPV4_ADDR_RANGE = 7;
    public static final int KEY_ID = 11;

    @Override
    public int type() {
      return ID;
    }
  }

  record Hash(byte[] data) implements Payload {
    @Override
    public int type() {
      return HASH;
    }
  }

  /** RFC 2408 section 3.14. */
  record Notify(int doi, int protocol, int messageType, byte[] spi, byte[] data) implements Payload {
    @Override
    public int type() {
      return NOTIFY;
    }
  }

  /** RFC 2408 section 3.15: the SPIs are concatenated, all of spiSize bytes. */
  record Delete(int doi, int protocol, int spiSize, List<byte[]> spis) implements Payload {
    public Delete {
      spis = List.copyOf(spis);
    }

    @Override
    public int type() {
      return DELETE;
    }
  }

  record VendorId(byte[] data) implements Payload {
    @Override
    public int type() {
      return VENDOR_ID;
    }
  }

  /** RFC 3947 section 3.2; {@code type} is 20, or 130 under the drafts. */
  record NatD(int type, byte[] hash) implements Payload {}

  /** RFC 3947 section 5.2: an original address; {@code type} is 21, or 131 under the drafts. */
  record NatOa(int type, int idType, byte[] address) implements Payload {}

  /** Any payload jlns does not interpret (certificates, signatures, future types). */
  record Unknown(int type, byte[] body) implements Payload {}
}
