package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.crypto.DiffieHellman;
import io.jlns.crypto.HashAlgorithm;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Main Mode messages 3 and 4 (RFC 2409 section 5): the initiator's KE and nonce, our KE, nonce
 * and NAT-D. The Diffie-Hellman and the key derivation run through {@link Offload}, off the
 * packet loop; meanwhile the SA waits in MM_KE_COMPUTING and a retransmitted message 3 is
 * recognised and dropped (message 4 answers it when ready). Each half-open SA costs at most one
 * exponentiation: a second, different message 3 is unexpected in that state.
 */
final class MainModeKeyExchange {
  private MainModeKeyExchange() {}

  /** What the worker computed: our public value and the keys, or null keys for an invalid peer value. */
  private record Result(byte[] gxr, IkeSa.Phase1Keys keys) {}

  /** RFC 2409 section 5: "The length of nonce payload MUST be between 8 and 256 bytes inclusive." */
  static boolean nonceOk(Payload.Nonce nonce) {
    return nonce != null && nonce.data().length >= 8 && nonce.data().length <= 256;
  }

  static void onMessage3(IkeResponder r, IkeSa sa, InetSocketAddress remote, Header hd, byte[] data) {
    Decoding<Payloads> p = IsakmpCodec.decodePayloads(hd.nextPayload(), data, Header.SIZE, data.length);
    if (!p.ok()) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 3 from " + IkeResponder.text(remote) + ": "
          + p.error());
      return;
    }
    Payloads ps = p.value();
    Payload.KeyExchange ke = ps.first(Payload.KeyExchange.class);
    Payload.Nonce nonce = ps.first(Payload.Nonce.class);
    if (ke == null || !nonceOk(nonce)) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 3 from " + IkeResponder.text(remote)
          + " lacks a KE or a valid nonce (RFC 2409 section 5)");
      return;
    }
    if (ke.data().length != sa.suite.group().publicLength()) {
      r.counters.drop("bad-ke", "%CRYPTO-4-IKMP_BAD_MESSAGE: invalid Diffie-Hellman public value from "
          + IkeResponder.text(remote) + " (" + ke.data().length + " bytes for group " + sa.suite.group().number() + ")");
      return;
    }
    Config c = r.config.get();
    Optional<byte[]> psk = PresharedKeys.forAddress(c, Ipv4Address.of(remote.getAddress().getHostAddress()));
    if (IkeDebug.on(remote)) {
      IkeDebug.say(sa.connId, " processing KE (group " + sa.suite.group().number() + ") and NONCE of MM3; "
          + (psk.isEmpty() ? "no pre-shared key for peer " + remote.getAddress().getHostAddress() + ": phase 1 fails"
              : "found a pre-shared key for peer " + remote.getAddress().getHostAddress()
                  + " (keyring or 'crypto isakmp key'); Diffie-Hellman handed to a worker"));
      IkeDebug.state(sa, "IKE_R_MM2", "IKE_R_MM3");
    }
    if (psk.isEmpty()) {
      r.counters.drop("no-psk", "%CRYPTO-4-IKMP_NO_PRESHARED_KEY: no pre-shared key for peer " + remote.getAddress().getHostAddress()
          + " (add 'pre-shared-key address ...' to a crypto keyring or 'crypto isakmp key ... address ...')");
      r.delete(sa, false, "no pre-shared key");
      return;
    }
    List<Payload.NatD> natD = ps.all(Payload.NatD.class);
    sa.gxi = ke.data();
    sa.ni = nonce.data();
    sa.nr = new byte[32];
    r.random.nextBytes(sa.nr);
    Phase1Suite suite = sa.suite;
    SecureRandom random = r.random;
    byte[] ni = sa.ni;
    byte[] nr = sa.nr;
    byte[] gxi = sa.gxi;
    long icookie = sa.icookie;
    long rcookie = sa.rcookie;
    byte[] key = psk.get();
    IkeSa.State before = sa.state;
    sa.state = IkeSa.State.MM_KE_COMPUTING;
    // Until message 4 exists, a retransmitted message 3 is recognised and dropped.
    sa.lastRequest = HashAlgorithm.SHA1.hash(data);
    sa.lastReply = null;
    boolean taken = r.offload.submit(() -> {
      DiffieHellman dh = new DiffieHellman(suite.group(), random);
      byte[] gxy = dh.sharedSecret(gxi);
      byte[] gxr = dh.publicValue();
      return new Result(gxr, gxy == null ? null : IkeSa.phase1Keys(suite, key, ni, nr, gxy, icookie, rcookie, gxi, gxr));
    }, result -> computed(r, sa, remote, data, natD, result));
    if (!taken) {
      // Every worker busy and the queue full: as if the packet was lost; the peer sends it again.
      sa.state = before;
      sa.lastRequest = null;
      r.counters.drop("crypto-queue-full", "%CRYPTO-4-IKMP_QUEUE_FULL: Main Mode message 3 from " + IkeResponder.text(remote)
          + " dropped: the Diffie-Hellman workers are all busy and their queue is full");
    }
  }

  private static void computed(IkeResponder r, IkeSa sa, InetSocketAddress remote, byte[] data, List<Payload.NatD> natD,
      Result result) {
    if (sa.state != IkeSa.State.MM_KE_COMPUTING) {
      // Deleted (expired, cleared) while the worker ran: nothing to answer.
      return;
    }
    if (result.keys() == null) {
      sa.state = IkeSa.State.MM_SA_SENT;
      sa.lastRequest = null;
      r.counters.drop("bad-ke", "%CRYPTO-4-IKMP_BAD_MESSAGE: invalid Diffie-Hellman public value from " + IkeResponder.text(remote)
          + " (group " + sa.suite.group().number() + ")");
      return;
    }
    sa.gxr = result.gxr();
    sa.keys(result.keys());
    List<Payload> reply = new ArrayList<>(List.of(new Payload.KeyExchange(sa.gxr), new Payload.Nonce(sa.nr)));
    if (NatT.detect(sa, natD, remote)) {
      reply.addAll(NatT.ours(sa, remote));
    }
    sa.state = IkeSa.State.MM_KE_SENT;
    r.answer(sa, data, IsakmpCodec.encode(sa.icookie, sa.rcookie, Header.MAIN_MODE, 0, 0, reply));
    if (IkeDebug.on(remote)) {
      IkeDebug.say(sa.connId, " NAT-D: " + (natD.isEmpty() ? "none sent (no NAT-T)" : sa.peerBehindNat
          ? "the peer is behind a NAT: UDP encapsulation (port 4500)" : "no NAT between us"));
      IkeDebug.sending(sa, "MM4");
      IkeDebug.state(sa, "IKE_R_MM3", "IKE_R_MM4");
    }
  }
}
