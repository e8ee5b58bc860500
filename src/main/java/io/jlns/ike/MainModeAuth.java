package io.jlns.ike;

import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Main Mode messages 5 and 6 with pre-shared keys (RFC 2409 section 5.4): the initiator's
 * encrypted ID and HASH_I, checked against SKEYID, and our ID and HASH_R.
 */
final class MainModeAuth {
  private MainModeAuth() {}

  static void onMessage5(IkeResponder r, IkeSa sa, Header hd, byte[] data) {
    byte[][] iv = {sa.iv};
    Decoding<Payloads> p = sa.decrypt(hd.nextPayload(), data, iv);
    Payloads ps = p.ok() ? p.value() : null;
    int idIndex = ps == null ? -1 : ps.indexOf(Payload.ID);
    Payload.Hash hashI = ps == null ? null : ps.first(Payload.Hash.class);
    if (ps == null || idIndex < 0 || hashI == null) {
      // A wrong pre-shared key gives a wrong decryption key, so garbage where payloads should be.
      if (IkeDebug.on(sa.peer)) {
        IkeDebug.say(sa.connId, " MM5 from " + IkeResponder.text(sa.peer) + " does not decrypt to ID and HASH payloads ("
            + (ps == null ? p.error() : "payloads missing") + "): the client derived its keys from another pre-shared "
            + "key than the one configured for " + sa.peer.getAddress().getHostAddress()
            + ": probable pre-shared key mismatch. Its retransmissions are dropped; phase 1 times out");
      }
      r.counters.drop("auth-failed", "%CRYPTO-4-IKMP_BAD_MESSAGE: Main Mode message 5 from " + sa.describe()
          + " does not decrypt to ID and HASH: the pre-shared keys probably do not match ("
          + (ps == null ? p.error() : "payloads missing") + ")");
      // Its retransmissions are the same bytes: recognised and dropped without another log line.
      sa.lastRequest = io.jlns.crypto.HashAlgorithm.SHA1.hash(data);
      sa.lastReply = null;
      return;
    }
    byte[] idBody = ps.body(idIndex);
    if (!hashIVerifies(r, sa, hashI, idBody, "")) {
      return;
    }
    sa.iv = iv[0];
    Payload.Identification id = (Payload.Identification) ps.list().get(idIndex);
    sa.peerIdentity = identityText(id);
    Payload.Identification ours = sa.ourIdentity();
    List<Payload> reply = new ArrayList<>(List.of(ours, new Payload.Hash(sa.hashR(io.jlns.ike.message.IsakmpCodec.body(ours)))));
    byte[][] out = {sa.iv};
    byte[] msg = sa.encrypt(Header.MAIN_MODE, 0, reply, out);
    sa.iv = out[0];
    r.answer(sa, data, msg);
    if (IkeDebug.on(sa.peer)) {
      IkeDebug.say(sa.connId, " MM5: peer ID " + sa.peerIdentity + ", HASH_I verified: the pre-shared keys match");
      IkeDebug.sending(sa, "MM6");
      IkeDebug.state(sa, "IKE_R_MM5", "IKE_P1_COMPLETE");
    }
    established(r, sa, ps, "");
  }

  /**
   * Checks the initiator's HASH_I (RFC 2409 section 5.4); when it does not verify, the keys differ:
   * counted, AUTHENTICATION-FAILED to the peer, and the SA ends. {@code id} adds the identity to the line.
   */
  static boolean hashIVerifies(IkeResponder r, IkeSa sa, Payload.Hash hashI, byte[] idiBody, String id) {
    if (MessageDigest.isEqual(sa.hashI(idiBody), hashI.data())) {
      return true;
    }
    if (IkeDebug.on(sa.peer)) {
      IkeDebug.say(sa.connId, " HASH_I from " + IkeResponder.text(sa.peer) + id + " does not verify: pre-shared key "
          + "mismatch; AUTHENTICATION-FAILED sent, SA deleted");
    }
    r.counters.drop("auth-failed", "%CRYPTO-4-IKMP_AUTH_FAILED: HASH_I from " + sa.describe() + id
        + " does not verify: the pre-shared keys do not match");
    r.sendNotify(sa.local, sa.peer, sa.icookie, sa.rcookie, Notifications.AUTHENTICATION_FAILED);
    r.delete(sa, false, "authentication failed");
    return false;
  }

  /** Phase 1 done ({@code how}: how, e.g. " in Aggressive Mode"): the SA is indexed, logged, and INITIAL-CONTACT acted on. */
  static void established(IkeResponder r, IkeSa sa, Payloads ps, String how) {
    r.established(sa);
    IkeResponder.LOG.info("%CRYPTO-6-IKMP_SA_ESTABLISHED: ISAKMP SA (conn-id {}) established with {} id {}{}: policy {} ({} {} group {}"
        + " lifetime {} s){}", sa.connId, sa.describe(), sa.peerIdentity, how, sa.suite.policy(), sa.suite.cipherName(),
        sa.suite.hashName(), sa.suite.group().number(), sa.suite.lifetimeSeconds(), sa.natT() ? ", NAT-T" : "");
    if (ps.all(Payload.Notify.class).stream().anyMatch(n -> n.messageType() == Notifications.INITIAL_CONTACT)) {
      initialContact(r, sa);
    }
  }

  /**
   * INITIAL-CONTACT (RFC 2407 section 4.6.3.3): the peer rebooted, so its older SAs are stale.
   * Only SAs of the same NAT-T endpoint (address and port) and identity go: other clients
   * behind the same NAT share the address but not the port.
   */
  static void initialContact(IkeResponder r, IkeSa fresh) {
    for (IkeSa old : r.peers.ikeSas(fresh.peer)) {
      if (old != fresh && old.state == IkeSa.State.ESTABLISHED && old.peerIdentity.equals(fresh.peerIdentity)) {
        r.delete(old, false, "INITIAL-CONTACT from the peer");
      }
    }
    for (ChildSa c : r.peers.children(fresh.peer)) {
      if (c.createdMillis() < fresh.establishedMillis) {
        r.deleteChild(c, null, "INITIAL-CONTACT from the peer");
      }
    }
  }

  static String identityText(Payload.Identification id) {
    try {
      return switch (id.idType()) {
        case Payload.Identification.IPV4_ADDR -> InetAddress.getByAddress(id.data()).getHostAddress();
        case Payload.Identification.FQDN, Payload.Identification.USER_FQDN, Payload.Identification.KEY_ID ->
            new String(id.data(), StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7e]", "?");
        default -> "id-type-" + id.idType();
      };
    } catch (UnknownHostException e) {
      return "id-type-" + id.idType() + "-invalid";
    }
  }
}
