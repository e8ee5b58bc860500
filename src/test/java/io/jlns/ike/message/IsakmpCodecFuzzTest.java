package io.jlns.ike.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the ISAKMP decoder (RFC 2408 section 3): any datagram decodes to a
 * message or to an error value, never an exception; what decodes re-encodes to bytes that decode to
 * the same payloads (encode is a fixpoint after one round).
 */
class IsakmpCodecFuzzTest {
  @FuzzTest
  void anyDatagramDecodesOrIsRefusedAndWhatDecodesRoundTrips(byte[] datagram) {
    Decoding<Header> header = IsakmpCodec.decodeHeader(datagram, datagram.length);
    if (!header.ok()) {
      assertThat(header.error()).isNotBlank();
      return;
    }
    Decoding<Payloads> payloads = IsakmpCodec.decodePayloads(header.value().nextPayload(), datagram, Header.SIZE, datagram.length);
    if (!payloads.ok()) {
      assertThat(payloads.error()).isNotBlank();
      return;
    }
    byte[] once = IsakmpCodec.encodePayloads(payloads.value().list());
    int first = payloads.value().list().isEmpty() ? 0 : payloads.value().list().get(0).type();
    Decoding<Payloads> again = IsakmpCodec.decodePayloads(first, once, 0, once.length);
    assertThat(again.ok()).as("re-encoded payloads decode: %s", again.error()).isTrue();
    assertThat(IsakmpCodec.encodePayloads(again.value().list())).isEqualTo(once);
    assertThat(again.value().end()).isEqualTo(once.length);
  }
}
