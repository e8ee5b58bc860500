package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.time.ManualScheduler;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Call admission control for IKE and Main Mode's Diffie-Hellman off the loop: limits on SAs in
 * negotiation (all, per source address) and on SAs in all, the expiry of half-open SAs, and the
 * deferred message 4, against the responder with an injected clock and a hand-run worker queue.
 */
class AdmissionTest extends AcceptingChildSas {
  private final ManualScheduler clock = new ManualScheduler();
  private final AtomicReference<Config> config = new AtomicReference<>(load(""));
  /** The worker pool, run by hand: each entry does the work and delivers the result. */
  private final Deque<Runnable> workers = new ArrayDeque<>();
  private int workerRoom = Integer.MAX_VALUE;
  private final Offload offload = new Offload() {
    @Override
    public <T> boolean submit(Supplier<T> work, Consumer<T> done) {
      if (workers.size() >= workerRoom) {
        return false;
      }
      workers.add(() -> done.accept(work.get()));
      return true;
    }
  };
  private final IkeResponder responder = new IkeResponder(config::get, clock, new SecureRandom(new byte[] {5}),
      (local, remote, m) -> sent.add(new TestInitiator.Sent(local, remote, m)), this, offload);

  @Override
  public IkeResponder responder() {
    return responder;
  }


  private static Config load(String extra) {
    return IkeResponderTest.load(IkeResponderTest.CONFIG + extra);
  }

  private TestInitiator client(String publicAddress, int port) {
    return new TestInitiator(this, publicAddress, port, "10.0.0.1" + (port % 10), "test-psk");
  }

  /** Sends message 1 only: a half-open SA when answered. */
  private boolean mm1(TestInitiator c) {
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    return r2 != null;
  }

  private void runWorkers() {
    while (!workers.isEmpty()) {
      workers.poll().run();
    }
  }

  /** Main Mode to the end, the workers run as soon as message 3 is queued. */
  private String connect(TestInitiator c) {
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    if (r2 == null) {
      return "no answer to MM1";
    }
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    int before = sent.size();
    c.send(c.public500, TestInitiator.LNS_500, c.mm3());
    if (sent.size() != before) {
      return "MM4 came before the Diffie-Hellman ran";
    }
    runWorkers();
    if (sent.size() != before + 1) {
      return "no MM4";
    }
    c.onMm4(sent.get(sent.size() - 1).data());
    byte[] r6 = c.exchange(c.public4500, TestInitiator.LNS_4500, c.mm5(false));
    return r6 == null ? "no MM6" : c.onMm6(r6);
  }

  @Test
  void theInNegotiationLimitDropsNewMainModesUnansweredAndCountsThem() {
    config.set(load("crypto call admission limit ike in-negotiation-sa 10\n"));
    for (int i = 0; i < 10; i++) {
      assertThat(mm1(client("198.51.100." + (10 + i), 500))).isTrue();
    }
    assertThat(mm1(client("198.51.100.30", 500))).isFalse();
    assertThat(mm1(client("198.51.100.31", 500))).isFalse();
    AdmissionView v = responder.admission();
    assertThat(v.negotiating()).isEqualTo(10);
    assertThat(v.accepted()).isEqualTo(10);
    assertThat(v.rejectedInNegotiation()).isEqualTo(2);
    assertThat(responder.counters()).containsEntry("cac-in-negotiation", 2L);
    // A retransmitted message 1 of an admitted SA is still answered.
    assertThat(responder.ikeSas()).hasSize(10);
  }

  @Test
  void halfOpenSasExpireAfterThirtySecondsAndFreeTheirSlots() {
    config.set(load("crypto call admission limit ike in-negotiation-sa 10\n"));
    for (int i = 0; i < 10; i++) {
      mm1(client("198.51.100." + (10 + i), 500));
    }
    clock.advance(29_999);
    assertThat(mm1(client("198.51.100.40", 500))).isFalse();
    clock.advance(1);
    assertThat(responder.ikeSas()).isEmpty();
    assertThat(responder.admission().negotiating()).isZero();
    assertThat(responder.counters()).containsEntry("not-completed", 10L);
    assertThat(mm1(client("198.51.100.40", 500))).isTrue();
  }

  @Test
  void anAddressFloodingPastItsLimitIsShunnedAndOthersAreNot() {
    config.set(load("crypto call admission limit ike in-negotiation-sa per-address 3\n"));
    for (int port = 1000; port < 1003; port++) {
      assertThat(mm1(client("203.0.113.9", port))).isTrue();
    }
    for (int port = 2000; port < 2000 + Shunning.THRESHOLD; port++) {
      assertThat(mm1(client("203.0.113.9", port))).isFalse();
    }
    assertThat(responder.admission().shunnedNow()).isEqualTo(1);
    assertThat(responder.admission().shunnedTotal()).isEqualTo(1);
    assertThat(responder.counters()).containsEntry("cac-shun", 1L);
    // Its three half-open SAs went with the shun: their slots are free for others at once.
    assertThat(responder.counters()).containsEntry("shunned-half-open", 3L);
    assertThat(responder.admission().negotiating()).isZero();
    // Only the flooding address: another still connects.
    assertThat(connect(client("198.51.100.7", 500))).isNull();
    assertThat(responder.admission().shunnedNow()).isEqualTo(1);
    // An address with a connected client is refused past its limit, never shunned.
    for (int port = 3000; port < 3003; port++) {
      assertThat(mm1(client("198.51.100.7", port))).isTrue();
    }
    for (int port = 4000; port < 4000 + 2 * Shunning.THRESHOLD; port++) {
      assertThat(mm1(client("198.51.100.7", port))).isFalse();
    }
    assertThat(responder.admission().shunnedTotal()).isEqualTo(1);
  }

