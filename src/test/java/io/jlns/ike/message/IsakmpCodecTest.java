package io.jlns.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ISAKMP (RFC 2408 section 3) against Main Mode messages captured between strongSwan 5 and jlns. */
class IsakmpCodecTest {
  private static final HexFormat HEX = HexFormat.of();
  /** strongSwan's Main Mode message 1 with Windows' proposals (aes256-sha1-modp2048, 3des-sha1-modp1024). */
  static final byte[] STRONGSWAN_MM1 = HEX.parseHex(
      "243d185aebe6a7d700000000000000000110020000000000000000d40d00005800000001000000010000004c01010002030000240101000080010007800e0100800200028004000e80030001800b0001800c708000000020020100008001000580020002"
      + "8004000280030001800b0001800c70800d00000c09002689dfd6b7120d000014afcad71368a1f1c96b8696fc775701000d0000184048b7d56ebce88525e7de7f00d6c2d3800000000d0000144a131c81070358455c5728f20e95452f0000001490cb8091"
      + "3ebb696e086381b5ec427b1f");
  /** jlns's answer, message 2, choosing the seed's policy (3des, sha, group 2). */
  static final byte[] JLNS_MM2 = HEX.parseHex("243d185aebe6a7d72d6c25af68aa239f0110020000000000000000780d00003400000001000000010000002801010001000000200201000080010005800200028004000280030001800b0001800c70800d0000144a131c81070358455c5728f20e95452f" + "00000014afcad71368a1f1c96b8696fc77570100");

  @Test
  void decodesStrongswansMainModeOffer() {
    Header h = IsakmpCodec.decodeHeader(STRONGSWAN_MM1, STRONGSWAN_MM1.length).value();
    assertThat(h.exchange()).isEqualTo(Header.MAIN_MODE);
    assertThat(h.responderCookie()).isZero();
    assertThat(h.length()).isEqualTo(STRONGSWAN_MM1.length);
    Payloads ps = IsakmpCodec.decodePayloads(h.nextPayload(), STRONGSWAN_MM1, Header.SIZE, STRONGSWAN_MM1.length).value();
    Payload.Sa sa = ps.first(Payload.Sa.class);
    assertThat(sa.doi()).isEqualTo(1);
    Proposal p = sa.proposals().get(0);
    assertThat(p.protocol()).isEqualTo(Proposal.PROTO_ISAKMP);
    assertThat(p.transforms()).hasSize(2);
    Transform aes = p.transforms().get(0);
    assertThat(aes.attribute(1)).isEqualTo(7);
    assertThat(aes.attribute(14)).isEqualTo(256);
    assertThat(aes.attribute(4)).isEqualTo(14);
    assertThat(aes.attribute(12)).isEqualTo(28800);
    assertThat(p.transforms().get(1).attribute(1)).isEqualTo(5);
    assertThat(ps.all(Payload.VendorId.class)).extracting(v -> HEX.formatHex(v.data()))
        .contains("4a131c81070358455c5728f20e95452f", "afcad71368a1f1c96b8696fc77570100");
  }

  @Test
  void reencodesWhatItDecodedByteForByte() {
    for (byte[] m : List.of(STRONGSWAN_MM1, JLNS_MM2)) {
      Header h = IsakmpCodec.decodeHeader(m, m.length).value();
      Payloads ps = IsakmpCodec.decodePayloads(h.nextPayload(), m, Header.SIZE, m.length).value();
      byte[] again = IsakmpCodec.encode(h.initiatorCookie(), h.responderCookie(), h.exchange(), h.flags(), h.messageId(), ps.list());
      assertThat(HEX.formatHex(again)).isEqualTo(HEX.formatHex(m));
    }
  }

  @Test
  void theSaBodyIsTheExactBytesHashesCover() {
    Header h = IsakmpCodec.decodeHeader(STRONGSWAN_MM1, STRONGSWAN_MM1.length).value();
    Payloads ps = IsakmpCodec.decodePayloads(h.nextPayload(), STRONGSWAN_MM1, Header.SIZE, STRONGSWAN_MM1.length).value();
    int i = ps.indexOf(Payload.SA);
    assertThat(ps.body(i)).isEqualTo(IsakmpCodec.body(ps.list().get(i)));
    assertThat(ps.body(i).length + 4).isEqualTo((STRONGSWAN_MM1[Header.SIZE + 2] & 0xFF) << 8 | STRONGSWAN_MM1[Header.SIZE + 3] & 0xFF);
  }

  @Test
  void aWrongLengthFieldOrVersionIsAnError() {
    assertThat(IsakmpCodec.decodeHeader(STRONGSWAN_MM1, STRONGSWAN_MM1.length - 1).error()).contains("length field");
    byte[] v2 = STRONGSWAN_MM1.clone();
    v2[17] = 0x20;
    assertThat(IsakmpCodec.decodeHeader(v2, v2.length).error()).contains("major version 2");
  }

  @Test
  void truncatedOrCorruptedMessagesFailWithAReasonAndNeverThrow() {
    Random r = new Random(7);
    for (int i = 0; i < 5000; i++) {
      byte[] m = STRONGSWAN_MM1.clone();
      int len = r.nextInt(m.length + 1);
      for (int k = 0; k < 3; k++) {
        m[r.nextInt(m.length)] ^= (byte) (1 << r.nextInt(8));
      }
      Decoding<Payloads> d = IsakmpCodec.decodePayloads(m[16] & 0xFF, m, Math.min(Header.SIZE, len), len);
      assertThat(d.ok() || d.error() != null).isTrue();
    }
  }
}
