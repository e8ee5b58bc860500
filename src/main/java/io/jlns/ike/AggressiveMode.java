package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Aggressive Mode with pre-shared keys (RFC 2409 section 5.4) as responder, only when {@code no
 * crypto isakmp aggressive-mode disable} allows it (it shows HASH_R, a function of the key, to
 * anyone on the path, who can then guess the key offline):
 *
 * <pre>
 *   HDR, SA, KE, Ni, IDii              -->
 *                                      <-- HDR, SA, KE, Nr, IDir, HASH_R, VID, [NAT-D, NAT-D]
 *   HDR[*], HASH_I, [NAT-D, NAT-D]     -->   (RFC 3947: on port 4500 once a NAT is seen)
 * </pre>
 *
 * The identity arrives in clear before the key is needed, so {@code key ... hostname H} entries
 * apply here (FQDN and user@FQDN identities); other identities, or a name without such a key, use
 * the key of the peer's address, as in Main Mode.
 */
final class AggressiveMode {
  private AggressiveMode() {}

  /** Message 2 for message 1's payloads {@code ps}, added to {@code reply} (SA and vendor ids); null when refused (logged). */
  static byte[] message2(IkeResponder r, IkeSa sa, Payloads ps, List<Payload> reply) {
    Payload.KeyExchange ke = ps.first(Payload.KeyExchange.class);
    Payload.Nonce nonce = ps.first(Payload.Nonce.class);
    int idIndex = ps.indexOf(Payload.ID);
    if (ke == null || !MainModeKeyExchange.nonceOk(nonce) || idIndex < 0) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Aggressive Mode message 1 from " + sa.describe()
          + " lacks a KE, a valid nonce or an ID (RFC 2409 section 5.4)");
      return null;
    }
    Payload.Identification id = (Payload.Identification) ps.list().get(idIndex);
    String identity = MainModeAuth.identityText(id);
    Optional<byte[]> psk = key(r.config.get(), id, sa.peer);
    if (psk.isEmpty()) {
      r.counters.drop("no-psk", "%CRYPTO-4-IKMP_NO_PRESHARED_KEY: no pre-shared key for peer " + sa.describe() + " id " + identity
          + " (add 'pre-shared-key hostname " + identity + " key ...' or 'pre-shared-key address ...' to a crypto keyring)");
      return null;
    }
    DiffieHellman dh = new DiffieHellman(sa.suite.group(), r.random);
    byte[] gxy = dh.sharedSecret(ke.data());
    if (gxy == null) {
      r.counters.drop("bad-ke", "%CRYPTO-4-IKMP_BAD_MESSAGE: invalid Diffie-Hellman public value from " + sa.describe() + " ("
          + ke.data().length + " bytes for group " + sa.suite.group().number() + "; Aggressive Mode cannot negotiate the group)");
      return null;
    }
    sa.gxi = ke.data();
    sa.gxr = dh.publicValue();
    sa.ni = nonce.data();
    sa.nr = new byte[32];
    r.random.nextBytes(sa.nr);
    sa.deriveKeys(psk.get(), gxy);
    sa.idiBody = ps.body(idIndex);
    sa.peerIdentity = identity;
    Payload.Identification ours = sa.ourIdentity();
    reply.addAll(1, List.of(new Payload.KeyExchange(sa.gxr), new Payload.Nonce(sa.nr), ours,
        new Payload.Hash(sa.hashR(IsakmpCodec.body(ours)))));
    if (sa.natTSupported) {
      reply.addAll(NatT.ours(sa, sa.peer));
    }
    IkeResponder.LOG.info("%CRYPTO-5-IKMP_AGGR_MODE: Aggressive Mode from {} id {} (allowed by 'no crypto isakmp aggressive-mode"
        + " disable'; its HASH_R can be used to guess the key offline)", sa.describe(), identity);
    return IsakmpCodec.encode(sa.icookie, sa.rcookie, Header.AGGRESSIVE, 0, 0, reply);
  }

  /** Message 3: HASH_I (encrypted or not, as the initiator chose) and its NAT-D payloads; the SA is then established. */
  static void onMessage3(IkeResponder r, IkeSa sa, InetSocketAddress local, InetSocketAddress remote, Header hd, byte[] data) {
    if (sa.state != IkeSa.State.AM_SENT) {
      r.counters.drop("unexpected", "%CRYPTO-4-IKMP_BAD_MESSAGE: unexpected Aggressive Mode message from " + IkeResponder.text(remote)
          + " in state " + sa.state);
      return;
    }
    byte[][] iv = {sa.iv};
    Decoding<Payloads> p = hd.encrypted() ? sa.decrypt(hd.nextPayload(), data, iv)
        : IsakmpCodec.decodePayloads(hd.nextPayload(), data, Header.SIZE, data.length);
    Payload.Hash hashI = p.ok() ? p.value().first(Payload.Hash.class) : null;
    // Its retransmissions are the same bytes: recognised and dropped without another line.
    sa.lastRequest = io.jlns.crypto.HashAlgorithm.SHA1.hash(data);
    sa.lastReply = null;
    if (hashI == null) {
      r.counters.drop("auth-failed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Aggressive Mode message 3 from " + sa.describe()
          + " has no HASH_I" + (hd.encrypted() ? ": the pre-shared keys probably do not match" : "")
          + (p.ok() ? "" : " (" + p.error() + ")"));
      return;
    }
    if (!MainModeAuth.hashIVerifies(r, sa, hashI, sa.idiBody, " id " + sa.peerIdentity)) {
      return;
    }
    if (hd.encrypted()) {
      sa.iv = iv[0];
    }
    // NAT-D hashes cover the addresses of message 1 (port 500), whichever port this one used.
    NatT.detect(sa, p.value().all(Payload.NatD.class), sa.peer);
    sa.peer = remote;
    sa.local = local;
    MainModeAuth.established(r, sa, p.value(), " in Aggressive Mode");
  }

  /** By name for FQDN and user@FQDN identities when a hostname key exists, else by the peer's address. */
  static Optional<byte[]> key(Config c, Payload.Identification id, InetSocketAddress peer) {
    if (id.idType() == Payload.Identification.FQDN || id.idType() == Payload.Identification.USER_FQDN) {
      Optional<byte[]> byName = PresharedKeys.forHostname(c, new String(id.data(), StandardCharsets.US_ASCII));
      if (byName.isPresent()) {
        return byName;
      }
    }
    return PresharedKeys.forAddress(c, Ipv4Address.of(peer.getAddress().getHostAddress()));
  }
}
