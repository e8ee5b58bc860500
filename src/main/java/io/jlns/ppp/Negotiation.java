package io.jlns.ppp;

import java.util.List;

/**
 * What a protocol (LCP, IPCP) brings to the one RFC 1661 automaton: its options and its
 * this-layer actions. The automaton knows nothing of option meanings.
 */
public interface Negotiation {
  /** PPP protocol number (0xC021 LCP, 0x8021 IPCP). */
  int protocol();

  String name();

  /** The options of our next Configure-Request. */
  List<ConfigOption> request();

  /** The peer's Configure-Request judged: all acceptable (ack), or a Nak or Reject to send. */
  Verdict judge(List<ConfigOption> peerRequest);

  /** Our request was Nak'ed with these suggestions: adapt the next one (or give up by throwing). */
  void onNak(List<ConfigOption> suggestions) throws NegotiationFailed;

  /** Our request had these options rejected: stop asking for them (or give up). */
  void onReject(List<ConfigOption> rejected) throws NegotiationFailed;

  /** tlu: the layer is up, with the options both sides acknowledged. */
  void up(List<ConfigOption> ours, List<ConfigOption> peers);

  /** tld: the layer is no longer up. */
  void down();

  /** tlf: the automaton finished (closed or stopped). */
  void finished(String reason);

  /** A Configure-Request's outcome: ack as is, or reply with a Nak or Reject. */
  record Verdict(int code, List<ConfigOption> options) {
    public static Verdict ack(List<ConfigOption> o) {
      return new Verdict(ControlPacket.CONFIGURE_ACK, o);
    }

    /**
     * RFC 1661 sections 5.3 and 5.4: any unacceptable option is rejected first; only a request
     * without those is Nak'ed, with the values we would accept; otherwise it is acknowledged.
     */
    public static Verdict of(List<ConfigOption> request, List<ConfigOption> nak, List<ConfigOption> reject) {
      if (!reject.isEmpty()) {
        return new Verdict(ControlPacket.CONFIGURE_REJECT, reject);
      }
      if (!nak.isEmpty()) {
        return new Verdict(ControlPacket.CONFIGURE_NAK, nak);
      }
      return ack(request);
    }

    public boolean ack() {
      return code == ControlPacket.CONFIGURE_ACK;
    }
  }

  /** Negotiation cannot converge; the link is closed with this reason. */
  final class NegotiationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    public NegotiationFailed(String reason) {
      super(reason, null, false, false);
    }
  }
}
