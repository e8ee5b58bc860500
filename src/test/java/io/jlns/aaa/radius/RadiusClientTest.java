package io.jlns.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.time.ManualScheduler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The RADIUS client's retransmissions, failover, dead servers and response checks, on an injected clock. */
class RadiusClientTest {
  private static final byte[] SECRET1 = "s1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SECRET2 = "s2".getBytes(StandardCharsets.US_ASCII);
  private static final InetSocketAddress A1 = new InetSocketAddress("127.0.0.1", 11812);
  private static final InetSocketAddress A2 = new InetSocketAddress("127.0.0.2", 11812);

  private record Sent(InetSocketAddress to, byte[] datagram) {}

  private final ManualScheduler clock = new ManualScheduler();
  private final List<Sent> sent = new ArrayList<>();
  private final RadiusClient client = new RadiusClient(clock, (to, d) -> sent.add(new Sent(to, d)), new SplittableRandom(7));
  private final List<RadiusClient.Answer> answers = new ArrayList<>();

  private static RadiusClient.Target target(String name, InetSocketAddress a, byte[] secret, long deadMillis) {
    return new RadiusClient.Target(name, a, secret, 5000, 2, deadMillis, 10_000, 3);
  }

  private static RadiusClient.Request papRequest() {
    return new RadiusClient.Request(Radius.ACCESS_REQUEST, List.of(RadiusAttribute.text(Radius.USER_NAME, "alice"),
        RadiusAttribute.text(Radius.USER_PASSWORD, "alicepw")));
  }

  /** What a server answers to {@code request}, signed with {@code secret}. */
  private static byte[] reply(byte[] request, int code, byte[] secret) {
    RadiusPacket req = RadiusPacket.decode(request, request.length).packet();
    RadiusPacket resp = new RadiusPacket(code, req.identifier(), new byte[16],
        List.of(new RadiusAttribute(Radius.MESSAGE_AUTHENTICATOR, new byte[16])));
    return RadiusAuthenticators.signResponse(resp, req.authenticator(), secret);
  }

