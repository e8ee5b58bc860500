package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jlns.config.Config;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.Payload;
import io.jlns.time.ManualScheduler;
import java.security.SecureRandom;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the IKEv1 responder: a client is first brought to a chosen step of
 * Main or Quick Mode with real keys, then the fuzzer sends what it likes: raw datagrams to 500 or
 * 4500, datagrams carrying the client's cookies, and payloads encrypted with the IKE SA's real
 * keys (with a correct HASH(1) if it chooses), so the decrypted-message parsers and the Phase 1
 * and Quick Mode state machines are reached. Invariants: nothing escapes {@code onMessage}; an
 * established bystander's IKE SA and ESP SAs are untouched; state grows by at most one SA per
 * message; whatever was left half-open is gone once its time is up.
 */
class IkeResponderFuzzTest {
  /** The seed's policy without DPD, so a bystander that does not answer R-U-THERE lives through the clock the fuzzer moves. */
  static final String CONFIG = IkeResponderTest.CONFIG.replace("crypto isakmp keepalive 10 2\n", "");
  private static final Config LOADED = IkeResponderTest.load(CONFIG);
  /** The same with Aggressive Mode allowed and a key for the client's FQDN: the fuzzer reaches Aggressive Mode's third message. */
  private static final Config LOADED_AM = IkeResponderTest.load(CONFIG
      + "no crypto isakmp aggressive-mode disable\ncrypto isakmp key test-psk hostname vpn.client.example\n");
  private static final int[] EXCHANGES = {Header.MAIN_MODE, Header.QUICK_MODE, Header.INFORMATIONAL, Header.AGGRESSIVE, 1, 0};
  private static final int[] PAYLOADS = {Payload.SA, Payload.KE, Payload.ID, Payload.HASH, Payload.NONCE, Payload.NOTIFY,
      Payload.DELETE, Payload.VENDOR_ID, Payload.NAT_D, Payload.NAT_OA, Payload.NAT_D_DRAFT, Payload.NAT_OA_DRAFT, 0, 2, 3, 99};
  /** Quiet seconds the fuzzer may let pass: less than the ESP lifetime (600 s) with room for the final 60 s. */
  private static final long MAX_ADVANCE_MILLIS = 480_000;

  /** One responder and what it installed, fresh for each input. */
  static final class World extends RecordingChildSas {
    final ManualScheduler clock = new ManualScheduler();
    final Config config;
    final IkeResponder responder;

    World(Config config) {
      this.config = config;
      this.responder = new IkeResponder(() -> this.config, clock, new SecureRandom(new byte[] {3}),
          (local, remote, m) -> {
            if (sent.size() < 10_000) {
              sent.add(new TestInitiator.Sent(local, remote, m));
            }
          }, this);
    }

    @Override
    public IkeResponder responder() {
      return responder;
    }
  }

  @FuzzTest
  void anyMessageAtAnyStepLeavesOtherClientsAlone(FuzzedDataProvider data) {
    boolean aggressive = data.consumeBoolean();
    World w = new World(aggressive ? LOADED_AM : LOADED);
    TestInitiator bystander = new TestInitiator(w, "203.0.113.9", 4000, "10.0.0.50", "test-psk");
    assertThat(bystander.mainMode(false)).isNull();
    assertThat(bystander.quickMode(3, 0, 2)).isNull();
    Set<Integer> bystanderSpis = Set.copyOf(w.installed.keySet());
    TestInitiator c = new TestInitiator(w, 500, "10.0.0.10", "test-psk");
    int step = data.consumeInt(0, aggressive ? 6 : 5);
    // Step 6: Aggressive Mode's first two messages done (keys held), its third is the fuzzer's.
    boolean keyed = step == 6 ? c.aggressiveStart("vpn.client.example") == null : bringTo(c, Math.min(step, 4));
    // Step 5: jlns itself started a Quick Mode (its rekey of the client's pair) and awaits QM2.
    int rekeyMid = 0;
    byte[] rekeyNi = new byte[0];
    if (step == 5) {
      int before = w.sent.size();
      w.responder.volumeNearlyUsed(c.theirSpi);
      byte[] qm1 = w.sent.get(before).data();
      rekeyMid = io.jlns.ike.message.IsakmpCodec.decodeHeader(qm1, qm1.length).value().messageId();
      rekeyNi = c.nonceOf(qm1);
    }
    int messages = data.consumeInt(1, 6);
    long advanced = 0;
    for (int i = 0; i < messages; i++) {
      switch (data.consumeInt(0, 3)) {
        case 0 -> c.send(data.consumeBoolean() ? c.public500 : c.public4500,
            data.consumeBoolean() ? TestInitiator.LNS_500 : TestInitiator.LNS_4500, data.consumeBytes(data.consumeInt(0, 2000)));
        case 1 -> {
          byte[] m = data.consumeBytes(data.consumeInt(0, 2000));
          if (m.length >= 16) {
            System.arraycopy(c.cookies(), 0, m, 0, 16);
          }
          c.send(c.public4500, TestInitiator.LNS_4500, m);
        }
        case 2 -> {
          if (keyed) {
            int exchange = data.pickValue(EXCHANGES);
            int mid = exchange == Header.MAIN_MODE || data.consumeBoolean() ? 0
                : rekeyMid != 0 && data.consumeBoolean() ? rekeyMid : data.consumeInt() | 1;
            int first = data.pickValue(PAYLOADS);
            boolean withHash = data.consumeBoolean();
            c.send(c.public4500, TestInitiator.LNS_4500, c.sealed(exchange, mid, first, data.consumeBytes(2000), withHash,
                mid == rekeyMid ? rekeyNi : new byte[0]));
          }
        }
        default -> {
          long ms = Math.min(data.consumeLong(0, 120_000), MAX_ADVANCE_MILLIS - advanced);
          advanced += ms;
          w.clock.advance(ms);
        }
      }
    }
    assertThat(w.responder.ikeSas()).filteredOn(s -> s.peer().equals(bystander.public4500))
        .singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
    assertThat(w.installed.keySet()).containsAll(bystanderSpis);
    // At most one IKE SA per message sent, and one ESP SA pair per Quick Mode.
    assertThat(w.responder.ikeSas().size()).isLessThanOrEqualTo(2 + messages);
    assertThat(w.installed.size() + w.pending.size()).isLessThanOrEqualTo(2 + messages);
    w.clock.advance(2 * IkeResponder.HALF_OPEN_MILLIS);
    assertThat(w.responder.ikeSas()).allSatisfy(s -> assertThat(s.state()).isEqualTo("QM_IDLE"));
    assertThat(w.responder.admission().negotiating()).isZero();
  }

  /** Brings {@code c} to a step: 0 nothing, 1 after MM2, 2 after MM4 (keys), 3 Phase 1 done, 4 and a Quick Mode; true if it holds keys. */
  private static boolean bringTo(TestInitiator c, int step) {
    if (step == 0) {
      return false;
    }
    if (step >= 3) {
      assertThat(c.mainMode(false)).isNull();
      if (step == 4) {
        assertThat(c.quickMode(3, 0, 2)).isNull();
      }
      return true;
    }
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    if (step == 1) {
      return false;
    }
    c.onMm4(c.exchange(c.public500, TestInitiator.LNS_500, c.mm3()));
    return true;
  }
}
