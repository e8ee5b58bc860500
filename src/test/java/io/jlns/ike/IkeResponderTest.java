package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.SecretHasher;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import io.jlns.ike.message.Proposal;
import io.jlns.time.ManualScheduler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The IKEv1 responder against an in-process initiator behind a simulated NAT, with an injected clock. */
class IkeResponderTest extends RecordingChildSas {
  static final String CONFIG = """
      crypto keyring L2TP
       pre-shared-key address 0.0.0.0 0.0.0.0 key test-psk
      crypto isakmp policy 1
       encr 3des
       authentication pre-share
       group 2
       lifetime 3600
      crypto isakmp keepalive 10 2
      crypto ipsec security-association lifetime seconds 600
      crypto ipsec transform-set TS1 esp-3des esp-sha-hmac
       mode transport
      crypto dynamic-map DYN_MAP 10
       set nat demux
       set transform-set TS1
      crypto map CRYPT_MAP 6000 ipsec-isakmp dynamic DYN_MAP
      interface FastEthernet0/0
       ip address 198.51.100.1 255.255.255.0
       crypto map CRYPT_MAP
      """;
  private final ManualScheduler clock = new ManualScheduler();
  private final AtomicReference<Config> config = new AtomicReference<>(load(CONFIG));
  private final IkeResponder responder = new IkeResponder(config::get, clock, new SecureRandom(new byte[] {3}),
      (local, remote, m) -> sent.add(new TestInitiator.Sent(local, remote, m)), this);

  @Override
  public IkeResponder responder() {
    return responder;
  }

  private TestInitiator client(int port) {
    return new TestInitiator(this, port, "10.0.0.1" + (port % 10), "test-psk");
  }

