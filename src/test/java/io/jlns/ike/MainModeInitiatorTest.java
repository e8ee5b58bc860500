package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.time.ManualScheduler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * jlns's own Main Mode when a client's ISAKMP SA nears its lifetime. The client's side of it is a
 * second responder (as strongSwan answers a Main Mode from its server), at the client's private
 * address behind the simulated NAT; the first SA comes from {@link TestInitiator}.
 */
class MainModeInitiatorTest extends RecordingChildSas {
  /** The test configuration with an ISAKMP lifetime of 600 s and ESP SAs of an hour, no DPD. */
  static final String CONFIG = IkeResponderTest.CONFIG.replace(" lifetime 3600\n", " lifetime 600\n")
      .replace("lifetime seconds 600", "lifetime seconds 3600").replace("crypto isakmp keepalive 10 2\n", "");
  private static final InetSocketAddress CLIENT_4500 = IkeResponderTest.endpoint("10.0.0.10", 4500);
  private final ManualScheduler clock = new ManualScheduler();
  private final AtomicReference<Config> config = new AtomicReference<>(IkeResponderTest.load(CONFIG));
  private final IkeResponder responder = new IkeResponder(config::get, clock, new SecureRandom(new byte[] {3}),
      (local, remote, m) -> sent.add(new TestInitiator.Sent(local, remote, m)), this);
  /** The client's IKE daemon answering jlns, and what it sent and installed. */
  private final List<TestInitiator.Sent> peerSent = new ArrayList<>();
  private final List<ChildSa> peerInstalled = new ArrayList<>();
  /** The client's own configuration: the same, unless a test gives it another key for jlns's address. */
  private final AtomicReference<Config> peerConfig = new AtomicReference<>(IkeResponderTest.load(CONFIG));
  private final IkeResponder peer = new IkeResponder(peerConfig::get, clock, new SecureRandom(new byte[] {5}),
      (local, remote, m) -> peerSent.add(new TestInitiator.Sent(local, remote, m)), new IkeResponder.ChildSas() {
        @Override
        public boolean install(ChildSa sa) {
          peerInstalled.add(sa);
          return true;
        }

        @Override
        public void activate(int inboundSpi) {}

        @Override
        public void remove(int inboundSpi, String reason) {}
      });
  private int relayedFromServer;
  private int relayedFromPeer;

  @Override
  public IkeResponder responder() {
    return responder;
  }

  private TestInitiator connected() {
    TestInitiator c = new TestInitiator(this, 500, "10.0.0.10", "test-psk");
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    relayedFromServer = sent.size();
    return c;
  }

  /** Main Mode messages jlns sent to the client's NAT-T endpoint since {@code from}, as initiator (rcookie 0: message 1). */
  private List<byte[]> message1s(TestInitiator c, int from) {
    List<byte[]> out = new ArrayList<>();
    for (TestInitiator.Sent s : sent.subList(from, sent.size())) {
      Header h = IsakmpCodec.decodeHeader(s.data(), s.data().length).value();
      if (s.remote().equals(c.public4500) && h.exchange() == Header.MAIN_MODE && h.responderCookie() == 0) {
        out.add(s.data());
      }
    }
    return out;
  }

  /** Carries datagrams between jlns and the client's daemon (through the NAT) until both are quiet. */
  private void relay(TestInitiator c) {
    while (relayedFromServer < sent.size() || relayedFromPeer < peerSent.size()) {
      while (relayedFromServer < sent.size()) {
        TestInitiator.Sent s = sent.get(relayedFromServer++);
        if (s.remote().equals(c.public4500)) {
          peer.onMessage(CLIENT_4500, TestInitiator.LNS_4500, s.data());
        }
      }
      while (relayedFromPeer < peerSent.size()) {
        TestInitiator.Sent s = peerSent.get(relayedFromPeer++);
        responder.onMessage(TestInitiator.LNS_4500, c.public4500, s.data());
      }
    }
  }

