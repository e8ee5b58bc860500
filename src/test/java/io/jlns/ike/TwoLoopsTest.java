package io.jlns.ike;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.time.ManualScheduler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two responders sharing one {@link IkeShared}, as two event loops do: the kernel's SO_REUSEPORT
 * hash may send a client's UDP 500 to one and its UDP 4500 to the other. The SA moves to the loop
 * that gets message 5; any other message for an SA of the other loop is forwarded to it.
 */
class TwoLoopsTest extends AcceptingChildSas {
  private final ManualScheduler clock = new ManualScheduler();
  private final List<String> sentBy = new ArrayList<>();
  private final Config config = IkeResponderTest.load(IkeResponderTest.CONFIG);
  private final IkeShared shared = new IkeShared();
  private final IkeResponder a = responder("a");
  private final IkeResponder b = responder("b");
  private IkeResponder target = a;

  private IkeResponder responder(String name) {
    return new IkeResponder(() -> config, clock, new SecureRandom(), (local, remote, m) -> {
      sent.add(new TestInitiator.Sent(local, remote, m));
      sentBy.add(name);
    }, this, Offload.INLINE, shared, Runnable::run);
  }

  @Override
  public IkeResponder responder() {
    return target;
  }


  private TestInitiator client() {
    return new TestInitiator(this, 500, "10.0.0.10", "test-psk");
  }

  @Test
  void theSaMovesToTheLoopThatGetsMessageFiveAndStaysThere() {
    TestInitiator c = client();
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    c.onMm4(c.exchange(c.public500, TestInitiator.LNS_500, c.mm3()));
    assertThat(a.ikeSas()).hasSize(1);
    clock.advance(20_000);
    target = b;
    assertThat(c.onMm6(c.exchange(c.public4500, TestInitiator.LNS_4500, c.mm5(false)))).isNull();
    assertThat(sentBy.get(sentBy.size() - 1)).isEqualTo("b");
    assertThat(a.ikeSas()).isEmpty();
    assertThat(b.counters()).containsEntry("moved-here", 1L);
    assertThat(b.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
    assertThat(shared.admissionView().total()).isEqualTo(1);
    assertThat(shared.admissionView().negotiating()).isZero();
    // Quick Mode on the loop that owns the SA now.
    assertThat(c.quickMode(3, 0, 2)).isNull();
    assertThat(b.childSas()).hasSize(1);
    // The half-open expiry of the first loop (due at 30 s) does nothing to the SA it gave away.
    clock.advance(11_000);
    assertThat(b.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("QM_IDLE");
  }

  @Test
  void aMessageThatArrivesOnAnotherLoopIsForwardedToTheOwner() {
    TestInitiator c = client();
    byte[] r2 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    c.rcookie = io.jlns.ike.message.IsakmpCodec.decodeHeader(r2, r2.length).value().responderCookie();
    // Message 3 reaches the other loop (a NAT mapping that changed): the owner answers it.
    target = b;
    byte[] r4 = c.exchange(c.public500, TestInitiator.LNS_500, c.mm3());
    assertThat(r4).isNotNull();
    assertThat(sentBy.get(sentBy.size() - 1)).isEqualTo("a");
    assertThat(a.ikeSas()).singleElement().extracting(IkeResponder.IkeSaView::state).isEqualTo("MM_KEY_EXCH");
    c.onMm4(r4);
    target = a;
    assertThat(c.onMm6(c.exchange(c.public4500, TestInitiator.LNS_4500, c.mm5(false)))).isNull();
    // Established on a; a Quick Mode arriving at b is handled by a.
    target = b;
    assertThat(c.quickMode(3, 0, 2)).isNull();
    assertThat(a.childSas()).hasSize(1);
    assertThat(b.childSas()).isEmpty();
    assertThat(a.counters()).containsEntry("from-other-loop", 3L);
  }

  @Test
  void admissionLimitsCountEveryLoop() {
    for (int i = 0; i < 4; i++) {
      target = i % 2 == 0 ? a : b;
      TestInitiator c = new TestInitiator(this, "198.51.100." + (20 + i), 500, "10.0.0.10", "test-psk");
      c.exchange(c.public500, TestInitiator.LNS_500, c.mm1(TestInitiator.seedOffer()));
    }
    assertThat(shared.admissionView().negotiating()).isEqualTo(4);
    assertThat(shared.admissionView().total()).isEqualTo(4);
    assertThat(a.ikeSas()).hasSize(2);
    assertThat(b.ikeSas()).hasSize(2);
  }
}
