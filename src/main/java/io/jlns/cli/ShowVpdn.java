package io.jlns.cli;

import java.time.Duration;
import java.util.List;

/** {@code show vpdn}, {@code show vpdn tunnel}, {@code show vpdn session}, {@code show users}, in IOS layout. */
final class ShowVpdn {
  private ShowVpdn() {}

  /** Tunnels that are up or coming up; closed ones linger a while to acknowledge (shown with 'all'). */
  static List<VpdnView.Tunnel> live(List<VpdnView.Tunnel> ts) {
    return ts.stream().filter(t -> !t.state().equals("CLOSED")).toList();
  }

  static String summary(VpdnView v, String groupName) {
    List<VpdnView.Tunnel> ts = live(v.tunnels());
    List<VpdnView.Session> ss = v.sessions();
    return "\nL2TP Tunnel and Session Information Total tunnels " + ts.size() + " sessions " + ss.size() + "\n"
        + tunnels(ts, groupName) + sessions(ss);
  }

  static String tunnels(List<VpdnView.Tunnel> ts, String groupName) {
    StringBuilder b = new StringBuilder(String.format("%nLocTunID RemTunID Remote Name   State  Remote Address  Port  Sessions VPDN Group%n"));
    for (VpdnView.Tunnel t : ts) {
      b.append(String.format("%-8d %-8d %-13s %-6s %-15s %-5d %-8d %s%n", t.localId(), t.peerId(), trim(t.peerHost(), 13),
          state(t.state()), t.peerAddress(), t.peerPort(), t.sessions(), groupName));
    }
    return b.toString();
  }

  static String sessions(List<VpdnView.Session> ss) {
    StringBuilder b = new StringBuilder(String.format("%nLocID RemID TunID      Username, Intf/      State  Last Chg Address%n"));
    b.append(String.format("                       Vcid, Circuit%n"));
    for (VpdnView.Session s : ss) {
      b.append(String.format("%-5d %-5d %-10d %-20s %-6s %-8s %s%n", s.localId(), s.peerId(), s.localTunnel(),
          trim(s.user() + ", " + shortName(s.iface()), 20), state(s.state()), hms(s.uptimeMillis()), s.address()));
    }
    return b.toString();
  }

  /** {@code show vpdn session all}: each session with its counters (IP packets from and to the client). */
  static String sessionsAll(List<VpdnView.Session> ss) {
    StringBuilder b = new StringBuilder(String.format("%nL2TP Session Information: %d session(s)%n", ss.size()));
    for (VpdnView.Session s : ss) {
      b.append(String.format("%nSession id %d is %s, tunnel id %d, remote session id %d%n", s.localId(), state(s.state()),
          s.localTunnel(), s.peerId()));
      b.append(String.format("  Interface %s, user %s, address %s, Acct-Session-Id %s%n", s.iface(),
          s.user().isEmpty() ? "-" : s.user(), s.address(), s.acctSessionId().isEmpty() ? "-" : s.acctSessionId()));
      b.append(String.format("  Remote address %s, port %d; up %s%n", s.peerAddress(), s.peerPort(), hms(s.uptimeMillis())));
      b.append(String.format("    %d packets input, %d bytes; %d packets output, %d bytes%n", s.inPackets(), s.inOctets(),
          s.outPackets(), s.outOctets()));
    }
    return b.toString();
  }

  static String users(List<VpdnView.Session> ss) {
    StringBuilder b = new StringBuilder(String.format("    Line       User       Host(s)              Idle       Location%n"));
    b.append(Terminals.rows()).append(String.format("%n"));
    b.append(String.format("  Interface    User               Mode         Idle     Peer Address%n"));
    for (VpdnView.Session s : ss) {
      b.append(String.format("  %-12s %-18s %-12s %-8s %s (via %s:%d, up %s)%n", shortName(s.iface()), trim(s.user(), 18),
          "PPPoVPDN", "-", s.address(), s.peerAddress(), s.peerPort(), hms(s.uptimeMillis())));
    }
    return b.toString();
  }

  private static String state(String s) {
    return switch (s) {
      case "ESTABLISHED" -> "est";
      case "WAIT_CTL_CONN", "WAIT_CONNECT" -> "wt-ctl";
      case "CLOSED" -> "closed";
      default -> s.toLowerCase(java.util.Locale.ROOT);
    };
  }

  static String shortName(String iface) {
    return iface.replace("Virtual-Access", "Vi");
  }

  private static String trim(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  static String hms(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    return String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
