package io.jlns.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec and the shared-secret arithmetic, against RFC 2865 section 7.1's example. */
class RadiusPacketTest {
  private static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] REQUEST_AUTH = hex("0f403f9473978057bd83d5cb98f4227a");
  private static final byte[] ACCESS_REQUEST = hex("""
      01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb 98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d
      93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8 01 10 05 06 00 00 00 03""");
  private static final byte[] ACCESS_ACCEPT = hex("""
      02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf 9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00
      0e 06 c0 a8 01 03""");

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
  }

  @Test
  void theRfcAccessRequestEncodesByteForByte() {
    byte[] hidden = RadiusAuthenticators.hidePassword("arctangent".getBytes(StandardCharsets.US_ASCII), SECRET, REQUEST_AUTH);
    assertThat(hidden).isEqualTo(hex("0dbe708d93d413ce3196e43f782a0aee"));
    RadiusPacket p = new RadiusPacket(Radius.ACCESS_REQUEST, 0, REQUEST_AUTH, List.of(
        RadiusAttribute.text(Radius.USER_NAME, "nemo"), new RadiusAttribute(Radius.USER_PASSWORD, hidden),
        RadiusAttribute.address(Radius.NAS_IP_ADDRESS, 0xC0A80110), RadiusAttribute.integer(Radius.NAS_PORT, 3)));
    assertThat(p.encode()).isEqualTo(ACCESS_REQUEST);
    assertThat(RadiusAuthenticators.signAccessRequest(p, SECRET)).isEqualTo(ACCESS_REQUEST); // no Message-Authenticator in it
  }

  @Test
  void theRfcAccessRequestDecodesAndItsPasswordIsRevealed() {
    RadiusPacket.Decoded d = RadiusPacket.decode(ACCESS_REQUEST, ACCESS_REQUEST.length);
    assertThat(d.ok()).isTrue();
    RadiusPacket p = d.packet();
    assertThat(p.code()).isEqualTo(Radius.ACCESS_REQUEST);
    assertThat(p.first(Radius.USER_NAME).text()).isEqualTo("nemo");
    assertThat(p.first(Radius.NAS_PORT).integer()).isEqualTo(3);
    byte[] password = RadiusAuthenticators.revealPassword(p.first(Radius.USER_PASSWORD).value(), SECRET, p.authenticator());
    assertThat(new String(password, StandardCharsets.US_ASCII)).isEqualTo("arctangent");
    assertThat(p.toString()).isEqualTo("Access-Request id 0 [User-Name \"nemo\", User-Password <16 bytes>,"
        + " NAS-IP-Address 192.168.1.16, NAS-Port 3]");
  }

  @Test
  void theRfcAccessAcceptHasTheResponseAuthenticatorExpected() {
    RadiusPacket accept = new RadiusPacket(Radius.ACCESS_ACCEPT, 0, new byte[16], List.of(
        RadiusAttribute.integer(Radius.SERVICE_TYPE, 1), RadiusAttribute.integer(15, 0), RadiusAttribute.address(14, 0xC0A80103)));
    assertThat(RadiusAuthenticators.signResponse(accept, REQUEST_AUTH, SECRET)).isEqualTo(ACCESS_ACCEPT);
    assertThat(RadiusAuthenticators.checkResponse(ACCESS_ACCEPT, ACCESS_ACCEPT.length, REQUEST_AUTH, SECRET, false)).isNull();
    assertThat(RadiusAuthenticators.checkResponse(ACCESS_ACCEPT, ACCESS_ACCEPT.length, REQUEST_AUTH, SECRET, true))
        .isEqualTo("no Message-Authenticator");
    assertThat(RadiusAuthenticators.checkResponse(ACCESS_ACCEPT, ACCESS_ACCEPT.length, REQUEST_AUTH, "other".getBytes(), false))
        .startsWith("wrong Response Authenticator");
  }

  @Test
  void aMessageAuthenticatorIsFilledInAndChecked() {
    RadiusPacket request = new RadiusPacket(Radius.ACCESS_REQUEST, 7, REQUEST_AUTH, List.of(
        RadiusAttribute.text(Radius.USER_NAME, "nemo"), new RadiusAttribute(Radius.MESSAGE_AUTHENTICATOR, new byte[16])));
    byte[] sent = RadiusAuthenticators.signAccessRequest(request, SECRET);
    byte[] ma = RadiusPacket.decode(sent, sent.length).packet().first(Radius.MESSAGE_AUTHENTICATOR).value();
    assertThat(ma).isNotEqualTo(new byte[16]);
    RadiusPacket reject = new RadiusPacket(Radius.ACCESS_REJECT, 7, new byte[16], List.of(
        RadiusAttribute.text(Radius.REPLY_MESSAGE, "no"), new RadiusAttribute(Radius.MESSAGE_AUTHENTICATOR, new byte[16])));
    byte[] answer = RadiusAuthenticators.signResponse(reject, REQUEST_AUTH, SECRET);
    assertThat(RadiusAuthenticators.checkResponse(answer, answer.length, REQUEST_AUTH, SECRET, true)).isNull();
    // One bit changed in the Message-Authenticator, the Response Authenticator made right over it: caught.
    answer[answer.length - 1] ^= 1;
    System.arraycopy(REQUEST_AUTH, 0, answer, 4, 16);
    System.arraycopy(md5(answer, SECRET), 0, answer, 4, 16);
    assertThat(RadiusAuthenticators.checkResponse(answer, answer.length, REQUEST_AUTH, SECRET, true))
        .isEqualTo("wrong Message-Authenticator");
  }

  private static byte[] md5(byte[] a, byte[] b) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
      md.update(a);
      md.update(b);
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void accountingRequestsCarryTheirAuthenticator() {
    RadiusPacket start = new RadiusPacket(Radius.ACCOUNTING_REQUEST, 9, new byte[16], List.of(
        RadiusAttribute.integer(Radius.ACCT_STATUS_TYPE, 1), RadiusAttribute.text(Radius.ACCT_SESSION_ID, "00000001")));
    byte[] b = RadiusAuthenticators.signRequest(start, SECRET);
    assertThat(RadiusAuthenticators.checkRequest(b, b.length, SECRET)).isNull();
    b[b.length - 1] ^= 1;
    assertThat(RadiusAuthenticators.checkRequest(b, b.length, SECRET)).startsWith("wrong Request Authenticator");
  }

  @Test
  void longPasswordsChainTheirBlocks() {
    byte[] pw = "a password of more than thirty-two bytes, to chain three blocks".getBytes(StandardCharsets.US_ASCII);
    byte[] hidden = RadiusAuthenticators.hidePassword(pw, SECRET, REQUEST_AUTH);
    assertThat(hidden).hasSize(64);
    assertThat(RadiusAuthenticators.revealPassword(hidden, SECRET, REQUEST_AUTH)).isEqualTo(pw);
    assertThat(RadiusAuthenticators.revealPassword(new byte[15], SECRET, REQUEST_AUTH)).isNull();
  }

  @Test
  void vendorAttributesRoundTrip() {
    RadiusAttribute a = RadiusAttribute.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_SUCCESS, "xS=0123".getBytes());
    assertThat(a.value()).startsWith(0, 0, 1, 0x37, 26, 9);
    RadiusPacket p = new RadiusPacket(Radius.ACCESS_ACCEPT, 1, new byte[16], List.of(a));
    RadiusPacket back = RadiusPacket.decode(p.encode(), p.length()).packet();
    assertThat(back).isEqualTo(p);
    assertThat(back.vendor(Radius.MICROSOFT, Radius.MS_CHAP2_SUCCESS)).isEqualTo("xS=0123".getBytes());
    assertThat(back.vendor(Radius.MICROSOFT, Radius.MS_CHAP_ERROR)).isNull();
  }

  @Test
  void malformedPacketsAreErrorsNotExceptions() {
    assertThat(RadiusPacket.decode(new byte[19], 19).error()).contains("shorter than a RADIUS header");
    byte[] b = ACCESS_REQUEST.clone();
    assertThat(RadiusPacket.decode(b, b.length - 1).error()).contains("only 55 bytes");
    b[21] = 60; // User-Name's length runs past the packet
    assertThat(RadiusPacket.decode(b, b.length).error()).contains("does not fit");
    b[21] = 1;
    assertThat(RadiusPacket.decode(b, b.length).error()).contains("does not fit");
    byte[] padded = java.util.Arrays.copyOf(ACCESS_REQUEST, 70); // bytes past Length are padding
    assertThat(RadiusPacket.decode(padded, padded.length).packet().attributes()).hasSize(4);
  }
}
