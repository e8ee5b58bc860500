package io.jlns.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.time.ManualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ControlChannelTest {
  private final ManualScheduler clock = new ManualScheduler();
  private final List<ControlMessage> sent = new ArrayList<>();
  private final List<Long> sentAt = new ArrayList<>();
  private boolean dead;
  private final ControlChannel ch = new ControlChannel(clock, m -> {
    sent.add(m);
    sentAt.add(clock.nowMillis());
  }, ControlChannel.Retransmit.DEFAULT, () -> dead = true);

  private static List<Avp> hello() {
    return List.of(Avp.u16(AvpType.MESSAGE_TYPE, 6));
  }

  private static ControlMessage from(int ns, int nr, boolean zlb) {
    return new ControlMessage(1, 0, ns, nr, zlb ? List.of() : hello());
  }

  @Test
  void messagesAreNumberedAndCarryTheAck() {
    ch.peer(77, 4);
    assertThat(ch.receive(from(0, 0, false))).isEqualTo(ControlChannel.Receive.NEW);
    ch.send(0, hello());
    ch.flushAck();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).tunnelId()).isEqualTo(77);
    assertThat(sent.get(0).ns()).isZero();
    assertThat(sent.get(0).nr()).isEqualTo(1);
  }

  @Test
  void aMessageWithNothingToSayBackGetsAZlb() {
    assertThat(ch.receive(from(0, 0, false))).isEqualTo(ControlChannel.Receive.NEW);
    ch.flushAck();
    assertThat(sent).singleElement().satisfies(m -> {
      assertThat(m.zlb()).isTrue();
      assertThat(m.nr()).isEqualTo(1);
    });
  }

  @Test
  void duplicatesAreAcknowledgedButNotDelivered() {
    ch.receive(from(0, 0, false));
    assertThat(ch.receive(from(0, 0, false))).isEqualTo(ControlChannel.Receive.DUPLICATE);
    ch.flushAck();
    assertThat(sent).singleElement().extracting(ControlMessage::nr).isEqualTo(1);
    assertThat(ch.receive(from(5, 0, false))).isEqualTo(ControlChannel.Receive.OUT_OF_ORDER);
  }

  @Test
  void retransmitsWithExponentialBackoffUpToTheCapThenGivesUp() {
    ch.send(0, hello());
    clock.advance(60_000);
    // first send at 0, then retries after 2, 4, 8, 8, 8 s (timeout doubles from 1 s, capped at 8 s)
    assertThat(sentAt).containsExactly(0L, 1000L, 3000L, 7000L, 15000L, 23000L);
    assertThat(dead).isTrue();
  }

  @Test
  void anAckStopsRetransmission() {
    ch.send(0, hello());
    clock.advance(1000);
    assertThat(sent).hasSize(2);
    ch.receive(from(0, 1, true));
    clock.advance(60_000);
    assertThat(sent).hasSize(2);
    assertThat(dead).isFalse();
    assertThat(ch.outstanding()).isZero();
  }

  @Test
  void thePeersWindowLimitsMessagesInFlight() {
    ch.peer(9, 2);
    for (int i = 0; i < 5; i++) {
      ch.send(0, hello());
    }
    assertThat(sent).extracting(ControlMessage::ns).containsExactly(0, 1);
    ch.receive(from(0, 1, true));
    assertThat(sent).extracting(ControlMessage::ns).containsExactly(0, 1, 2);
    ch.receive(from(0, 3, true));
    assertThat(sent).extracting(ControlMessage::ns).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void sequenceNumbersWrapAround() {
    assertThat(ControlChannel.before(0xffff, 0)).isTrue();
    assertThat(ControlChannel.before(0, 0xffff)).isFalse();
    assertThat(ControlChannel.before(3, 3)).isFalse();
  }
}