  @Test
  void oneSourceAddressCannotTakeEveryNegotiationSlot() {
    config.set(load("crypto call admission limit ike in-negotiation-sa per-address 3\n"));
    for (int port = 1000; port < 1006; port += 2) {
      assertThat(mm1(client("203.0.113.9", port))).isTrue();
    }
    assertThat(mm1(client("203.0.113.9", 2000))).isFalse();
    assertThat(responder.admission().rejectedPerAddress()).isEqualTo(1);
    // Another address (another NAT, another office) still gets in, and a client that finishes
    // Main Mode frees its address's slot.
    assertThat(connect(client("198.51.100.7", 500))).isNull();
    assertThat(responder.admission().negotiating()).isEqualTo(3);
  }

  @Test
  void anAddressWithAnEstablishedSaStillGetsInWhenAFloodHoldsEveryNegotiationSlot() {
    config.set(load("crypto call admission limit ike in-negotiation-sa 10\n"));
    TestInitiator office = client("203.0.113.50", 500);
    assertThat(connect(office)).isNull();
    for (int i = 0; i < 10; i++) {
      assertThat(mm1(client("198.51.100." + (10 + i), 500))).isTrue();
    }
    // A stranger waits; the office (its client re-authenticating, a colleague behind the same NAT)
    // has proven it knows a key and is held to its per-address limit only.
    assertThat(mm1(client("198.51.100.40", 500))).isFalse();
    assertThat(connect(client("203.0.113.50", 700))).isNull();
    assertThat(connect(client("203.0.113.50", 900))).isNull();
    // Once the office's SAs are gone, it is a stranger again.
    responder.clearIkeSas(null);
    for (int i = 0; i < 10; i++) {
      mm1(client("198.51.100." + (10 + i), 600));
    }
    assertThat(mm1(client("203.0.113.50", 1100))).isFalse();
  }

  @Test
  void theSaLimitCountsEstablishedAndHalfOpenButQuickModeOnAnEstablishedSaGoesOn() {
    config.set(load("crypto call admission limit ike sa 2\n"));
    TestInitiator a = client("198.51.100.10", 500);
    TestInitiator b = client("198.51.100.11", 500);
    assertThat(connect(a)).isNull();
    assertThat(connect(b)).isNull();
    assertThat(mm1(client("198.51.100.12", 500))).isFalse();
    assertThat(responder.admission().rejectedSaLimit()).isEqualTo(1);
    // Established clients are untouched: Quick Mode (a rekey) still works.
    assertThat(a.quickMode(3, 0, 2)).isNull();
    assertThat(b.quickMode(3, 0, 2)).isNull();
    responder.clearIkeSas(null);
    assertThat(mm1(client("198.51.100.12", 500))).isTrue();
  }

  @Test
  void messageFourWaitsForTheWorkerAndARetransmittedMessageThreeCostsNothing() {
    TestInitiator c = client("198.51.100.10", 500);
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    byte[] mm3 = c.mm3();
    int before = sent.size();
    c.send(c.public500, TestInitiator.LNS_500, mm3);
    c.send(c.public500, TestInitiator.LNS_500, mm3);
    assertThat(workers).hasSize(1);
    assertThat(sent).hasSize(before);
    assertThat(responder.ikeSas().get(0).state()).isEqualTo("MM_KEY_EXCH");
    runWorkers();
    assertThat(sent).hasSize(before + 1);
    byte[] mm4 = sent.get(before).data();
    // Once message 4 exists, a retransmitted message 3 gets it again, with no new computation.
    c.send(c.public500, TestInitiator.LNS_500, mm3);
    assertThat(workers).isEmpty();
    assertThat(sent.get(sent.size() - 1).data()).isEqualTo(mm4);
    c.onMm4(mm4);
    assertThat(c.onMm6(c.exchange(c.public4500, TestInitiator.LNS_4500, c.mm5(false)))).isNull();
    assertThat(responder.ikeSas().get(0).state()).isEqualTo("QM_IDLE");
  }

  @Test
  void aFullWorkerQueueDropsMessageThreeAndTheRetransmissionGetsIn() {
    workerRoom = 0;
    TestInitiator c = client("198.51.100.10", 500);
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    byte[] mm3 = c.mm3();
    c.send(c.public500, TestInitiator.LNS_500, mm3);
    assertThat(responder.counters()).containsEntry("crypto-queue-full", 1L);
    assertThat(responder.ikeSas().get(0).state()).isEqualTo("MM_SA_SETUP");
    workerRoom = Integer.MAX_VALUE;
    int before = sent.size();
    c.send(c.public500, TestInitiator.LNS_500, mm3);
    runWorkers();
    assertThat(sent).hasSize(before + 1);
  }

  @Test
  void anSaDeletedWhileItsDiffieHellmanRunsIsNotAnswered() {
    TestInitiator c = client("198.51.100.10", 500);
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    c.send(c.public500, TestInitiator.LNS_500, c.mm3());
    assertThat(responder.clearIkeSas(null)).isEqualTo(1);
    int before = sent.size();
    runWorkers();
    assertThat(sent).hasSize(before);
    assertThat(responder.ikeSas()).isEmpty();
    assertThat(responder.admission().negotiating()).isZero();
  }
}
