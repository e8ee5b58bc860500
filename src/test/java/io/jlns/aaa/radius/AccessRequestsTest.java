package io.jlns.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.AuthResult;
import io.jlns.ppp.Authorization;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PPP authentication as Access-Requests (RFC 2865, 2548, 2868) and Access-Accepts as sessions' authorization. */
class AccessRequestsTest {
  private static final AuthRequest.Caller CALLER = new AuthRequest.Caller(new InetSocketAddress("198.51.100.7", 4500),
      new InetSocketAddress("192.0.2.1", 1701), 12, "5F00AA0100000001");
  private static final AccessRequests.Nas NAS = new AccessRequests.Nas(0xC0000201, "lns1");

  private static byte[] seq(int n, int from) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  private static RadiusPacket packet(List<RadiusAttribute> attrs) {
    return new RadiusPacket(Radius.ACCESS_REQUEST, 1, new byte[16], attrs);
  }

  @Test
  void msChapV2GoesAsChallengeAndResponseInMicrosoftsLayoutWithWhereTheClientIs() {
    byte[] ppp = seq(49, 1); // peer challenge 16, reserved 8, NT response 24, flags 1
    AuthRequest r = new AuthRequest("Virtual-Access12", AuthRequest.Method.MSCHAP_V2, "CORP\\alice", 0x42, seq(16, 100), ppp,
        null, CALLER);
    RadiusPacket p = packet(AccessRequests.attributes(r, NAS));
    assertThat(p.first(Radius.USER_NAME).text()).isEqualTo("CORP\\alice");
    assertThat(p.vendor(Radius.MICROSOFT, Radius.MS_CHAP_CHALLENGE)).isEqualTo(seq(16, 100));
    byte[] v = p.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_RESPONSE);
    assertThat(v).hasSize(50);
    assertThat(v[0]).isEqualTo((byte) 0x42);
    assertThat(v[1]).isZero();
    assertThat(Arrays.copyOfRange(v, 2, 50)).isEqualTo(Arrays.copyOf(ppp, 48));
    assertThat(p.first(Radius.USER_PASSWORD)).isNull();
    assertThat(p.first(Radius.CALLING_STATION_ID).text()).isEqualTo("198.51.100.7:4500");
    assertThat(p.first(Radius.CALLED_STATION_ID).text()).isEqualTo("192.0.2.1");
    assertThat(p.first(Radius.NAS_PORT).integer()).isEqualTo(12);
    assertThat(p.first(Radius.NAS_PORT_TYPE).integer()).isEqualTo(5);
    assertThat(p.first(Radius.SERVICE_TYPE).integer()).isEqualTo(2);
    assertThat(p.first(Radius.FRAMED_PROTOCOL).integer()).isEqualTo(1);
    assertThat(p.first(Radius.NAS_IP_ADDRESS).integer()).isEqualTo(0xC0000201L);
    assertThat(p.first(Radius.NAS_IDENTIFIER).text()).isEqualTo("lns1");
    assertThat(p.first(Radius.TUNNEL_TYPE).value()).containsExactly(0, 0, 0, 3);
    assertThat(p.first(Radius.TUNNEL_MEDIUM_TYPE).value()).containsExactly(0, 0, 0, 1);
    assertThat(p.first(Radius.TUNNEL_CLIENT_ENDPOINT).text()).isEqualTo("198.51.100.7");
  }

  @Test
  void chapAndMsChapV1AndPap() {
    RadiusPacket chap = packet(AccessRequests.attributes(new AuthRequest("V", AuthRequest.Method.CHAP, "bob", 7, seq(16, 0),
        seq(16, 50), null, CALLER), NAS));
    assertThat(chap.first(Radius.CHAP_PASSWORD).value()).hasSize(17).startsWith(7).endsWith(seq(16, 50));
    assertThat(chap.first(Radius.CHAP_CHALLENGE).value()).isEqualTo(seq(16, 0));
    byte[] v1 = seq(49, 0);
    v1[48] = 1;
    RadiusPacket ms = packet(AccessRequests.attributes(new AuthRequest("V", AuthRequest.Method.MSCHAP, "bob", 9, seq(8, 0),
        v1, null, CALLER), NAS));
    byte[] resp = ms.vendor(Radius.MICROSOFT, Radius.MS_CHAP_RESPONSE);
    assertThat(resp).hasSize(50);
    assertThat(resp[0]).isEqualTo((byte) 9);
    assertThat(resp[1]).isEqualTo((byte) 1);
    assertThat(Arrays.copyOfRange(resp, 2, 50)).isEqualTo(Arrays.copyOf(v1, 48));
    assertThat(ms.vendor(Radius.MICROSOFT, Radius.MS_CHAP_CHALLENGE)).hasSize(8);
    RadiusPacket pap = packet(AccessRequests.attributes(new AuthRequest("V", AuthRequest.Method.PAP, "bob", 0, new byte[0],
        new byte[0], "pw", AuthRequest.Caller.UNKNOWN), NAS));
    assertThat(pap.first(Radius.USER_PASSWORD).text()).as("in clear until the client hides it per server").isEqualTo("pw");
    assertThat(pap.first(Radius.CALLING_STATION_ID)).isNull();
  }

  private static RadiusClient.Answer answer(int code, RadiusAttribute... attrs) {
    return new RadiusClient.Answer(new RadiusPacket(code, 1, new byte[16], List.of(attrs)), "R1", null);
  }

  private static final AuthRequest V2 = new AuthRequest("V", AuthRequest.Method.MSCHAP_V2, "alice", 1, seq(16, 0), seq(49, 0),
      null, CALLER);

  @Test
  void anAcceptCarriesTheAuthenticatorResponseAndTheSessionsAuthorization() {
    byte[] success = ("\u0001S=" + "0123456789ABCDEF0123456789ABCDEF01234567").getBytes(StandardCharsets.US_ASCII);
    AuthResult r = AccessRequests.result(answer(Radius.ACCESS_ACCEPT,
        RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_SUCCESS, success),
        RadiusAttribute.address(Radius.FRAMED_IP_ADDRESS, 0x0a000007),
        RadiusAttribute.integer(Radius.SESSION_TIMEOUT, 3600), RadiusAttribute.integer(Radius.IDLE_TIMEOUT, 600),
        RadiusAttribute.integer(Radius.ACCT_INTERIM_INTERVAL, 300), RadiusAttribute.integer(Radius.FRAMED_MTU, 1400),
        RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_PRIMARY_DNS_SERVER, new byte[] {1, 1, 1, 1}),
        RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_SECONDARY_DNS_SERVER, new byte[] {8, 8, 8, 8}),
        new RadiusAttribute(Radius.CLASS, new byte[] {'g', 'o', 'l', 'd'})), V2);
    assertThat(r.status()).isEqualTo(AuthResult.Status.ACCEPT);
    assertThat(r.message()).isEqualTo("S=0123456789ABCDEF0123456789ABCDEF01234567");
    Authorization a = r.authorization();
    assertThat(a.framedAddress()).isEqualTo(0x0a000007);
    assertThat(a.sessionTimeout()).isEqualTo(3600);
    assertThat(a.idleTimeout()).isEqualTo(600);
    assertThat(a.interimInterval()).isEqualTo(300);
    assertThat(a.mtu()).isEqualTo(1400);
    assertThat(a.dns()).containsExactly(0x01010101, 0x08080808);
    assertThat(a.classes()).hasSize(1);
    assertThat(AccessRequests.result(answer(Radius.ACCESS_ACCEPT, RadiusAttribute.vendor(Radius.MICROSOFT,
        Radius.MS_CHAP2_SUCCESS, success), RadiusAttribute.address(Radius.FRAMED_IP_ADDRESS, 0xFFFFFFFE),
        RadiusAttribute.text(Radius.FRAMED_POOL, "GOLD")), V2).authorization())
        .as("255.255.255.254: the NAS chooses, from Framed-Pool").extracting(Authorization::framedAddress, Authorization::pool)
        .containsExactly(0, "GOLD");
  }

  @Test
  void aRejectPassesTheServersMsChapErrorAndAnAcceptWithoutMsChap2SuccessIsARejection() {
    AuthResult r = AccessRequests.result(answer(Radius.ACCESS_REJECT,
        RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP_ERROR, "\u0001E=691 R=1 C=00 V=3".getBytes(StandardCharsets.US_ASCII)),
        RadiusAttribute.text(Radius.REPLY_MESSAGE, "bad\npassword")), V2);
    assertThat(r.status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(r.message()).isEqualTo("E=691 R=1 C=00 V=3");
    assertThat(r.reason()).contains("R1 rejected the user").contains("bad?password");
    assertThat(AccessRequests.result(answer(Radius.ACCESS_ACCEPT), V2).status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(AccessRequests.result(answer(Radius.ACCESS_CHALLENGE), V2).status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(AccessRequests.result(new RadiusClient.Answer(null, null, "no response from R1"), V2).status())
        .isEqualTo(AuthResult.Status.ERROR);
  }
}
