package io.jlns.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.ppp.ControlPacket;
import io.jlns.ppp.AuthService;
import io.jlns.ppp.Credentials;
import io.jlns.ppp.PppServices;
import io.jlns.ppp.PppSession;
import io.jlns.ppp.PppSettings;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The generator's PPP peer against jlns's own PPP session in-process, and against silence. */
class PppPeerTest {
  private static final int LOOPBACK = 0x0c000008; // 12.0.0.8
  private static final int POOL_FIRST = 0x14000064; // 20.0.0.100
  private final ManualScheduler clock = new ManualScheduler();
  private final List<String> events = new ArrayList<>();
  private final List<byte[]> fromPeer = new ArrayList<>();
  private PppSession server;
  private PppPeer peer;
  private boolean silent;

  private final PppServices services = new PppServices(AuthService.local(io.jlns.ppp.TestUsers.ALICE), new PppServices.AddressPool() {
    @Override
    public OptionalInt allocate(String pool, String owner) {
      return OptionalInt.of(POOL_FIRST);
    }

    @Override
    public void release(String pool, int address) {}
  }, new PppServices.IpNetwork() {
    @Override
    public void attach(int address, Consumer<ByteBuf> toClient, String owner) {}

    @Override
    public void detach(int address) {}

    @Override
    public void fromClient(int address, ByteBuf packet) {
      events.add("ip to LNS " + packet.readableBytes() + " bytes");
    }
  });

  private void connect(Profile profile, PppPeer.Auth auth, String password, List<String> serverAuth) {
    server = new PppSession("Virtual-Access1", new PppSettings("LNS", serverAuth, LOOPBACK, "POOL", List.of(), 1400, 10, 3),
        services, new PppSession.Link() {
          @Override
          public void send(ByteBuf frame) {
            byte[] b = new byte[frame.readableBytes()];
            frame.readBytes(b);
            frame.release();
            clock.schedule(1, () -> peer.onFrame(b, 0, b.length));
          }

          @Override
          public void disconnect(String reason) {
            events.add("LNS disconnects: " + reason);
          }
        }, clock, new SplittableRandom(4), UnpooledByteBufAllocator.DEFAULT);
    peer = new PppPeer(new PppPeer.Events() {
      @Override
      public void send(byte[] frame) {
        fromPeer.add(frame);
        if (!silent) {
          clock.schedule(1, () -> server.onFrame(Unpooled.wrappedBuffer(frame)));
        }
      }

      @Override
      public void up(byte[] ours, byte[] theirs) {
        events.add("up " + dotted(ours) + " peer " + dotted(theirs));
      }

      @Override
      public void ip(byte[] b, int off, int len) {
        events.add("ip from LNS " + len + " bytes");
      }

      @Override
      public void down(Failure f, String reason) {
        events.add("down " + f);
      }
    }, clock, new SplittableRandom(3), profile, auth, "alice", password);
    if (!silent) {
      server.start();
    }
    peer.start();
    clock.advance(5_000);
  }

  @Test
  void chapMd5AgainstJlns() {
    connect(Profile.LINUX, PppPeer.Auth.CHAP, "alicepw", List.of("chap"));
    assertThat(events).containsExactly("up 20.0.0.100 peer 12.0.0.8");
  }

  @Test
  void msChapV2IsAskedForWhenTheLnsOffersChapFirstAndItsAuthenticatorResponseChecks() {
    connect(Profile.WINDOWS, PppPeer.Auth.MSCHAPV2, "alicepw", List.of("chap", "ms-chap"));
    assertThat(events).containsExactly("up 20.0.0.100 peer 12.0.0.8");
  }

  @Test
  void papAgainstJlns() {
    connect(Profile.MACOS, PppPeer.Auth.PAP, "alicepw", List.of("pap"));
    assertThat(events).containsExactly("up 20.0.0.100 peer 12.0.0.8");
  }

  @Test
  void aWrongPasswordIsAnAuthenticationFailure() {
    connect(Profile.WINDOWS, PppPeer.Auth.MSCHAPV2, "wrong", List.of("ms-chap-v2"));
    assertThat(events).contains("down AUTH_FAILED");
  }

  @Test
  void anLnsThatDoesNotAllowOurMethodEndsAsAnAuthenticationFailure() {
    connect(Profile.LINUX, PppPeer.Auth.PAP, "alicepw", List.of("chap", "ms-chap"));
    clock.advance(60_000);
    assertThat(events).contains("down AUTH_FAILED");
  }

  @Test
  void theWindowsProfileAsksForCallbackAndIdentificationAndStillComesUp() {
    connect(Profile.WINDOWS, PppPeer.Auth.CHAP, "alicepw", List.of("chap"));
    ControlPacket first = ControlPacket.parse(Unpooled.wrappedBuffer(fromPeer.get(0), 4, fromPeer.get(0).length - 4));
    // MRU 1400, magic, Callback (13) operation 6, PFC, ACFC: as clients.md records Windows' LCP.
    assertThat(first.data()).startsWith(1, 4, 0x05, 0x78, 5, 6);
    assertThat(first.data()).endsWith(13, 3, 6, 7, 2, 8, 2);
    assertThat(events).containsExactly("up 20.0.0.100 peer 12.0.0.8");
  }

  @Test
  void echoRequestsAreAnsweredWithOurMagicNumber() {
    connect(Profile.LINUX, PppPeer.Auth.CHAP, "alicepw", List.of("chap"));
    fromPeer.clear();
    peer.onFrame(new byte[] {(byte) 0xFF, 3, (byte) 0xC0, 0x21, 9, 7, 0, 8, 0, 0, 0, 0}, 0, 12);
    byte[] reply = fromPeer.get(0);
    assertThat(reply).startsWith(0xFF, 3, 0xC0, 0x21, 10, 7, 0, 8);
    assertThat(java.util.Arrays.copyOfRange(reply, 8, 12)).isNotEqualTo(new byte[4]);
  }

  @Test
  void aSilentLnsGetsTenConfigureRequestsThreeSecondsApartThenTheClientGivesUp() {
    silent = true;
    connect(Profile.LINUX, PppPeer.Auth.CHAP, "alicepw", List.of("chap"));
    assertThat(fromPeer).hasSize(2);
    clock.advance(25_000);
    assertThat(fromPeer).hasSize(10);
    assertThat(events).containsExactly("down PPP_TIMEOUT");
    clock.advance(60_000);
    assertThat(fromPeer).hasSize(10);
  }

  private static String dotted(byte[] a) {
    return (a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "." + (a[3] & 0xFF);
  }
}
