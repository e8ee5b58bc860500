package io.jlns.ppp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Coverage-guided fuzzing of a PPP session (RFC 1661 LCP, RFC 1332 IPCP, CHAP, MS-CHAP,
 * MS-CHAPv2, PAP) as the LNS runs it: the fuzzer is the client, optionally helped by a harness
 * that acknowledges every Configure-Request the server sends (so LCP opens and the
 * authentication and IPCP phases are reached). Invariants: nothing escapes {@code onFrame}; what
 * the server sends stays bounded; at most one address is in use; when the carrier goes, every
 * address taken from the pool is given back and nothing stays attached to the IP network.
 */
class PppSessionFuzzTest {
  private static final List<List<String>> AUTH = List.of(List.of("pap"), List.of("chap"), List.of("ms-chap"),
      List.of("ms-chap-v2"), List.of("ms-chap-v2", "chap", "pap"), List.of());
  private static final int[] PROTOCOLS = {0xc021, 0x8021, 0xc223, 0xc023, 0x0021, 0x80fd, 0x8057, 0xc025, 0x0057, 0x002d};

  /** One session and the world around it, fresh for each input. */
  static final class World {
    final ManualScheduler clock = new ManualScheduler();
    final Deque<byte[]> out = new ArrayDeque<>();
    final Map<Integer, Consumer<ByteBuf>> attached = new HashMap<>();
    int allocated;
    int released;
    int sentTotal;
    final PppServices services = new PppServices((r, done) -> AuthService.local(TestUsers.ALICE).authenticate(r, done),
        new PppServices.AddressPool() {
          @Override
          public OptionalInt allocate(String pool, String owner) {
            allocated++;
            return OptionalInt.of(0x14000064 + allocated);
          }

          @Override
          public void release(String pool, int address) {
            released++;
          }
        }, new PppServices.IpNetwork() {
          @Override
          public void attach(int address, Consumer<ByteBuf> toClient, String owner) {
            attached.put(address, toClient);
          }

          @Override
          public void detach(int address) {
            attached.remove(address);
          }

          @Override
          public void fromClient(int address, ByteBuf packet) {
            packet.release();
          }

          @Override
          public boolean inUse(int address) {
            return attached.containsKey(address);
          }
        });

    PppSession session(List<String> auth) {
      PppSettings s = new PppSettings("72_LNS", auth, 0x0c000008, "POOL", List.of(0x08080808), 1400, 10, 3);
      return new PppSession("Virtual-Access2", s, services, new PppSession.Link() {
        @Override
        public void send(ByteBuf frame) {
          byte[] b = new byte[frame.readableBytes()];
          frame.readBytes(b);
          frame.release();
          sentTotal++;
          if (out.size() < 1000) {
            out.add(b);
          }
        }

        @Override
        public void disconnect(String reason) {}
      }, clock, new SplittableRandom(4), UnpooledByteBufAllocator.DEFAULT);
    }

    /** Acknowledges each LCP and IPCP Configure-Request the server sent, as a cooperative client would. */
    void ackServerRequests(PppSession s) {
      for (int n = out.size(); n > 0; n--) {
        byte[] b = out.poll();
        int protocol = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        if ((protocol == 0xc021 || protocol == 0x8021) && b.length >= 6 && b[2] == ControlPacket.CONFIGURE_REQUEST) {
          byte[] ack = new byte[b.length + 2];
          ack[0] = (byte) 0xff;
          ack[1] = 0x03;
          System.arraycopy(b, 0, ack, 2, b.length);
          ack[4] = ControlPacket.CONFIGURE_ACK;
          s.onFrame(Unpooled.wrappedBuffer(ack));
        }
      }
    }
  }

  @FuzzTest
  void anyFrameInAnyPhaseKeepsTheSessionBoundedAndGivesItsAddressBack(FuzzedDataProvider data) {
    World w = new World();
    PppSession s = w.session(data.pickValue(AUTH));
    s.start();
    boolean cooperate = data.consumeBoolean();
    int frames = data.consumeInt(1, 12);
    for (int i = 0; i < frames; i++) {
      if (cooperate) {
        w.ackServerRequests(s);
      }
      switch (data.consumeInt(0, 3)) {
        case 0 -> s.onFrame(Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(0, 1600))));
        case 1, 2 -> s.onFrame(Unpooled.wrappedBuffer(frame(data)));
        default -> w.clock.advance(data.consumeLong(0, 60_000));
      }
      assertThat(w.attached.size()).isLessThanOrEqualTo(1);
    }
    // Each frame is answered by a few at most; the timers add retransmissions and echoes.
    assertThat(w.sentTotal).isLessThanOrEqualTo(8 * frames + 64);
    s.lowerDown("the fuzz input ended");
    assertThat(s.phase()).isEqualTo(PppSession.Phase.DEAD);
    assertThat(w.attached).isEmpty();
    assertThat(w.released).isEqualTo(w.allocated);
    w.clock.advance(600_000);
    assertThat(w.attached).isEmpty();
  }

  /** A PPP frame: address and control (or not), a protocol, and a control packet with a Length that may lie. */
  private static byte[] frame(FuzzedDataProvider data) {
    boolean acfc = data.consumeBoolean();
    int protocol = data.consumeBoolean() ? data.pickValue(PROTOCOLS) : data.consumeInt(0, 0xffff);
    int code = data.consumeInt(0, 15);
    int id = data.consumeInt(0, 255);
    byte[] body = data.consumeBytes(data.consumeInt(0, 300));
    int length = data.consumeBoolean() ? body.length + 4 : data.consumeInt(0, 0xffff);
    int h = acfc ? 0 : 2;
    byte[] f = new byte[h + 2 + 4 + body.length];
    if (!acfc) {
      f[0] = (byte) 0xff;
      f[1] = 0x03;
    }
    f[h] = (byte) (protocol >> 8);
    f[h + 1] = (byte) protocol;
    f[h + 2] = (byte) code;
    f[h + 3] = (byte) id;
    f[h + 4] = (byte) (length >> 8);
    f[h + 5] = (byte) length;
    System.arraycopy(body, 0, f, h + 6, body.length);
    return f;
  }
}
