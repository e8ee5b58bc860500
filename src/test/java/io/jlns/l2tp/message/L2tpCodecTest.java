package io.jlns.l2tp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class L2tpCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  /**
   * An SCCRQ laid out by hand from RFC 2661 sections 3.1 and 4.4: T L S flags, version 2,
   * tunnel 0, session 0, Ns 0, Nr 0, then Message Type 1, Protocol Version 1.0, Host Name "lac",
   * Framing Capabilities sync+async, Assigned Tunnel ID 0x1234, Receive Window Size 4.
   */
  static final String SCCRQ = "c802" + "003f" + "0000" + "0000" + "0000" + "0000"
      + "8008 0000 0000 0001".replace(" ", "")
      + "8008 0000 0002 0100".replace(" ", "")
      + "8009 0000 0007 6c6163".replace(" ", "")
      + "800a 0000 0003 00000003".replace(" ", "")
      + "8008 0000 0009 1234".replace(" ", "")
      + "8008 0000 000a 0004".replace(" ", "");

  /** The SCCRQ a real xl2tpd 1.3 sent to jlns, captured with tshark in the interop suite. */
  static final String XL2TPD_SCCRQ = "c8020067000000000000000080080000000000018008000000020100800a0000000300000003800a0000"
      + "0004000000000008000000060690800c00000007286e6f6e652900130000000878656c6572616e63652e636f6d80080000000978cb"
      + "80080000000a0004";

  @Test
  void decodesACapturedXl2tpdSccrqAndReencodesItByteForByte() {
    ControlMessage m = ((Decoded.Control) decode(XL2TPD_SCCRQ)).message();
    assertThat(m.type()).isEqualTo(MessageType.SCCRQ);
    assertThat(m.avp(AvpType.HOST_NAME).orElseThrow().text()).isEqualTo("(none)");
    assertThat(m.avp(AvpType.VENDOR_NAME).orElseThrow().text()).isEqualTo("xelerance.com");
    assertThat(m.avp(AvpType.VENDOR_NAME).orElseThrow().mandatory()).isFalse();
    assertThat(m.u16(AvpType.FIRMWARE_REVISION)).isEqualTo(0x0690);
    assertThat(m.u16(AvpType.ASSIGNED_TUNNEL_ID)).isEqualTo(0x78cb);
    assertThat(m.u16(AvpType.RECEIVE_WINDOW_SIZE)).isEqualTo(4);
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encode(m, out, null, new SplittableRandom(1));
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo(XL2TPD_SCCRQ);
  }

  private static Decoded decode(String hex) {
    return L2tpCodec.decode(Unpooled.wrappedBuffer(HEX.parseHex(hex)), null);
  }

  @Test
  void decodesAnSccrq() {
    Decoded d = decode(SCCRQ);
    assertThat(d).isInstanceOf(Decoded.Control.class);
    ControlMessage m = ((Decoded.Control) d).message();
    assertThat(m.type()).isEqualTo(MessageType.SCCRQ);
    assertThat(m.tunnelId()).isZero();
    assertThat(m.ns()).isZero();
    assertThat(m.u16(AvpType.PROTOCOL_VERSION)).isEqualTo(0x0100);
    assertThat(m.avp(AvpType.HOST_NAME).orElseThrow().text()).isEqualTo("lac");
    assertThat(m.u16(AvpType.ASSIGNED_TUNNEL_ID)).isEqualTo(0x1234);
    assertThat(m.u16(AvpType.RECEIVE_WINDOW_SIZE)).isEqualTo(4);
    assertThat(m.avp(AvpType.FRAMING_CAPABILITIES).orElseThrow().u32()).isEqualTo(3);
  }

  @Test
  void encodesByteForByte() {
    ControlMessage m = ((Decoded.Control) decode(SCCRQ)).message();
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encode(m, out, null, new SplittableRandom(1));
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo(SCCRQ);
  }

  @Test
  void aZlbIsAControlMessageWithoutAvps() {
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encode(new ControlMessage(0x1234, 0, 3, 7, List.of()), out, null, new SplittableRandom(1));
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("c802000c1234000000030007");
    ControlMessage back = ((Decoded.Control) L2tpCodec.decode(out, null)).message();
    assertThat(back.zlb()).isTrue();
    assertThat(back.nr()).isEqualTo(7);
  }

  @Test
  void decodesDataMessagesWithAndWithoutLengthSequenceAndOffset() {
    assertThat(decode("0002 1234 5678 ff03c021".replace(" ", "")))
        .isEqualTo(new Decoded.Data(0x1234, 0x5678, -1, -1, 6, 4));
    assertThat(decode("4802 000e 1234 5678 0001 0002 ff03".replace(" ", "")))
        .isEqualTo(new Decoded.Data(0x1234, 0x5678, 1, 2, 12, 2));
    assertThat(decode("0202 1234 5678 0002 aaaa ff03".replace(" ", "")))
        .isEqualTo(new Decoded.Data(0x1234, 0x5678, -1, -1, 10, 2));
  }

  @Test
  void writesDataHeaders() {
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encodeDataHeader(out, 0x1234, 0x5678, -1, -1, 4);
    assertThat(ByteBufUtil.hexDump(out)).isEqualTo("4002000c12345678");
    out.writeInt(0xff03c021);
    assertThat(L2tpCodec.decode(out, null)).isEqualTo(new Decoded.Data(0x1234, 0x5678, -1, -1, 8, 4));
    ByteBuf seq = Unpooled.buffer();
    L2tpCodec.encodeDataHeader(seq, 1, 2, 5, 6, 2);
    seq.writeShort(0xff03);
    assertThat(ByteBufUtil.hexDump(seq)).isEqualTo("4802000e0001000200050006ff03");
  }

  @Test
  void malformedInputIsAValueWithAReason() {
    assertThat(decode("c802")).isInstanceOf(Decoded.Malformed.class);
    assertThat(((Decoded.Malformed) decode("c802000c12340000000000")).reason()).contains("Length field 12 but datagram has 11 bytes");
    assertThat(((Decoded.Malformed) decode("c8030008123400000000")).reason()).contains("version 3");
    assertThat(((Decoded.Malformed) decode("8802000c000000000000")).reason()).contains("L and S must be set");
    assertThat(((Decoded.Malformed) decode("c80200ff00000000000000000000")).reason()).contains("Length field 255");
    assertThat(((Decoded.Malformed) decode("c8020012000000000000000080ff00000000")).reason()).contains("overruns");
  }

  @Test
  void hiddenAvpsRoundTripWithTheTunnelSecret() {
    byte[] secret = "tunnel-secret".getBytes();
    ControlMessage m = new ControlMessage(1, 2, 0, 0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, 10),
        Avp.of(AvpType.RANDOM_VECTOR, HEX.parseHex("0102030405060708090a0b0c0d0e0f10")),
        new Avp(true, true, 0, AvpType.CALLING_NUMBER, "5551234 and a long number to span two md5 blocks".getBytes())));
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encode(m, out, secret, new SplittableRandom(2));
    assertThat(ByteBufUtil.hexDump(out)).doesNotContain(HEX.formatHex("5551234".getBytes()));
    Decoded d = L2tpCodec.decode(out.duplicate(), secret);
    assertThat(((Decoded.Control) d).message()).isEqualTo(m);
    assertThat(L2tpCodec.decode(out.duplicate(), "wrong".getBytes())).isInstanceOf(Decoded.Malformed.class);
    assertThat(L2tpCodec.decode(out.duplicate(), null)).isInstanceOf(Decoded.Malformed.class);
  }

  @Test
  void aHiddenAvpNearTheLengthLimitIsPaddedOnlyAsFarAsItsTenBitLengthAllows() {
    byte[] secret = "tunnel-secret".getBytes();
    byte[] rv = HEX.parseHex("0102030405060708090a0b0c0d0e0f10");
    for (int seed = 0; seed < 32; seed++) {
      ControlMessage m = new ControlMessage(1, 2, 0, 0, List.of(Avp.u16(AvpType.MESSAGE_TYPE, 10), Avp.of(AvpType.RANDOM_VECTOR, rv),
          new Avp(true, true, 0, AvpType.CALLING_NUMBER, new byte[1023 - 6 - 2])));
      ByteBuf out = Unpooled.buffer();
      L2tpCodec.encode(m, out, secret, new SplittableRandom(seed));
      assertThat(((Decoded.Control) L2tpCodec.decode(out.duplicate(), secret)).message()).isEqualTo(m);
    }
    ControlMessage tooLong = new ControlMessage(1, 2, 0, 0, List.of(Avp.of(AvpType.CALLING_NUMBER, new byte[1018])));
    assertThatThrownBy(() -> L2tpCodec.encode(tooLong, Unpooled.buffer(), secret, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1023");
  }
}
