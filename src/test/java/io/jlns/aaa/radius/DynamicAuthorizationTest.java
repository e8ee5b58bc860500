package io.jlns.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5176: Disconnect and CoA requests, matched to sessions, answered with ACK or NAK and Error-Cause. */
class DynamicAuthorizationTest {
  private static final byte[] KEY = "dae".getBytes(StandardCharsets.US_ASCII);
  private static final AccessRequests.Nas NAS = new AccessRequests.Nas(0xC0000201, "lns1");
  private final List<String> done = new ArrayList<>();

  /** Two sessions of one NAT: alice's two clients, told apart by Acct-Session-Id. */
  private final DynamicAuthorization.Sessions sessions = new DynamicAuthorization.Sessions() {
    @Override
    public List<String> find(String sid, String user, int ip) {
      List<String> out = new ArrayList<>();
      if ((sid == null || sid.equals("A1")) && (user == null || user.equals("alice")) && (ip == 0 || ip == 0x14000064)) {
        out.add("Virtual-Access1");
      }
      if ((sid == null || sid.equals("A2")) && (user == null || user.equals("alice")) && (ip == 0 || ip == 0x14000065)) {
        out.add("Virtual-Access2");
      }
      return out;
    }

    @Override
    public void disconnect(String handle, String why) {
      done.add("disconnect " + handle);
    }

    @Override
    public void change(String handle, int sessionTimeout, int idleTimeout) {
      done.add("change " + handle + " " + sessionTimeout + " " + idleTimeout);
    }
  };

  private static byte[] request(int code, byte[] key, RadiusAttribute... attrs) {
    return RadiusAuthenticators.signRequest(new RadiusPacket(code, 9, new byte[16], List.of(attrs)), key);
  }

  private RadiusPacket answer(byte[] req) {
    DynamicAuthorization.Outcome o = DynamicAuthorization.handle(req, req.length, KEY, "192.0.2.50:4000", sessions, NAS);
    assertThat(o.response()).isNotNull();
    RadiusPacket r = RadiusPacket.decode(o.response(), o.response().length).packet();
    assertThat(RadiusAuthenticators.checkResponse(o.response(), o.response().length,
        RadiusPacket.decode(req, req.length).packet().authenticator(), KEY, true)).isNull();
    assertThat(r.identifier()).isEqualTo(9);
    return r;
  }

  @Test
  void aDisconnectByAcctSessionIdEndsThatSessionAloneNotItsNeighbourBehindTheNat() {
    RadiusPacket r = answer(request(Radius.DISCONNECT_REQUEST, KEY, RadiusAttribute.text(Radius.ACCT_SESSION_ID, "A2"),
        RadiusAttribute.text(Radius.USER_NAME, "alice")));
    assertThat(r.code()).isEqualTo(Radius.DISCONNECT_ACK);
    assertThat(done).containsExactly("disconnect Virtual-Access2");
  }

  @Test
  void aCoaChangesTheSessionTimeout() {
    RadiusPacket r = answer(request(Radius.COA_REQUEST, KEY, RadiusAttribute.address(Radius.FRAMED_IP_ADDRESS, 0x14000064),
        RadiusAttribute.integer(Radius.SESSION_TIMEOUT, 60)));
    assertThat(r.code()).isEqualTo(Radius.COA_ACK);
    assertThat(done).containsExactly("change Virtual-Access1 60 -1");
  }

  @Test
  void naksSayWhy() {
    assertThat(answer(request(Radius.DISCONNECT_REQUEST, KEY, RadiusAttribute.text(Radius.ACCT_SESSION_ID, "B7")))
        .first(Radius.ERROR_CAUSE).integer()).isEqualTo(503);
    assertThat(answer(request(Radius.DISCONNECT_REQUEST, KEY, RadiusAttribute.text(Radius.NAS_IDENTIFIER, "lns1")))
        .first(Radius.ERROR_CAUSE).integer()).isEqualTo(402);
    assertThat(answer(request(Radius.DISCONNECT_REQUEST, KEY, RadiusAttribute.text(Radius.NAS_IDENTIFIER, "lns2"),
        RadiusAttribute.text(Radius.USER_NAME, "alice"))).first(Radius.ERROR_CAUSE).integer()).isEqualTo(403);
    RadiusPacket unsupported = answer(request(Radius.COA_REQUEST, KEY, RadiusAttribute.text(Radius.USER_NAME, "alice"),
        RadiusAttribute.text(Radius.FRAMED_POOL, "GOLD")));
    assertThat(unsupported.code()).isEqualTo(Radius.COA_NAK);
    assertThat(unsupported.first(Radius.ERROR_CAUSE).integer()).isEqualTo(401);
    assertThat(done).isEmpty();
  }

  @Test
  void aRequestSignedWithAnotherKeyIsDroppedUnanswered() {
    byte[] forged = request(Radius.DISCONNECT_REQUEST, "other".getBytes(StandardCharsets.US_ASCII),
        RadiusAttribute.text(Radius.USER_NAME, "alice"));
    DynamicAuthorization.Outcome o = DynamicAuthorization.handle(forged, forged.length, KEY, "192.0.2.50:4000", sessions, NAS);
    assertThat(o.response()).isNull();
    assertThat(o.log()).contains("wrong Request Authenticator");
    assertThat(done).isEmpty();
  }
}
