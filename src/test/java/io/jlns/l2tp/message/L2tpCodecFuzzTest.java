package io.jlns.l2tp.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Coverage-guided fuzzing of the L2TPv2 header and AVP decoder (RFC 2661 sections 3 and 4),
 * hidden AVPs included: any datagram is a control message, a data message or a reasoned
 * refusal, never an exception and never a read outside the datagram; a control message encodes
 * back to bytes that decode to the same message (encode is a fixpoint after one round).
 */
class L2tpCodecFuzzTest {
  static final byte[] SECRET = "tunnel-secret".getBytes(StandardCharsets.US_ASCII);

  @FuzzTest
  void anyDatagramDecodesOrIsRefusedAndControlMessagesRoundTrip(byte[] datagram) {
    ByteBuf in = Unpooled.wrappedBuffer(datagram);
    Decoded d = L2tpCodec.decode(in, SECRET);
    assertThat(in.readerIndex()).isZero();
    if (d instanceof Decoded.Malformed m) {
      assertThat(m.reason()).isNotBlank();
    } else if (d instanceof Decoded.Data data) {
      assertThat(data.offset()).isBetween(6, datagram.length);
      assertThat(data.offset() + data.length()).isLessThanOrEqualTo(datagram.length);
    } else if (d instanceof Decoded.Control c) {
      String once = encode(c.message());
      Decoded again = L2tpCodec.decode(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(once)), SECRET);
      assertThat(again).isInstanceOf(Decoded.Control.class);
      assertThat(encode(((Decoded.Control) again).message())).isEqualTo(once);
    }
  }

  private static String encode(ControlMessage m) {
    ByteBuf out = Unpooled.buffer();
    L2tpCodec.encode(m, out, SECRET, new SplittableRandom(7));
    return ByteBufUtil.hexDump(out);
  }
}
