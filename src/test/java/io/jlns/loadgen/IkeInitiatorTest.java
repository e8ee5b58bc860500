package io.jlns.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.SecretHasher;
import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.ChildSa;
import io.jlns.ike.IkeResponder;
import io.jlns.time.ManualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generator's IKE initiator with an injected clock: against jlns's own responder in-process
 * (keys agree, NAT-T is forced, failures are told apart), and against a server that never answers.
 */
class IkeInitiatorTest {
  private static final String CONFIG = """
      hostname LNS
      crypto keyring K
       pre-shared-key address 0.0.0.0 0.0.0.0 key right-psk
      crypto isakmp policy 1
       encr 3des
       authentication pre-share
       group 2
       lifetime 3600
      crypto isakmp policy 2
       encr aes 256
       authentication pre-share
       group 14
      crypto ipsec security-association lifetime seconds 600
      crypto ipsec transform-set TS1 esp-3des esp-sha-hmac
       mode transport
      crypto ipsec transform-set TS2 esp-aes 256 esp-sha-hmac
       mode transport
      crypto dynamic-map DYN_MAP 10
       set nat demux
       set transform-set TS1 TS2
      crypto map CRYPT_MAP 6000 ipsec-isakmp dynamic DYN_MAP
      interface FastEthernet0/0
       ip address 198.51.100.1 255.255.255.0
       crypto map CRYPT_MAP
      """;
  private static final InetSocketAddress LNS_500 = new InetSocketAddress(addr("198.51.100.1"), 500);
  private static final InetSocketAddress LNS_4500 = new InetSocketAddress(addr("198.51.100.1"), 4500);
  /** The client's endpoints as the LNS sees them: the generator's one socket, so one port. */
  private static final InetSocketAddress CLIENT = new InetSocketAddress(addr("127.0.0.1"), 40000);

  private final ManualScheduler clock = new ManualScheduler();
  private final Map<Integer, ChildSa> installed = new HashMap<>();
  private final List<String> events = new ArrayList<>();
  private final List<Child> children = new ArrayList<>();
  private IkeInitiator initiator;
  private int sentToServer;
  private boolean serverSilent;

  private final IkeResponder responder = new IkeResponder(() -> load(CONFIG), clock, new SecureRandom(new byte[] {3}),
      // As on a network: the answer arrives after the responder finished with the request (1 ms later).
      (local, remote, m) -> clock.schedule(1, () -> initiator.onMessage(m)), new IkeResponder.ChildSas() {
        @Override
        public boolean install(ChildSa sa) {
          installed.put(sa.inboundSpi(), sa);
          return true;
        }

        @Override
        public void activate(int inboundSpi) {
          events.add("activated " + Integer.toHexString(inboundSpi));
        }

        @Override
        public void remove(int inboundSpi, String reason) {
          events.add("removed " + Integer.toHexString(inboundSpi) + ": " + reason);
        }
      });

  private IkeInitiator initiator(String ike, String esp, String psk) {
    IkeInitiator.Settings s = new IkeInitiator.Settings(Suites.ike(ike), Suites.esp(esp), psk.getBytes(StandardCharsets.UTF_8),
        Profile.WINDOWS, null, new byte[] {10, 0, 0, 11}, IkeInitiator.Retransmit.DEFAULT);
    SecureRandom dhRandom = new SecureRandom(new byte[] {5});
    return new IkeInitiator(s, LNS_500, (natT, m) -> {
      sentToServer++;
      if (!serverSilent) {
        responder.onMessage(natT ? LNS_4500 : LNS_500, CLIENT, m);
      }
    }, new IkeInitiator.Events() {
      @Override
      public void phase1Up(IkeKeys keys) {
        events.add("phase1 " + keys.suite);
        initiator.quickMode();
      }

      @Override
      public void childUp(Child c) {
        children.add(c);
        events.add("child " + c.suite());
      }

      @Override
      public void childDeleted(int theirSpi) {
        events.add("deleted " + Integer.toHexString(theirSpi));
      }

      @Override
      public void failed(Failure f, String reason) {
        events.add("failed " + f);
      }
    }, clock, new SplittableRandom(7), g -> new DiffieHellman(g, dhRandom));
  }

