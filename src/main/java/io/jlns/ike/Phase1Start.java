package io.jlns.ike;

import io.jlns.config.Config;
import io.jlns.crypto.DiffieHellman;
import io.jlns.ike.message.Decoding;
import io.jlns.ike.message.Header;
import io.jlns.ike.message.IsakmpCodec;
import io.jlns.ike.message.Payload;
import io.jlns.ike.message.Payloads;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The first message of phase 1 (Main Mode, or Aggressive Mode when allowed): admission control,
 * the proposal chosen from the responder's policies (RFC 2409 section 5), the NAT-T and DPD
 * vendor IDs (RFC 3947, RFC 3706), and the half-open SA that expires if phase 1 does not finish.
 */
final class Phase1Start {
  private Phase1Start() {}

  /** Main Mode message 1, or Aggressive Mode message 1 (allowed by configuration). */
  static void onMessage1(IkeResponder r, InetSocketAddress local, InetSocketAddress remote, Header hd, byte[] data) {
    boolean aggressive = hd.exchange() == Header.AGGRESSIVE;
    String mode = aggressive ? "Aggressive Mode" : "Main Mode";
    IkeResponder.HalfOpenKey key = new IkeResponder.HalfOpenKey(hd.initiatorCookie(), remote);
    IkeSa existing = r.halfOpen.get(key);
    if (existing != null) {
      r.retransmit(existing, data);
      return;
    }
    Admission.Refusal no = r.admission.admit(remote.getAddress(), r.shared.total(), r.config.get().callAdmission());
    if (no != null) {
      // Dropped unanswered, as IOS does: a real client retransmits, a flood costs a lookup.
      if (r.counters.loud(no.counter)) {
        r.counters.log(no.counter, "%CRYPTO-4-IKE_CAC_DROP: new " + mode + " from " + IkeResponder.text(remote) + " refused: "
            + String.format(no.why, r.admission.count(no, remote.getAddress(), r.shared.total())));
      }
      InetAddress from = remote.getAddress();
      if (r.shared.shunning.refused(from, r.scheduler.nowMillis(), r.admission.hasEstablished(from))) {
        r.shared.shunned();
        if (r.counters.loud("cac-shun")) {
          r.counters.log("cac-shun", "%CRYPTO-4-IKE_CAC_SHUN: " + remote.getAddress().getHostAddress() + " had "
              + Shunning.THRESHOLD + " new IKE exchanges refused within a second: its new exchanges are dropped in the"
              + " kernel for " + Shunning.SHUN_MILLIS / 1000 + " s (its SAs and exchanges under way go on)");
        }
      }
      return;
    }
    Decoding<Payloads> p = IsakmpCodec.decodePayloads(hd.nextPayload(), data, Header.SIZE, data.length);
    if (!p.ok() || p.value().first(Payload.Sa.class) == null) {
      r.counters.drop("malformed", "%CRYPTO-4-IKMP_BAD_MESSAGE: " + mode + " message 1 from " + IkeResponder.text(remote) + ": "
          + (p.ok() ? "no SA payload" : p.error()));
      return;
    }
    Payloads ps = p.value();
    Payload.Sa offered = ps.first(Payload.Sa.class);
    Config c = r.config.get();
    Payload.KeyExchange ke = aggressive ? ps.first(Payload.KeyExchange.class) : null;
    Phase1Suite suite = ke == null ? Phase1Proposals.choose(c.isakmpPolicies().values(), offered)
        : Phase1Proposals.choose(c.isakmpPolicies().values(), offered, g -> {
          DiffieHellman.Group group = DiffieHellman.Group.of(g);
          return group != null && group.publicLength() == ke.data().length;
        });
    boolean debug = IkeDebug.on(remote);
    if (debug) {
      IkeDebug.say(0, " processing SA payload of " + mode + " message 1 from " + IkeResponder.text(remote) + ": "
          + offered.proposals().size() + " proposal(s)");
      Phase1Proposals.explain(c.isakmpPolicies().values(), offered).forEach(l -> IkeDebug.say(0, l));
    }
    if (suite == null || suite.group() == null) {
      if (debug) {
        IkeDebug.say(0, " phase 1 SA policy not acceptable! (local " + IkeResponder.text(local) + " remote "
            + IkeResponder.text(remote) + "): NO-PROPOSAL-CHOSEN sent; the client offers " + Phase1Proposals.describe(offered));
      }
      if (r.counters.loud("no-proposal-chosen")) {
        r.counters.log("no-proposal-chosen", "%CRYPTO-6-IKMP_MODE_FAILURE: " + mode + " from " + IkeResponder.text(remote)
            + " refused: no 'crypto isakmp policy' with pre-share matches its offer (" + Phase1Proposals.describe(offered) + ")");
      }
      r.sendNotify(local, remote, hd.initiatorCookie(), 0, Notifications.NO_PROPOSAL_CHOSEN);
      return;
    }
    long rcookie;
    do {
      rcookie = r.random.nextLong();
    } while (rcookie == 0 || r.shared.owner(rcookie) != null);
    IkeSa sa = new IkeSa(hd.initiatorCookie(), rcookie, r.shared.nextConnId(), remote, local, r.scheduler.nowMillis());
    sa.suite = suite;
    sa.saBody = ps.body(ps.indexOf(Payload.SA));
    List<Payload> reply = new ArrayList<>();
    reply.add(new Payload.Sa(offered.doi(), offered.situation(), List.of(suite.chosen())));
    VendorIds.read(sa, ps.all(Payload.VendorId.class));
    if (debug) {
      StringBuilder vids = new StringBuilder();
      ps.all(Payload.VendorId.class).forEach(v -> vids.append(vids.length() == 0 ? "" : ", ").append(VendorIds.kind(v.data())));
      IkeDebug.say(0, " vendor IDs: " + (vids.length() == 0 ? "none" : vids) + "; NAT-T " + (sa.natTSupported
          ? "supported" : "not offered") + ", DPD " + (sa.dpdSupported ? "supported" : "not offered"));
    }
    if (sa.natTSupported) {
      reply.add(new Payload.VendorId(sa.natDType == Payload.NAT_D ? VendorIds.NAT_T_RFC : VendorIds.NAT_T_DRAFT_02N));
    }
    reply.add(new Payload.VendorId(VendorIds.DPD));
    byte[] second;
    if (aggressive) {
      sa.state = IkeSa.State.AM_SENT;
      sa.keyByName = true;
      second = AggressiveMode.message2(r, sa, ps, reply);
      if (second == null) {
        return;
      }
    } else {
      second = IsakmpCodec.encode(sa.icookie, sa.rcookie, Header.MAIN_MODE, 0, 0, reply);
    }
    if (!r.register(sa)) {
      return;
    }
    r.halfOpen.put(key, sa);
    sa.halfOpenKey = key;
    sa.admittedFrom = remote.getAddress();
    r.admission.opened(sa.admittedFrom);
    r.answer(sa, data, second);
    if (debug) {
      IkeDebug.sending(sa, (aggressive ? "AM2" : "MM2") + " (policy " + suite.policy() + " chosen)");
      IkeDebug.state(sa, "IKE_READY", aggressive ? "IKE_R_AM2" : "IKE_R_MM2");
    }
    r.expireIfHalfOpen(sa, IkeResponder.HALF_OPEN_MILLIS, mode);
  }

  /**
   * An address was shunned for flooding ({@link Shunning}): its SAs still in negotiation here are
   * almost surely forged (a real client behind it cannot start a new one for the shun's length
   * anyway), so they go now and their admission slots serve other addresses at once, not when
   * they time out.
   */
  static void dropShunnedHalfOpen(IkeResponder r) {
    java.util.Set<Integer> shunned = new java.util.HashSet<>();
    for (int a : r.shared.shunned(r.scheduler.nowMillis()).addresses()) {
      shunned.add(a);
    }
    for (IkeSa sa : List.copyOf(r.halfOpen.values())) {
      if (sa.admittedFrom instanceof java.net.Inet4Address a4 && shunned.contains(io.jlns.config.Ipv4Address.of(a4).bits())) {
        r.counters.count("shunned-half-open");
        r.delete(sa, false, "its address was shunned for flooding");
      }
    }
  }
}
