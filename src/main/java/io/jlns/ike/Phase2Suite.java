package io.jlns.ike;

import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import io.jlns.ike.message.Proposal;

/**
 * What Quick Mode agreed on for one ESP SA pair.
 *
 * @param encapsulation the encapsulation-mode value the peer sent (RFC 3947 section 5.2 or the draft's 61443/61444)
 * @param pfs the PFS group, or null
 * @param lifetimeLowered true when our lifetime is below the peer's, to tell it with RESPONDER-LIFETIME
 * @param chosen the peer's proposal reduced to the transform we chose
 */
public record Phase2Suite(EspCipher cipher, int keyBits, EspIntegrity integrity, int encapsulation, boolean transport,
    boolean udpEncapsulated, DiffieHellman.Group pfs, long lifetimeSeconds, long lifetimeKilobytes, boolean lifetimeLowered,
    String cryptoMap, int mapSeq, String dynamicMap, int dynamicSeq, String transformSet, boolean natDemux, Proposal chosen) {

  /** IOS's transform text: {@code esp-3des esp-sha-hmac}, {@code esp-256-aes esp-sha-hmac}, {@code esp-gcm 256}. */
  public String transformText() {
    String c = switch (cipher) {
      case AES_CBC -> keyBits == 128 ? "esp-aes" : "esp-" + keyBits + "-aes";
      case AES_GCM_16 -> keyBits == 128 ? "esp-gcm" : "esp-gcm " + keyBits;
      default -> cipher.iosName();
    };
    return integrity == EspIntegrity.NONE ? c : c + " " + integrity.iosName();
  }
}
