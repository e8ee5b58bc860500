package io.jlns.ike;

import java.util.Arrays;
import java.util.HexFormat;

/** Vendor ID payloads that announce capabilities (RFC 3947 section 3.1, its drafts, RFC 3706 section 5.1). */
public final class VendorIds {
  enum Kind {
    NAT_T_RFC,
    NAT_T_DRAFT,
    DPD,
    OTHER
  }

  public static final byte[] NAT_T_RFC = hex("4a131c81070358455c5728f20e95452f");
  /** MD5("draft-ietf-ipsec-nat-t-ike-02\n"), the draft Windows and macOS announce beside the RFC. */
  public static final byte[] NAT_T_DRAFT_02N = hex("90cb80913ebb696e086381b5ec427b1f");
  private static final byte[][] NAT_T_DRAFTS = {
    NAT_T_DRAFT_02N,
    hex("cd60464335df21f87cfdb2fc68b6a448"), // draft-ietf-ipsec-nat-t-ike-02
    hex("7d9419a65310ca6f2c179d9215529d56"), // draft-ietf-ipsec-nat-t-ike-03
  };
  public static final byte[] DPD = hex("afcad71368a1f1c96b8696fc77570100");

  private VendorIds() {}

  static Kind kind(byte[] v) {
    if (Arrays.equals(v, NAT_T_RFC)) {
      return Kind.NAT_T_RFC;
    }
    for (byte[] d : NAT_T_DRAFTS) {
      if (Arrays.equals(v, d)) {
        return Kind.NAT_T_DRAFT;
      }
    }
    // RFC 3706 section 5.1: the DPD vendor id is 16 bytes, the last two a version (1.0).
    if (v.length == 16 && Arrays.equals(Arrays.copyOf(v, 14), Arrays.copyOf(DPD, 14))) {
      return Kind.DPD;
    }
    return Kind.OTHER;
  }

  /**
   * What the peer's vendor IDs announce, into {@code sa}: NAT-T (the RFC's payload numbers, else
   * a draft's) and DPD.
   */
  static void read(IkeSa sa, java.util.List<io.jlns.ike.message.Payload.VendorId> vids) {
    for (io.jlns.ike.message.Payload.VendorId v : vids) {
      Kind k = kind(v.data());
      if (k == Kind.NAT_T_RFC) {
        sa.natDType = io.jlns.ike.message.Payload.NAT_D;
        sa.natOaType = io.jlns.ike.message.Payload.NAT_OA;
      } else if (k == Kind.NAT_T_DRAFT && sa.natDType == 0) {
        sa.natDType = io.jlns.ike.message.Payload.NAT_D_DRAFT;
        sa.natOaType = io.jlns.ike.message.Payload.NAT_OA_DRAFT;
      } else if (k == Kind.DPD) {
        sa.dpdSupported = true;
      }
    }
    sa.natTSupported = sa.natDType != 0;
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }
}
