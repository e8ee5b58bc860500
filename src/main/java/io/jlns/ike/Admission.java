package io.jlns.ike;

import io.jlns.config.CallAdmission;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Call admission control for IKE (IOS {@code crypto call admission limit ike}): counts the
 * ISAKMP SAs in negotiation, in all and per source address, and refuses a new one past a limit.
 * Only new SAs are refused: Quick Mode on an established ISAKMP SA never comes here. An address
 * that already has an established ISAKMP SA has proven it knows a pre-shared key: its new Main
 * Modes (a client's re-authentication, a colleague behind the same NAT) are held to the
 * per-address limit only, so a flood from other addresses that fills the in-negotiation slots
 * does not cut connected offices off when their ISAKMP SAs expire. Shared by the responders of
 * every loop, so its methods are synchronized (called once per new exchange, not per packet).
 */
final class Admission {
  /** Why a new SA was refused, with the counter and the words of its log line. */
  enum Refusal {
    IN_NEGOTIATION("cac-in-negotiation", "%d ISAKMP SAs are in negotiation ('crypto call admission limit ike in-negotiation-sa')"),
    PER_ADDRESS("cac-per-address", "%d ISAKMP SAs from this address are in negotiation"
        + " ('crypto call admission limit ike in-negotiation-sa per-address')"),
    SA_LIMIT("cac-sa-limit", "%d ISAKMP SAs exist ('crypto call admission limit ike sa')");

    final String counter;
    final String why;

    Refusal(String counter, String why) {
      this.counter = counter;
      this.why = why;
    }
  }

  private final Map<InetAddress, int[]> perAddress = new HashMap<>();
  private final Map<InetAddress, int[]> established = new HashMap<>();
  private int negotiating;
  long accepted;
  long rejectedInNegotiation;
  long rejectedPerAddress;
  long rejectedSaLimit;

  /** Null when a new SA from {@code from} may start, else why not (and counted). */
  synchronized Refusal admit(InetAddress from, int totalSas, CallAdmission limits) {
    Refusal r = null;
    if (limits.sa() > 0 && totalSas >= limits.sa()) {
      r = Refusal.SA_LIMIT;
      rejectedSaLimit++;
    } else if (negotiating >= limits.inNegotiation() && !established.containsKey(from)) {
      r = Refusal.IN_NEGOTIATION;
      rejectedInNegotiation++;
    } else if (negotiating(from) >= limits.perAddress()) {
      r = Refusal.PER_ADDRESS;
      rejectedPerAddress++;
    }
    return r;
  }

  /** How many the refusal's log line names. */
  synchronized int count(Refusal r, InetAddress from, int totalSas) {
    return switch (r) {
      case IN_NEGOTIATION -> negotiating;
      case PER_ADDRESS -> negotiating(from);
      case SA_LIMIT -> totalSas;
    };
  }

  synchronized void opened(InetAddress from) {
    accepted++;
    negotiating++;
    perAddress.computeIfAbsent(from, a -> new int[1])[0]++;
  }

  synchronized void closed(InetAddress from) {
    negotiating--;
    int[] n = perAddress.get(from);
    if (n != null && --n[0] <= 0) {
      perAddress.remove(from);
    }
  }

  /** An ISAKMP SA with a peer at {@code from} was established (counted until {@link #establishedGone}). */
  synchronized void establishedAt(InetAddress from) {
    established.computeIfAbsent(from, a -> new int[1])[0]++;
  }

  synchronized boolean hasEstablished(InetAddress from) {
    return established.containsKey(from);
  }

  synchronized void establishedGone(InetAddress from) {
    int[] n = established.get(from);
    if (n != null && --n[0] <= 0) {
      established.remove(from);
    }
  }

  synchronized int negotiating(InetAddress from) {
    int[] n = perAddress.get(from);
    return n == null ? 0 : n[0];
  }

  synchronized AdmissionView view(int total, Shunning shunning) {
    return new AdmissionView(total, negotiating, accepted, rejectedInNegotiation, rejectedPerAddress, rejectedSaLimit,
        shunning.active(), shunning.total());
  }

  synchronized void clearStatistics() {
    accepted = 0;
    rejectedInNegotiation = 0;
    rejectedPerAddress = 0;
    rejectedSaLimit = 0;
  }
}