  @Test
  void nearItsLifetimeJlnsReplacesTheClientsIsakmpSaWithItsOwnMainModeAndUsesIt() {
    TestInitiator c = connected();
    int oldConnId = responder.ikeSas().get(0).connId();
    // Lifetime 600 s: jlns starts at 600 - max(15, 60) = 540 s.
    clock.advance(539_000);
    assertThat(message1s(c, relayedFromServer)).isEmpty();
    clock.advance(1_000);
    List<byte[]> mm1 = message1s(c, relayedFromServer);
    assertThat(mm1).hasSize(1);
    relay(c);
    assertThat(responder.counters()).containsEntry("reauth", 1L);
    List<IkeResponder.IkeSaView> ours = responder.ikeSas();
    assertThat(ours).hasSize(2).allSatisfy(v -> assertThat(v.state()).isEqualTo("QM_IDLE"));
    IkeResponder.IkeSaView fresh = ours.get(1);
    assertThat(fresh.connId()).isGreaterThan(oldConnId);
    assertThat(fresh.peer()).isEqualTo(c.public4500);
    assertThat(fresh.peerIdentity()).isEqualTo("10.0.0.10");
    assertThat(fresh.natT()).isTrue();
    assertThat(fresh.remainingSeconds()).isEqualTo(600);
    assertThat(fresh.initiatedByUs()).isTrue();
    assertThat(ours.get(0).initiatedByUs()).isFalse();
    assertThat(responder.established(c.public4500).connId).isEqualTo(fresh.connId());
    // The client's side has the same SA, initiated by us from our UDP 4500, with the same key.
    assertThat(peer.ikeSas()).singleElement().satisfies(v -> {
      assertThat(v.state()).isEqualTo("QM_IDLE");
      assertThat(v.peer()).isEqualTo(TestInitiator.LNS_4500);
      assertThat(v.peerIdentity()).isEqualTo("198.51.100.1");
    });
    Map<Long, byte[]> ourKeys = WiresharkKeys.ikev1(responder);
    Map<Long, byte[]> theirKeys = WiresharkKeys.ikev1(peer);
    long icookie = theirKeys.keySet().iterator().next();
    assertThat(ourKeys.get(icookie)).isEqualTo(theirKeys.get(icookie));
    // No INITIAL-CONTACT: the client's ESP SAs stay; the new SA carries jlns's own Quick Mode.
    assertThat(installed).containsKey(c.theirSpi);
    responder.volumeNearlyUsed(c.theirSpi);
    relay(c);
    assertThat(responder.counters()).containsEntry("rekeys", 1L);
    assertThat(peerInstalled).hasSize(1);
    ChildSa replaced = installed.values().stream().filter(x -> x.inboundSpi() != c.theirSpi).findFirst().orElseThrow();
    assertThat(replaced.outboundSpi()).isEqualTo(peerInstalled.get(0).inboundSpi());
    assertThat(replaced.encOut()).isEqualTo(peerInstalled.get(0).encIn());
    assertThat(replaced.ikeSaId()).isEqualTo(icookie);
    // The old SA ends at its lifetime with a Delete; the new one goes on.
    int before = sent.size();
    clock.advance(60_000);
    relay(c);
    assertThat(responder.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::connId).isEqualTo(fresh.connId());
    assertThat(sent.subList(before, sent.size()).stream().map(s -> c.openInformational(s.data()))
        .anyMatch(p -> p != null && p.first(Payload.Delete.class) != null)).isTrue();
  }

  @Test
  void anAggressiveModeClientIsReauthenticatedWithTheHostnameKeyItsSaWasMadeWith() {
    config.set(IkeResponderTest.load(CONFIG + "no crypto isakmp aggressive-mode disable\n"
        + "crypto isakmp key name-psk hostname vpn.client.example\n"));
    // The client holds that key for jlns's address (strongSwan: '%any 198.51.100.1 : PSK ...').
    peerConfig.set(IkeResponderTest.load(CONFIG + "crypto isakmp key name-psk address 198.51.100.1 255.255.255.255\n"));
    TestInitiator c = new TestInitiator(this, 500, "10.0.0.10", "name-psk");
    assertThat(c.aggressiveMode("vpn.client.example", true)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    relayedFromServer = sent.size();
    clock.advance(540_000);
    relay(c);
    assertThat(responder.counters()).containsEntry("reauth", 1L).doesNotContainKey("reauth-failed");
    assertThat(peer.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
  }

  @Test
  void aClientThatReauthenticatedItselfIsLeftAlone() {
    TestInitiator c = connected();
    clock.advance(500_000);
    TestInitiator again = new TestInitiator(this, 500, "10.0.0.10", "test-psk");
    assertThat(again.mainMode(false)).isNull();
    int before = sent.size();
    clock.advance(45_000);
    assertThat(message1s(c, before)).isEmpty();
    assertThat(responder.counters()).doesNotContainKey("reauth-started");
  }

  @Test
  void aClientThatNeverAnswersIsGivenUpAfterThreeRetransmissionsAndTheOldSaStaysToItsEnd() {
    TestInitiator c = connected();
    clock.advance(540_000);
    int before = sent.size();
    clock.advance(4_000 + 8_000 + 16_000);
    assertThat(message1s(c, before)).hasSize(3);
    clock.advance(16_000 - 1);
    assertThat(responder.ikeSas()).hasSize(2);
    clock.advance(1);
    assertThat(responder.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
    assertThat(responder.counters()).containsEntry("reauth-failed", 1L);
    assertThat(installed).containsKey(c.theirSpi);
  }
}