  @Test
  void anAccessRequestIsSignedItsPasswordHiddenAndOnlyAnAuthenticResponseBelieved() {
    client.request(List.of(target("R1", A1, SECRET1, 0)), papRequest(), answers::add);
    assertThat(sent).hasSize(1);
    byte[] d = sent.get(0).datagram();
    RadiusPacket p = RadiusPacket.decode(d, d.length).packet();
    assertThat(p.first(Radius.MESSAGE_AUTHENTICATOR)).isNotNull();
    byte[] hidden = p.first(Radius.USER_PASSWORD).value();
    assertThat(hidden).hasSize(16).isNotEqualTo("alicepw".getBytes(StandardCharsets.US_ASCII));
    assertThat(new String(RadiusAuthenticators.revealPassword(hidden, SECRET1, p.authenticator()), StandardCharsets.UTF_8))
        .isEqualTo("alicepw");
    byte[] forged = reply(d, Radius.ACCESS_ACCEPT, "wrong".getBytes(StandardCharsets.US_ASCII));
    client.onDatagram(A1, forged, forged.length);
    assertThat(answers).as("a response signed with another secret is dropped").isEmpty();
    byte[] fromElsewhere = reply(d, Radius.ACCESS_ACCEPT, SECRET1);
    client.onDatagram(new InetSocketAddress("127.0.0.9", 11812), fromElsewhere, fromElsewhere.length);
    assertThat(answers).as("a response from another address is dropped").isEmpty();
    byte[] good = reply(d, Radius.ACCESS_ACCEPT, SECRET1);
    client.onDatagram(A1, good, good.length);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).response().code()).isEqualTo(Radius.ACCESS_ACCEPT);
    assertThat(answers.get(0).server()).isEqualTo("R1");
    client.onDatagram(A1, good, good.length);
    assertThat(answers).as("a duplicate response is dropped").hasSize(1);
    assertThat(client.stats().get(0).badAuthenticators()).isEqualTo(1);
  }

  @Test
  void retransmittedWithTheSameIdentifierThenTheNextServerThenNoAnswer() {
    client.request(List.of(target("R1", A1, SECRET1, 0), target("R2", A2, SECRET2, 0)), papRequest(), answers::add);
    clock.advance(5000);
    clock.advance(5000);
    assertThat(sent).hasSize(3);
    assertThat(sent).allMatch(s -> s.to().equals(A1));
    assertThat(sent.get(1).datagram()).isEqualTo(sent.get(0).datagram());
    assertThat(sent.get(2).datagram()).isEqualTo(sent.get(0).datagram());
    clock.advance(5000);
    assertThat(sent).hasSize(4);
    assertThat(sent.get(3).to()).isEqualTo(A2);
    byte[] late = reply(sent.get(0).datagram(), Radius.ACCESS_ACCEPT, SECRET1);
    client.onDatagram(A1, late, late.length);
    assertThat(answers).as("the first server's late answer no longer counts").isEmpty();
    clock.advance(15_000);
    assertThat(sent).hasSize(6);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).answered()).isFalse();
    assertThat(answers.get(0).error()).contains("no response from R2");
  }

  @Test
  void aServerThatStopsAnsweringIsMarkedDeadSkippedAndTriedAgainAfterItsDeadtime() {
    List<RadiusClient.Target> group = List.of(target("R1", A1, SECRET1, 60_000), target("R2", A2, SECRET2, 60_000));
    client.request(group, papRequest(), answers::add);
    clock.advance(15_000); // three transmissions over 15 s: past 3 tries and 10 s
    Sent toR2 = sent.get(sent.size() - 1);
    assertThat(toR2.to()).isEqualTo(A2);
    byte[] ok = reply(toR2.datagram(), Radius.ACCESS_REJECT, SECRET2);
    client.onDatagram(A2, ok, ok.length);
    assertThat(answers.get(0).response().code()).isEqualTo(Radius.ACCESS_REJECT);
    assertThat(client.stats().get(0).dead()).isTrue();
    sent.clear();
    client.request(group, papRequest(), answers::add);
    assertThat(sent).as("a dead server is skipped").extracting(Sent::to).containsExactly(A2);
    byte[] ok2 = reply(sent.get(0).datagram(), Radius.ACCESS_ACCEPT, SECRET2);
    client.onDatagram(A2, ok2, ok2.length);
    clock.advance(60_000);
    sent.clear();
    client.request(group, papRequest(), answers::add);
    assertThat(sent).as("after its deadtime it is tried first again").extracting(Sent::to).containsExactly(A1);
  }

  @Test
  void whenEveryServerIsDeadTheAnswerIsImmediateSoTheNextMethodRuns() {
    List<RadiusClient.Target> one = List.of(target("R1", A1, SECRET1, 60_000));
    client.request(one, papRequest(), answers::add);
    clock.advance(15_000);
    assertThat(answers).hasSize(1);
    sent.clear();
    client.request(one, papRequest(), answers::add);
    assertThat(sent).isEmpty();
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1).error()).contains("dead");
  }

  @Test
  void identifiersAreNotReusedWhileOutstanding() {
    RadiusClient.Target t = target("R1", A1, SECRET1, 0);
    for (int i = 0; i < RadiusClient.IDS + 1; i++) {
      client.request(List.of(t), papRequest(), answers::add);
    }
    assertThat(sent).hasSize(RadiusClient.IDS);
    assertThat(sent.stream().map(s -> s.datagram()[1] & 0xff).distinct().count()).isEqualTo(RadiusClient.IDS);
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).error()).contains("256 requests outstanding");
    assertThat(Arrays.equals(sent.get(0).datagram(), sent.get(1).datagram())).isFalse();
  }
}