  @Test
  void mainModeAndQuickModeInstallAnEspSaPairBehindANat() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    List<IkeResponder.IkeSaView> ike = responder.ikeSas();
    assertThat(ike).hasSize(1);
    assertThat(ike.get(0).state()).isEqualTo("QM_IDLE");
    assertThat(ike.get(0).natT()).isTrue();
    assertThat(ike.get(0).peer()).isEqualTo(c.public4500);
    assertThat(ike.get(0).peerIdentity()).isEqualTo("10.0.0.10");
    // The seed's policy lifetime (3600 s) wins over the offered 28800 s.
    assertThat(ike.get(0).suite().lifetimeSeconds()).isEqualTo(3600);
    assertThat(c.quickMode(3, 0, 2)).isNull();
    assertThat(installed).hasSize(1);
    ChildSa sa = installed.values().iterator().next();
    assertThat(sa.outboundSpi()).isEqualTo(c.ourSpi);
    assertThat(sa.inboundSpi()).isEqualTo(c.theirSpi);
    assertThat(sa.suite().transformText()).isEqualTo("esp-3des esp-sha-hmac");
    assertThat(sa.suite().udpEncapsulated()).isTrue();
    assertThat(sa.suite().transport()).isTrue();
    assertThat(sa.suite().natDemux()).isTrue();
    assertThat(sa.suite().lifetimeSeconds()).isEqualTo(600);
    assertThat(sa.peerOriginal()).containsExactly(10, 0, 0, 10);
    // Both sides derived the same keys: our inbound key is the initiator's outbound one.
    byte[] in = c.keymat(c.theirSpi, 44);
    assertThat(sa.encIn()).isEqualTo(Arrays.copyOf(in, 24));
    assertThat(sa.authIn()).isEqualTo(Arrays.copyOfRange(in, 24, 44));
    byte[] out = c.keymat(c.ourSpi, 44);
    assertThat(sa.encOut()).isEqualTo(Arrays.copyOf(out, 24));
  }

  @Test
  void responderLifetimeTellsTheInitiatorOurShorterSecondsAndTheKilobytesItDidNotPropose() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    // The initiator proposes 3600 s and no kilobytes; we enforce 600 s and the default 4608000 KB.
    assertThat(c.quickMode(3, 0, 2)).isNull();
    Payload.Notify n = c.qm2.all(Payload.Notify.class).stream().filter(x -> x.messageType() == Notifications.RESPONDER_LIFETIME)
        .findFirst().orElseThrow();
    assertThat(n.spi()).isEqualTo(Keys.int32(c.theirSpi));
    // Attributes: type 1 (seconds) 600, type 2 (kilobytes) 4608000 (RFC 2407 section 4.5).
    byte[] d = n.data();
    assertThat(java.util.HexFormat.of().formatHex(d)).isEqualTo("80010001" + "80020258" + "80010002" + "0002000400465000");
  }

  @Test
  void theCommitBitIsEchoedAndQm3IsConfirmedWithConnected() {
    TestInitiator c = client(500);
    c.commit = true;
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    assertThat(installed).containsKey(c.theirSpi);
    assertThat(c.checkQm4(c.qm4)).isNull();
    // QM4 lost: the initiator resends QM3 and gets the same QM4 again, nothing installed twice.
    int before = sent.size();
    byte[] again = c.exchange(c.public4500, TestInitiator.LNS_4500, c.qm3);
    assertThat(again).isEqualTo(c.qm4);
    assertThat(sent).hasSize(before + 1);
    assertThat(installed).hasSize(1);
  }

  @Test
  void withoutTheCommitBitQuickModeEndsAtQm3() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    int before = sent.size();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    // QM1 got QM2; QM3 got nothing.
    assertThat(sent).hasSize(before + 1);
    assertThat(c.qm4).isNull();
  }

  @Test
  void aggressiveModeIsRefusedUnlessConfigured() {
    TestInitiator c = client(500);
    assertThat(c.aggressiveMode("vpn.client.example", true)).isEqualTo("no answer to AM1");
    assertThat(responder.counters()).containsEntry("aggressive", 1L);
    assertThat(responder.ikeSas()).isEmpty();
  }

  @Test
  void aggressiveModeWhenAllowedFindsTheKeyByHostnameAndCarriesQuickMode() {
    config.set(load(CONFIG + "no crypto isakmp aggressive-mode disable\ncrypto isakmp key name-psk hostname vpn.client.example\n"));
    for (boolean encrypted : new boolean[] {true, false}) {
      TestInitiator c = new TestInitiator(this, encrypted ? 500 : 600, "10.0.0.10", "name-psk");
      assertThat(c.aggressiveMode("vpn.client.example", encrypted)).isNull();
      IkeResponder.IkeSaView v = responder.ikeSas().get(responder.ikeSas().size() - 1);
      assertThat(v.state()).isEqualTo("QM_IDLE");
      assertThat(v.peerIdentity()).isEqualTo("vpn.client.example");
      assertThat(v.natT()).isTrue();
      assertThat(v.peer()).isEqualTo(c.public4500);
      // The IV chain after message 3 (encrypted or not) is right: Quick Mode works on top.
      assertThat(c.quickMode(3, 0, 2)).isNull();
      assertThat(installed).containsKey(c.theirSpi);
    }
  }

  @Test
  void aggressiveModeWithAWrongKeyFailsHashIAndLeavesNothing() {
    config.set(load(CONFIG + "no crypto isakmp aggressive-mode disable\ncrypto isakmp key name-psk hostname vpn.client.example\n"));
    // The wildcard address key (test-psk) applies to an unknown name; the initiator has another.
    TestInitiator c = new TestInitiator(this, 500, "10.0.0.10", "wrong-psk");
    assertThat(c.aggressiveMode("other.example", false)).isEqualTo("HASH_R does not verify");
    TestInitiator d = new TestInitiator(this, 700, "10.0.0.11", "test-psk");
    assertThat(d.aggressiveMode("other.example", false)).isNull();
    assertThat(responder.ikeSas()).extracting(IkeResponder.IkeSaView::peerIdentity).contains("other.example");
    int before = responder.ikeSas().size();
    TestInitiator e = new TestInitiator(this, 800, "10.0.0.12", "name-psk");
    e.corruptHashI = true;
    assertThat(e.aggressiveMode("vpn.client.example", true)).isNull();
    assertThat(responder.counters()).containsEntry("auth-failed", 1L);
    assertThat(responder.ikeSas()).hasSize(before);
  }

  @Test
  void aWrongPresharedKeyIsRefusedAndCounted() {
    TestInitiator c = new TestInitiator(this, 500, "10.0.0.10", "not-the-psk");
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    c.onMm4(c.exchange(c.public500, TestInitiator.LNS_500, c.mm3()));
    byte[] mm5 = c.mm5(false);
    assertThat(c.exchange(c.public4500, TestInitiator.LNS_4500, mm5)).isNull();
    assertThat(responder.counters()).containsEntry("auth-failed", 1L);
    // The initiator retransmits message 5: recognised, neither logged nor counted as a new failure.
    assertThat(c.exchange(c.public4500, TestInitiator.LNS_4500, mm5)).isNull();
    assertThat(responder.counters()).containsEntry("auth-failed", 1L).containsEntry("retransmitted", 1L);
    assertThat(responder.ikeSas()).noneMatch(s -> s.state().equals("QM_IDLE"));
    // Another client is not disturbed.
    assertThat(client(600).mainMode(false)).isNull();
  }

  @Test
  void debugCryptoIsakmpNamesTheWrongPresharedKeyAndShowsNoSecret() throws Exception {
    try (io.jlns.debug.DebugCapture d = new io.jlns.debug.DebugCapture(io.jlns.debug.Debug.Category.CRYPTO_ISAKMP)) {
      TestInitiator c = new TestInitiator(this, 500, "10.0.0.10", "not-the-psk");
      byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
      c.rcookie = IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
      c.onMm4(c.exchange(c.public500, TestInitiator.LNS_500, c.mm3()));
      c.exchange(c.public4500, TestInitiator.LNS_4500, c.mm5(false));
      String text = d.text();
      assertThat(text).contains("ISAKMP (0): received packet from 198.51.100.2 dport 500 sport 500 Global (R) Main Mode",
          "Checking ISAKMP transform 1 against priority 1 policy", "atts are acceptable.",
          "Old State = IKE_READY  New State = IKE_R_MM2", "found a pre-shared key for peer 198.51.100.2",
          "New State = IKE_R_MM4", "does not decrypt to ID and HASH payloads",
          "probable pre-shared key mismatch").doesNotContain("not-the-psk").doesNotContain("test-psk");
      // a condition naming another client silences this one
      io.jlns.debug.Debug.addCondition(TestInitiator.addr("192.0.2.99"), null);
      client(600).mainMode(false);
      assertThat(d.lines()).isEmpty();
    }
  }

  @Test
  void debugCryptoIsakmpSaysWhyNoProposalWasChosen() {
    try (io.jlns.debug.DebugCapture d = new io.jlns.debug.DebugCapture(io.jlns.debug.Debug.Category.CRYPTO_ISAKMP)) {
      TestInitiator c = client(500);
      c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.aesSha256Group14Offer()));
      assertThat(d.text()).contains("Checking ISAKMP transform 1 against priority 1 policy",
          "encryption AES-CBC, keylength of 256, hash SHA256, default group 14, auth pre-share",
          "Encryption algorithm offered does not match policy!", "no offers accepted!",
          "phase 1 SA policy not acceptable!", "NO-PROPOSAL-CHOSEN sent");
    }
  }

  @Test
  void anUnacceptableOfferGetsNoProposalChosen() {
    TestInitiator c = client(500);
    byte[] reply = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.aesSha256Group14Offer()));
    Payloads ps = IsakmpCodec.decodePayloads(reply[16], reply, 28, reply.length).value();
    assertThat(ps.first(Payload.Notify.class).messageType()).isEqualTo(Notifications.NO_PROPOSAL_CHOSEN);
    assertThat(responder.counters()).containsEntry("no-proposal-chosen", 1L);
    assertThat(responder.ikeSas()).isEmpty();
  }

  @Test
  void aRetransmittedRequestGetsTheSameReplyAgain() {
    TestInitiator c = client(500);
    byte[] mm1 = c.mm1(TestInitiator.seedOffer());
    byte[] first = c.exchange(c.public500, TestInitiator.LNS_500, mm1);
    byte[] again = c.exchange(c.public500, TestInitiator.LNS_500, mm1);
    assertThat(again).isEqualTo(first);
    assertThat(responder.ikeSas()).hasSize(1);
  }

  @Test
  void garbageAndTruncatedDatagramsAreDroppedWithoutHarm() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    byte[] junk = new byte[40];
    new SplittableRandom(5).nextBytes(junk);
    responder.onMessage(TestInitiator.LNS_500, c.public500, junk);
    responder.onMessage(TestInitiator.LNS_500, c.public500, new byte[3]);
    assertThat(responder.counters()).containsEntry("malformed", 2L);
    assertThat(c.quickMode(3, 0, 2)).isNull();
  }

  @Test
  void anUnacceptableEspTransformIsRefused() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(12, 256, 2)).isEqualTo("no answer to QM1");
    assertThat(responder.counters()).containsEntry("no-proposal-chosen", 1L);
    assertThat(installed).isEmpty();
  }

  @Test
  void initialContactClearsOnlyTheSameNatTEndpoint() {
    TestInitiator a = client(500);
    TestInitiator b = client(600);
    assertThat(a.mainMode(false)).isNull();
    assertThat(a.quickMode(3, 0, 2)).isNull();
    assertThat(b.mainMode(false)).isNull();
    assertThat(b.quickMode(3, 0, 2)).isNull();
    clock.advance(1000);
    // b reboots and reconnects from the same NAT mapping with INITIAL-CONTACT.
    TestInitiator b2 = client(600);
    assertThat(b2.mainMode(true)).isNull();
    assertThat(installed.values()).extracting(ChildSa::peer).containsExactly(a.public4500);
    assertThat(responder.ikeSas()).extracting(IkeResponder.IkeSaView::peer).containsExactlyInAnyOrder(a.public4500, b.public4500);
    assertThat(responder.ikeSas()).hasSize(2);
  }

  @Test
  void aDeleteFromThePeerRemovesItsEspSa() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    c.informational(List.of(new Payload.Delete(1, Proposal.PROTO_IPSEC_ESP, 4, List.of(Keys.int32(c.ourSpi)))));
    assertThat(installed).isEmpty();
    assertThat(removed).singleElement().asString().contains("Delete from the peer");
    c.informational(List.of(new Payload.Delete(1, Proposal.PROTO_ISAKMP, 16, List.of(c.cookies()))));
    assertThat(responder.ikeSas()).isEmpty();
  }

  @Test
  void deadPeerDetectionAnswersAndDeclaresASilentPeerDead() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    // The peer asks: we answer R-U-THERE-ACK with its sequence number (RFC 3706 section 5).
    int before = sent.size();
    c.informational(List.of(new Payload.Notify(1, 1, Notifications.R_U_THERE, c.cookies(), Keys.int32(77))));
    Payloads ack = c.openInformational(sent.get(before).data());
    assertThat(ack.first(Payload.Notify.class).messageType()).isEqualTo(Notifications.R_U_THERE_ACK);
    assertThat(ack.first(Payload.Notify.class).data()).isEqualTo(Keys.int32(77));
    // Then the peer goes silent: 'crypto isakmp keepalive 10 2' sends R-U-THERE after 10 s, every 2 s, five times.
    before = sent.size();
    clock.advance(10_000 + 5 * 2_000 + 1);
    long asked = sent.subList(before, sent.size()).stream()
        .filter(s -> c.openInformational(s.data()).first(Payload.Notify.class) != null).count();
    assertThat(asked).isEqualTo(5);
    assertThat(responder.ikeSas()).isEmpty();
    assertThat(installed).isEmpty();
  }

  @Test
  void atShutdownEveryPeerIsToldItsEspAndIsakmpSasAreDeleted() {
    TestInitiator a = client(500);
    TestInitiator b = client(600);
    for (TestInitiator c : List.of(a, b)) {
      assertThat(c.mainMode(false)).isNull();
      assertThat(c.quickMode(3, 0, 2)).isNull();
    }
    int before = sent.size();
    assertThat(responder.deleteAll("the server is stopping")).isEqualTo(2);
    assertThat(installed).isEmpty();
    assertThat(responder.ikeSas()).isEmpty();
    for (TestInitiator c : List.of(a, b)) {
      List<Integer> deleted = sent.subList(before, sent.size()).stream().filter(x -> x.remote().equals(c.public4500))
          .flatMap(x -> c.openInformational(x.data()).all(Payload.Delete.class).stream()).map(Payload.Delete::protocol).toList();
      assertThat(deleted).as("an ESP Delete, then the ISAKMP Delete").containsExactly(Proposal.PROTO_IPSEC_ESP, Proposal.PROTO_ISAKMP);
    }
  }

  /** The sent datagrams to {@code c} since {@code from} that are Quick Mode messages. */
  private List<byte[]> quickModesTo(TestInitiator c, int from) {
    return sent.subList(from, sent.size()).stream().filter(x -> x.remote().equals(c.public4500))
        .map(TestInitiator.Sent::data).filter(d -> d.length > 18 && d[18] == Header.QUICK_MODE).toList();
  }

  @Test
  void nearItsLifetimeAPairTheClientDidNotRekeyIsRekeyedByUsAndTheOldOneDeleted() {
    config.set(load(CONFIG.replace("crypto isakmp keepalive 10 2\n", "")));
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    int oldIn = c.theirSpi;
    int before = sent.size();
    // ESP lifetime 600 s: jlns starts at 600 - max(10, 30) = 570 s.
    clock.advance(569_000);
    assertThat(quickModesTo(c, before)).isEmpty();
    clock.advance(1_000);
    List<byte[]> qm1 = quickModesTo(c, before);
    assertThat(qm1).hasSize(1);
    assertThat(c.answerQuickMode(qm1.get(0))).isNull();
    assertThat(installed).containsKeys(oldIn, c.theirSpi);
    ChildSa fresh = installed.get(c.theirSpi);
    assertThat(fresh.outboundSpi()).isEqualTo(c.ourSpi);
    assertThat(fresh.peerOriginal()).containsExactly(10, 0, 0, 10);
    // Both sides derived the same keys: our inbound is the client's outbound (KEYMAT with its SPI... ours).
    byte[] in = Keys.keymat(c.hash, c.skeyidD, null, 3, Keys.int32(c.theirSpi), c.qmNi, c.qmNr, 44);
    assertThat(fresh.encIn()).isEqualTo(Arrays.copyOf(in, 24));
    assertThat(responder.counters()).containsEntry("rekeys", 1L);
    int afterQm = sent.size();
    clock.advance(Rekey.OLD_PAIR_GRACE_MILLIS);
    assertThat(installed).containsOnlyKeys(c.theirSpi);
    Payloads del = c.openInformational(sent.get(afterQm).data());
    assertThat(Keys.int32be(del.first(Payload.Delete.class).spis().get(0))).isEqualTo(oldIn);
  }

  @Test
  void aPairTheClientRekeyedItselfIsNotRekeyedByUs() {
    config.set(load(CONFIG.replace("crypto isakmp keepalive 10 2\n", "")));
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    clock.advance(500_000);
    assertThat(c.quickMode(3, 0, 2)).as("the client rekeys at its own time").isNull();
    int before = sent.size();
    clock.advance(80_000);
    assertThat(quickModesTo(c, before)).as("jlns does not start one for the replaced pair").isEmpty();
  }

  @Test
  void aPairNearItsVolumeLifetimeIsRekeyedByUs() {
    config.set(load(CONFIG.replace("crypto isakmp keepalive 10 2\n", "")));
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    int before = sent.size();
    responder.volumeNearlyUsed(c.theirSpi);
    List<byte[]> qm1 = quickModesTo(c, before);
    assertThat(qm1).hasSize(1);
    assertThat(c.answerQuickMode(qm1.get(0))).isNull();
    assertThat(responder.counters()).containsEntry("rekeys", 1L);
  }

  @Test
  void periodicDeadPeerDetectionAsksOncePerIntervalWhenAnswered() {
    config.set(load(CONFIG.replace("crypto isakmp keepalive 10 2", "crypto isakmp keepalive 10 2 periodic")));
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    // The peer answers every R-U-THERE at once: one a minute over 60 s of 'keepalive 10 2 periodic'
    // (every 10 s), never the 2 s retry interval, and the SA stays.
    int asked = 0;
    for (int ms = 0; ms < 60_500; ms += 500) {
      int before = sent.size();
      clock.advance(500);
      for (TestInitiator.Sent s : List.copyOf(sent.subList(before, sent.size()))) {
        Payload.Notify n = c.openInformational(s.data()).first(Payload.Notify.class);
        if (n != null && n.messageType() == Notifications.R_U_THERE) {
          asked++;
          c.informational(List.of(new Payload.Notify(1, 1, Notifications.R_U_THERE_ACK, c.cookies(), n.data())));
        }
      }
    }
    assertThat(asked).isEqualTo(6);
    assertThat(responder.ikeSas()).hasSize(1);
  }

  @Test
  void anEspSaEndsAtItsLifetimeWithADelete() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    int before = sent.size();
    // The peer stays alive (its own DPD every 9 s) until past the SA lifetime of 600 s.
    for (int t = 0; t < 70; t++) {
      clock.advance(9_000);
      c.informational(List.of(new Payload.Notify(1, 1, Notifications.R_U_THERE, c.cookies(), Keys.int32(t))));
    }
    assertThat(responder.ikeSas()).hasSize(1);
    assertThat(installed).isEmpty();
    assertThat(removed).singleElement().asString().contains("lifetime expired");
    boolean deleteSent = sent.subList(before, sent.size()).stream()
        .map(s -> c.openInformational(s.data()).first(Payload.Delete.class)).anyMatch(d -> d != null && d.protocol() == 3);
    assertThat(deleteSent).isTrue();
  }

  @Test
  void anEspSaThatUsedUpItsVolumeIsDeletedWithADelete() {
    TestInitiator c = client(500);
    assertThat(c.mainMode(false)).isNull();
    assertThat(c.quickMode(3, 0, 2)).isNull();
    int before = sent.size();
    assertThat(responder.expireChild(c.theirSpi, "used up its volume lifetime")).isTrue();
    assertThat(responder.expireChild(c.theirSpi, "again")).isFalse();
    assertThat(installed).isEmpty();
    assertThat(removed).singleElement().asString().contains("volume lifetime");
    Payload.Delete d = c.openInformational(sent.get(before).data()).first(Payload.Delete.class);
    assertThat(d.protocol()).isEqualTo(3);
    assertThat(d.spis()).singleElement().satisfies(s -> assertThat(Keys.int32be(s)).isEqualTo(c.theirSpi));
    // The ISAKMP SA stays: the peer negotiates a fresh pair over it.
    assertThat(responder.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
  }

  static Config load(String text) {
    ConfigLoader.Loaded l = new ConfigLoader(new ConfigGrammar(), new SecretHasher(new SplittableRandom(1))).load(text);
    if (!l.ok()) {
      throw new AssertionError(l.diagnostics());
    }
    return l.config();
  }

  static InetSocketAddress endpoint(String a, int port) {
    return new InetSocketAddress(TestInitiator.addr(a), port);
  }
}
