package io.jlns.ppp;

import java.util.ArrayList;
import java.util.List;

/** IPCP (RFC 1332) with the DNS options of RFC 1877, for the automaton. */
final class IpcpNegotiation implements Negotiation {
  static final int IP_COMPRESSION = 2;
  static final int IP_ADDRESS = 3;
  static final int PRIMARY_DNS = 129;
  static final int PRIMARY_NBNS = 130;
  static final int SECONDARY_DNS = 131;
  static final int SECONDARY_NBNS = 132;

  interface Events {
    void ipcpUp(int peerAddress);

    void ipcpDown();

    void ipcpFinished(String reason);
  }

  private final int localAddress;
  private final int peerAddress;
  private final List<Integer> dns;
  private final Events events;

  IpcpNegotiation(int localAddress, int peerAddress, List<Integer> dns, Events events) {
    this.localAddress = localAddress;
    this.peerAddress = peerAddress;
    this.dns = dns;
    this.events = events;
  }

  @Override
  public int protocol() {
    return 0x8021;
  }

  @Override
  public String name() {
    return "IPCP";
  }

  @Override
  public List<ConfigOption> request() {
    return List.of(ConfigOption.u32(IP_ADDRESS, localAddress));
  }

  @Override
  public Verdict judge(List<ConfigOption> req) {
    List<ConfigOption> nak = new ArrayList<>();
    List<ConfigOption> rej = new ArrayList<>();
    for (ConfigOption o : req) {
      switch (o.type()) {
        case IP_ADDRESS -> {
          if (o.data().length != 4) {
            rej.add(o);
          } else if (o.u32() != peerAddress) {
            nak.add(ConfigOption.u32(IP_ADDRESS, peerAddress)); // section 3.3: Nak with the address to use
          }
        }
        case PRIMARY_DNS, SECONDARY_DNS -> {
          int index = o.type() == PRIMARY_DNS ? 0 : 1;
          if (o.data().length != 4 || dns.size() <= index) {
            rej.add(o); // RFC 1877: reject what we cannot supply
          } else if (o.u32() != dns.get(index)) {
            nak.add(ConfigOption.u32(o.type(), dns.get(index)));
          }
        }
        default -> rej.add(o); // VJ compression, NBNS, anything else
      }
    }
    return Verdict.of(req, nak, rej);
  }

  @Override
  public void onNak(List<ConfigOption> suggestions) throws NegotiationFailed {
    // Our own address is ours to choose: a Nak of it leaves the request unchanged.
  }

  @Override
  public void onReject(List<ConfigOption> rejected) throws NegotiationFailed {
    throw new NegotiationFailed("the client rejects our IP address option");
  }

  @Override
  public void up(List<ConfigOption> ours, List<ConfigOption> peers) {
    events.ipcpUp(peerAddress);
  }

  @Override
  public void down() {
    events.ipcpDown();
  }

  @Override
  public void finished(String reason) {
    events.ipcpFinished(reason);
  }
}