  @Test
  void mainModeAndQuickModeWithJlnsAgreeOnEveryKey() {
    initiator = initiator("3des-sha1-modp1024", "3des-sha1", "right-psk");
    initiator.start();
    clock.advance(100);
    // QM3 goes out (the responder activates the pair on it) before the client uses the pair.
    assertThat(events).containsExactly("phase1 3des-sha1-modp1024", "activated " + Integer.toHexString(children.get(0).theirSpi()),
        "child 3des-sha1");
    Child c = children.get(0);
    ChildSa server = installed.get(c.theirSpi());
    assertThat(server.outboundSpi()).isEqualTo(c.ourSpi());
    assertThat(server.encOut()).isEqualTo(c.encIn());
    assertThat(server.authOut()).isEqualTo(c.authIn());
    assertThat(server.encIn()).isEqualTo(c.encOut());
    assertThat(server.authIn()).isEqualTo(c.authOut());
    // NAT-T forced: the responder saw a NAT and negotiated UDP-encapsulated transport with the client's NAT-OA.
    assertThat(server.suite().udpEncapsulated()).isTrue();
    assertThat(server.suite().transport()).isTrue();
    assertThat(server.peerOriginal()).containsExactly(10, 0, 0, 11);
    assertThat(server.peer()).isEqualTo(CLIENT);
    // The responder's shorter lifetime (600 s) reached us through RESPONDER-LIFETIME.
    assertThat(c.lifetimeSeconds()).isEqualTo(600);
  }

  @Test
  void theResponderPicksTheFirstOfferItAllowsAndTheGeneratorFollows() {
    initiator = initiator("aes128-sha256-modp2048,aes256-sha1-modp2048", "aes256-sha1,3des-sha1", "right-psk");
    initiator.start();
    clock.advance(100);
    assertThat(events).first().isEqualTo("phase1 aes256-sha1-modp2048");
    // Quick Mode: the generator takes whichever offered transform the responder chose (here its map's first, TS1).
    ChildSa server = installed.get(children.get(0).theirSpi());
    assertThat(server.suite().transformText()).isEqualTo("esp-3des esp-sha-hmac");
    assertThat(children.get(0).suite()).hasToString("3des-sha1");
    assertThat(children.get(0).encOut()).isEqualTo(server.encIn()).hasSize(24);
  }

  @Test
  void aWrongPreSharedKeyIsToldApartFromATimeout() {
    initiator = initiator("3des-sha1-modp1024", "3des-sha1", "wrong-psk");
    initiator.start();
    clock.advance(60_000);
    assertThat(events).containsExactly("failed WRONG_PSK");
  }

  @Test
  void anOfferTheServerDoesNotAllowIsNoProposalChosen() {
    initiator = initiator("aes128-sha256-ecp256", "3des-sha1", "right-psk");
    initiator.start();
    clock.advance(60_000);
    assertThat(events).containsExactly("failed NO_PROPOSAL");
  }

  @Test
  void aServerThatNeverAnswersGetsMm1FourTimesThenTheClientGivesUp() {
    serverSilent = true;
    initiator = initiator("3des-sha1-modp1024", "3des-sha1", "right-psk");
    initiator.start();
    assertThat(sentToServer).isEqualTo(1);
    clock.advance(1999);
    assertThat(sentToServer).isEqualTo(1);
    clock.advance(1);
    assertThat(sentToServer).isEqualTo(2);
    clock.advance(4000);
    assertThat(sentToServer).isEqualTo(3);
    clock.advance(8000);
    assertThat(sentToServer).isEqualTo(4);
    assertThat(events).isEmpty();
    clock.advance(16000);
    assertThat(events).containsExactly("failed IKE_TIMEOUT");
    clock.advance(120_000);
    assertThat(sentToServer).isEqualTo(4);
  }

  @Test
  void aRekeyIsASecondQuickModeOnTheSameIsakmpSa() {
    initiator = initiator("3des-sha1-modp1024", "3des-sha1", "right-psk");
    initiator.start();
    clock.advance(100);
    initiator.quickMode();
    clock.advance(100);
    assertThat(children).hasSize(2);
    assertThat(children.get(1).ourSpi()).isNotEqualTo(children.get(0).ourSpi());
    initiator.deleteChild(children.get(0).ourSpi());
    clock.advance(100);
    assertThat(events).anyMatch(e -> e.startsWith("removed " + Integer.toHexString(children.get(0).theirSpi())));
    assertThat(responder.ikeSas()).hasSize(1);
  }

  private static Config load(String text) {
    ConfigLoader.Loaded l = new ConfigLoader(new ConfigGrammar(), new SecretHasher(new SplittableRandom(1))).load(text);
    if (!l.ok()) {
      throw new AssertionError(l.diagnostics());
    }
    return l.config();
  }

  static InetAddress addr(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
