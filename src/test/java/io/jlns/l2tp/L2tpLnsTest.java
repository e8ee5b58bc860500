package io.jlns.l2tp;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import io.jlns.l2tp.message.ControlMessage;
import io.jlns.l2tp.message.Decoded;
import io.jlns.l2tp.message.L2tpCodec;
import io.jlns.l2tp.message.MessageType;
import io.jlns.time.ManualScheduler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class L2tpLnsTest {
  private final ManualScheduler clock = new ManualScheduler();
  private final List<ByteBuf> sent = new ArrayList<>();
  private final List<InetSocketAddress> sentTo = new ArrayList<>();
  private final List<String> ppp = new ArrayList<>();
  private final List<PppLink.Carrier> carriers = new ArrayList<>();
  private TunnelSettings settings = new TunnelSettings(true, "LNS", false, null, h -> null, 60, 8);
  private final L2tpLns lns = new L2tpLns(clock, new SplittableRandom(9), (to, b) -> {
    sent.add(b);
    sentTo.add(to);
  }, UnpooledByteBufAllocator.DEFAULT, () -> settings, (info, carrier) -> {
    carriers.add(carrier);
    ppp.add("open " + info.peerHostName());
    return new PppLink() {
      @Override
      public void onFrame(ByteBuf frame) {
        ppp.add("frame " + ByteBufUtil.hexDump(frame));
      }

      @Override
      public void onSessionClosed(String reason) {
        ppp.add("closed " + reason);
      }
    };
  });

  private ControlMessage last(FakeLac lac) {
    return lac.read(sent.get(sent.size() - 1));
  }

  private int establish(FakeLac lac) {
    lns.onDatagram(lac.address, lac.sccrq());
    ControlMessage sccrp = last(lac);
    assertThat(sccrp.type()).isEqualTo(MessageType.SCCRP);
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.SCCCN)));
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 42),
        Avp.u32(AvpType.CALL_SERIAL_NUMBER, 1)));
    ControlMessage icrp = last(lac);
    assertThat(icrp.type()).isEqualTo(MessageType.ICRP);
    assertThat(icrp.sessionId()).isEqualTo(42);
    int session = icrp.u16(AvpType.ASSIGNED_SESSION_ID);
    lns.onDatagram(lac.address, lac.message(session, FakeLac.type(MessageType.ICCN), Avp.u32(AvpType.TX_CONNECT_SPEED, 1000000),
        Avp.u32(AvpType.FRAMING_TYPE, 1)));
    return session;
  }

  @Test
  void aCallComesUpAndCarriesPppBothWays() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 0x0101);
    int session = establish(lac);
    ControlMessage sccrpSeen = lac.read(sent.get(0));
    assertThat(sccrpSeen.tunnelId()).isEqualTo(0x0101);
    assertThat(sccrpSeen.avp(AvpType.HOST_NAME).orElseThrow().text()).isEqualTo("LNS");
    assertThat(ppp).containsExactly("open lac-257");
    lns.onDatagram(lac.address, lac.data(session, new byte[] {(byte) 0xff, 0x03, (byte) 0xc0, 0x21, 1, 1, 0, 4}));
    assertThat(ppp).contains("frame ff03c02101010004");
    carriers.get(0).sendFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 0xc0, 0x21, 2, 1, 0, 4}));
    ByteBuf out = sent.get(sent.size() - 1);
    Decoded d = L2tpCodec.decode(out.duplicate(), null);
    assertThat(d).isEqualTo(new Decoded.Data(0x0101, 42, -1, -1, 8, 8));
    assertThat(ByteBufUtil.hexDump(out, 8, 8)).isEqualTo("ff03c02102010004");
  }

  @Test
  void twoLacsBehindOneAddressAreTwoTunnelsByPort() {
    FakeLac a = new FakeLac("198.51.100.2", 1024, 7);
    FakeLac b = new FakeLac("198.51.100.2", 1025, 7);
    establish(a);
    establish(b);
    assertThat(lns.tunnels()).hasSize(2);
    assertThat(a.lnsTunnelId).isNotEqualTo(b.lnsTunnelId);
    assertThat(ppp).containsExactly("open lac-7", "open lac-7");
  }

  @Test
  void aRetransmittedSccrqIsAcknowledgedNotANewTunnel() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    ByteBuf sccrq = lac.sccrq();
    lns.onDatagram(lac.address, sccrq.duplicate());
    lns.onDatagram(lac.address, sccrq.duplicate());
    assertThat(lns.tunnels()).hasSize(1);
    assertThat(lac.read(sent.get(1)).zlb()).isTrue();
  }

  @Test
  void theLacsCdnClosesTheSessionAndItsPpp() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    int session = establish(lac);
    lns.onDatagram(lac.address, lac.message(session, FakeLac.type(MessageType.CDN),
        ResultCode.avp(3, 0, "bye"), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 42)));
    assertThat(ppp).last().asString().startsWith("closed the LAC disconnected the call (CDN result 3 error 0: bye)");
    assertThat(lns.tunnels().get(0).sessions()).isZero();
  }

  @Test
  void stopCcnClosesEverything() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.STOPCCN), Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, 5),
        ResultCode.avp(1, 0, null)));
    assertThat(ppp).last().asString().startsWith("closed the LAC closed the tunnel");
    assertThat(last(lac).zlb()).isTrue();
    clock.advance(Tunnel.LINGER_MILLIS);
    assertThat(lns.tunnels()).isEmpty();
  }

  @Test
  void afterTheLacsStopCcnOurUnansweredCdnIsNotSentAgainToItsAddress() {
    FakeLac lac = new FakeLac("198.51.100.2", 1024, 5);
    establish(lac);
    carriers.get(0).disconnect("session timeout (3 s)"); // our CDN, which the LAC never gets
    Decoded cdn = L2tpCodec.decode(sent.get(sent.size() - 1).duplicate(), null);
    assertThat(((Decoded.Control) cdn).message().type()).isEqualTo(MessageType.CDN);
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.STOPCCN), Avp.u16(AvpType.ASSIGNED_TUNNEL_ID, 5),
        ResultCode.avp(1, 0, null)));
    int before = sent.size();
    clock.advance(Tunnel.LINGER_MILLIS - 1);
    assertThat(sent).as("nothing more to 198.51.100.2:1024, which NAT demux may give another client").hasSize(before);
  }

  @Test
  void helloFindsAVanishedPeer() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    int before = sent.size();
    clock.advance(60_000);
    assertThat(lac.read(sent.get(before)).type()).isEqualTo(MessageType.HELLO);
    clock.advance(60_000);
    assertThat(ppp).last().asString().contains("retransmissions exhausted");
    assertThat(lns.tunnels()).isEmpty();
  }

  @Test
  void anAnsweredHelloKeepsTheTunnel() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    for (int i = 0; i < 5; i++) {
      int before = sent.size();
      clock.advance(60_000);
      assertThat(sent.size() - before).as("one HELLO per idle minute").isEqualTo(1);
      last(lac);
      lns.onDatagram(lac.address, lac.zlb());
    }
    assertThat(lns.tunnels()).hasSize(1);
  }

  @Test
  void tunnelAuthenticationChecksTheLacsResponse() throws Exception {
    settings = new TunnelSettings(true, "LNS", true, "s3cret".getBytes(), h -> null, 60, 8);
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    byte[] ourChallenge = "0123456789abcdef".getBytes();
    lns.onDatagram(lac.address, lac.sccrq(Avp.of(AvpType.CHALLENGE, ourChallenge)));
    ControlMessage sccrp = last(lac);
    assertThat(sccrp.avp(AvpType.CHALLENGE_RESPONSE).orElseThrow().value()).isEqualTo(md5(2, "s3cret", ourChallenge));
    byte[] theirs = sccrp.avp(AvpType.CHALLENGE).orElseThrow().value();
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.SCCCN),
        Avp.of(AvpType.CHALLENGE_RESPONSE, md5(3, "wrong", theirs))));
    ControlMessage stop = last(lac);
    assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
    assertThat(ResultCode.describe(stop.avp(AvpType.RESULT_CODE).orElseThrow())).isEqualTo(
        "result 4 error 0: tunnel authentication failed (wrong secret)");
  }

  @Test
  void debugVpdnShowsMessagesEventsAndErrorsButNoChallengeValue() throws Exception {
    try (io.jlns.debug.DebugCapture d = new io.jlns.debug.DebugCapture(io.jlns.debug.Debug.Category.VPDN_PACKETS,
        io.jlns.debug.Debug.Category.VPDN_EVENTS, io.jlns.debug.Debug.Category.VPDN_ERRORS)) {
      settings = new TunnelSettings(true, "LNS", true, "s3cret".getBytes(), h -> null, 60, 8);
      FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
      lns.onDatagram(lac.address, lac.sccrq(Avp.of(AvpType.CHALLENGE, "0123456789abcdef".getBytes())));
      byte[] theirs = last(lac).avp(AvpType.CHALLENGE).orElseThrow().value();
      lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.SCCCN),
          Avp.of(AvpType.CHALLENGE_RESPONSE, md5(3, "wrong", theirs))));
      String text = d.text();
      assertThat(text).contains("Tnl 0 L2TP: I SCCRQ from 198.51.100.2:1701, session 0, ns 0 nr 0",
          "L2TP:    Assigned Tunnel ID (M), len 2: 5", "L2TP:    Challenge (M), len 16", "L2TP: O SCCRP to 198.51.100.2:1701",
          "L2TP:    Host Name (M), len 3: \"LNS\"", "I SCCCN", "its Challenge Response does not match 'l2tp tunnel password'",
          "O STOPCCN", "Result Code (M), len ", "Tunnel state change from WAIT_CTL_CONN to CLOSED");
      assertThat(text).doesNotContain("0123456789abcdef").doesNotContain("s3cret");
      lns.onDatagram(new java.net.InetSocketAddress("198.51.100.9", 1701), Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
      assertThat(d.text()).contains("L2TP: error: malformed datagram from 198.51.100.9:1701 dropped");
    }
  }

  @Test
  void authenticationWithoutASecretIsRefusedSayingWhatToConfigure() {
    settings = new TunnelSettings(true, "LNS", true, null, h -> null, 60, 8);
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    lns.onDatagram(lac.address, lac.sccrq());
    ControlMessage stop = last(lac);
    assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
    assertThat(ResultCode.describe(stop.avp(AvpType.RESULT_CODE).orElseThrow())).contains("no l2tp tunnel authentication");
  }

  @Test
  void anUnknownMandatoryAvpClearsTheTunnel() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    lns.onDatagram(lac.address, lac.sccrq(new Avp(true, false, 0, 200, new byte[] {1})));
    ControlMessage stop = last(lac);
    assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
    assertThat(ResultCode.describe(stop.avp(AvpType.RESULT_CODE).orElseThrow())).startsWith("result 2 error 8");
    FakeLac lac2 = new FakeLac("198.51.100.2", 1702, 6);
    lns.onDatagram(lac2.address, lac2.sccrq(new Avp(false, false, 9, 200, new byte[] {1})));
    assertThat(last(lac2).type()).as("an unknown optional AVP is ignored").isEqualTo(MessageType.SCCRP);
  }

  @Test
  void garbageAndStrangersAreDroppedAndCounted() {
    lns.onDatagram(new InetSocketAddress("192.0.2.9", 1701), Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    FakeLac spoof = new FakeLac("192.0.2.66", 1701, 5);
    spoof.lnsTunnelId = lac.lnsTunnelId;
    lns.onDatagram(spoof.address, spoof.message(0, FakeLac.type(MessageType.STOPCCN)));
    assertThat(lns.tunnels()).singleElement().extracting(L2tpLns.TunnelView::state).isEqualTo("ESTABLISHED");
    assertThat(lns.counters()).containsEntry("malformed", 1L).containsEntry("no-tunnel", 1L);
  }

  private static byte[] md5(int type, String secret, byte[] challenge) throws Exception {
    MessageDigest md = MessageDigest.getInstance("MD5");
    md.update((byte) type);
    md.update(secret.getBytes());
    md.update(challenge);
    return md.digest();
  }

  /** Found by L2tpLnsFuzzTest: a LAC that acknowledged our SCCRP and never sent SCCCN kept its tunnel for ever. */
  @Test
  void aControlConnectionWithoutScccnIsStoppedAfterTheSetupTime() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    lns.onDatagram(lac.address, lac.sccrq());
    last(lac);
    lns.onDatagram(lac.address, lac.zlb());
    clock.advance(Tunnel.SETUP_MILLIS - 1);
    assertThat(lns.tunnels()).singleElement().extracting(L2tpLns.TunnelView::state).isEqualTo("WAIT_CTL_CONN");
    clock.advance(1);
    ControlMessage stop = last(lac);
    assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
    assertThat(stop.avp(AvpType.RESULT_CODE).map(ResultCode::describe).orElseThrow()).contains("no SCCCN");
    clock.advance(Tunnel.LINGER_MILLIS);
    assertThat(lns.tunnels()).isEmpty();
  }

  /** Found by L2tpLnsFuzzTest's sibling case: an ICRQ answered by our ICRP, then no ICCN, held the session. */
  @Test
  void aCallWithoutIccnIsDisconnectedAfterTheSetupTime() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    lns.onDatagram(lac.address, lac.sccrq());
    last(lac);
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.SCCCN)));
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 42),
        Avp.u32(AvpType.CALL_SERIAL_NUMBER, 1)));
    last(lac);
    lns.onDatagram(lac.address, lac.zlb());
    assertThat(lns.tunnels().get(0).sessions()).isEqualTo(1);
    clock.advance(Tunnel.SETUP_MILLIS);
    ControlMessage cdn = last(lac);
    assertThat(cdn.type()).isEqualTo(MessageType.CDN);
    assertThat(cdn.sessionId()).isEqualTo(42);
    assertThat(lns.tunnels().get(0).sessions()).isZero();
    assertThat(lns.tunnels().get(0).state()).isEqualTo("ESTABLISHED");
  }

  /** Quick endings: a vanished client's last session takes its tunnel at once, with one CDN and one StopCCN, no retransmissions. */
  @Test
  void whenTheLastSessionsClientIsGoneTheTunnelClosesAtOnce() {
    List<InetSocketAddress> closed = new ArrayList<>();
    lns.onTunnelClosed(closed::add);
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    int before = sent.size();
    carriers.get(0).peerGone("LCP keepalive timeout");
    assertThat(sent.subList(before, sent.size())).extracting(b -> lac.read(b).type())
        .containsExactly(MessageType.CDN, MessageType.STOPCCN);
    assertThat(closed).containsExactly(lac.address);
    assertThat(lns.tunnels()).isEmpty();
    clock.advance(60_000);
    assertThat(sent).hasSize(before + 2);
  }

  /** Graceful stop: one StopCCN (result 6, shutting down) to each tunnel, everything released, nothing retransmitted. */
  @Test
  void atShutdownEachTunnelGetsOneStopCcnAndEverythingGoes() {
    FakeLac a = new FakeLac("198.51.100.2", 1024, 5);
    FakeLac b = new FakeLac("198.51.100.2", 1025, 6);
    establish(a);
    establish(b);
    int before = sent.size();
    assertThat(lns.shutdown("the server is stopping")).isEqualTo(2);
    assertThat(sent.subList(before, sent.size())).hasSize(2);
    for (FakeLac lac : List.of(a, b)) {
      int i = sentTo.subList(before, sentTo.size()).indexOf(lac.address) + before;
      ControlMessage stop = lac.read(sent.get(i));
      assertThat(stop.type()).isEqualTo(MessageType.STOPCCN);
      assertThat(stop.avp(AvpType.RESULT_CODE).orElseThrow().u16()).isEqualTo(ResultCode.STOP_SHUTTING_DOWN);
    }
    assertThat(ppp).filteredOn(e -> e.startsWith("closed")).hasSize(2);
    assertThat(lns.tunnels()).isEmpty();
    clock.advance(60_000);
    assertThat(sent).hasSize(before + 2);
  }

  /** Limits: a tunnel carries at most MAX_SESSIONS calls; the next ICRQ gets a CDN (no facilities) and the tunnel stays. */
  @Test
  void anIcrqPastTheSessionLimitIsRefusedWithACdn() {
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    for (int i = 1; i < Tunnel.MAX_SESSIONS; i++) {
      lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 100 + i),
          Avp.u32(AvpType.CALL_SERIAL_NUMBER, 1 + i)));
      assertThat(last(lac).type()).isEqualTo(MessageType.ICRP);
    }
    lns.onDatagram(lac.address, lac.message(0, FakeLac.type(MessageType.ICRQ), Avp.u16(AvpType.ASSIGNED_SESSION_ID, 999),
        Avp.u32(AvpType.CALL_SERIAL_NUMBER, 999)));
    ControlMessage cdn = last(lac);
    assertThat(cdn.type()).isEqualTo(MessageType.CDN);
    assertThat(cdn.sessionId()).isEqualTo(999);
    assertThat(cdn.avp(AvpType.RESULT_CODE).orElseThrow().u16()).isEqualTo(ResultCode.CDN_NO_FACILITIES_TEMPORARY);
    assertThat(lns.tunnels()).singleElement().satisfies(t -> assertThat(t.sessions()).isEqualTo(Tunnel.MAX_SESSIONS));
    assertThat(lns.counters()).containsEntry("session-limit", 1L);
  }

  /** Limits: a peer that makes us answer and acknowledges nothing loses its tunnel once MAX_UNACKED answers wait. */
  @Test
  void aPeerThatAcknowledgesNothingWhileAskingIsCleared() {
    List<InetSocketAddress> closed = new ArrayList<>();
    lns.onTunnelClosed(closed::add);
    FakeLac lac = new FakeLac("198.51.100.2", 1701, 5);
    establish(lac);
    int nr = lac.nr;
    for (int i = 0; i <= Tunnel.MAX_UNACKED; i++) {
      lac.nr = nr; // never acknowledges what the LNS sends
      lns.onDatagram(lac.address, lac.message(4000 + i, FakeLac.type(MessageType.ICCN), Avp.u32(AvpType.TX_CONNECT_SPEED, 1),
          Avp.u32(AvpType.FRAMING_TYPE, 1)));
    }
    assertThat(lns.counters()).containsEntry("control-queue", 1L);
    assertThat(closed).containsExactly(lac.address);
    assertThat(lns.tunnels()).isEmpty();
  }
}
