package io.jlns.cli;

import io.jlns.config.Aaa;
import io.jlns.config.Config;
import java.util.List;

/** {@code show aaa servers} and {@code show radius statistics}, in IOS's layout. */
final class ShowAaa {
  private ShowAaa() {}

  static String servers(Config c, AaaView v) {
    StringBuilder out = new StringBuilder();
    List<AaaView.Server> used = v.servers();
    int id = 0;
    for (Aaa.RadiusServer s : c.aaa().servers().values()) {
      id++;
      out.append("RADIUS: id ").append(id).append(", priority ").append(id).append(", host ")
          .append(s.address() == null ? "(no address)" : s.address()).append(", auth-port ").append(s.authPort())
          .append(", acct-port ").append(s.acctPort()).append(s.legacy() ? "" : ", name " + s.name()).append('\n');
      AaaView.Server auth = find(used, s.name(), s.authPort());
      AaaView.Server acct = find(used, s.name(), s.acctPort());
      boolean dead = auth != null && auth.dead() || acct != null && acct.dead();
      out.append("     State: current ").append(dead ? "DEAD" : "UP");
      if (dead) {
        long left = Math.max(auth == null ? 0 : auth.deadForMillis(), acct == null ? 0 : acct.deadForMillis());
        out.append(", skipped for ").append(left / 1000).append("s more");
      }
      out.append('\n');
      out.append("     Dead: count ").append((auth == null ? 0 : auth.deadCount()) + (acct == null ? 0 : acct.deadCount()))
          .append('\n');
      line(out, "Authen", auth);
      line(out, "Account", acct);
    }
    if (id == 0) {
      out.append("No RADIUS server is configured\n");
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String what, AaaView.Server s) {
    if (s == null) {
      out.append("     ").append(what).append(": request 0\n");
      return;
    }
    out.append("     ").append(what).append(": request ").append(s.requests()).append(", timeouts ").append(s.timeouts())
        .append(", retransmission ").append(Math.max(0, s.transmissions() - s.requests())).append(", outstanding ")
        .append(s.outstanding()).append('\n');
    out.append(" ".repeat(what.length() + 7)).append("Response: ");
    if (what.equals("Authen")) {
      out.append("accept ").append(s.accepts()).append(", reject ").append(s.rejects()).append(", challenge ")
          .append(s.challenges());
    } else {
      out.append("accounting ").append(s.accountingResponses());
    }
    out.append(", incorrect ").append(s.badAuthenticators()).append(", time ").append(s.averageRttMillis()).append("ms\n");
  }

  private static AaaView.Server find(List<AaaView.Server> used, String name, int port) {
    return used.stream().filter(x -> x.name().equals(name) && x.port() == port).findFirst().orElse(null);
  }

  static String statistics(Config c, AaaView v) {
    long[] auth = new long[5];
    long[] acct = new long[5];
    for (AaaView.Server s : v.servers()) {
      boolean isAcct = s.accountingResponses() > 0 || c.aaa().servers().values().stream()
          .anyMatch(x -> x.name().equals(s.name()) && x.acctPort() == s.port() && x.authPort() != s.port());
      long[] t = isAcct ? acct : auth;
      t[0] += s.requests();
      t[1] += Math.max(0, s.transmissions() - s.requests());
      t[2] += s.timeouts();
      t[3] += s.accepts() + s.rejects() + s.challenges() + s.accountingResponses();
      t[4] += s.badAuthenticators();
    }
    AaaView.Accounting q = v.accounting();
    return String.format("""
                                        Auth.      Acct.
        Number of packets sent:    %10d %10d
        Number of retransmissions: %10d %10d
        Number of timeouts:        %10d %10d
        Number of responses:       %10d %10d
        Number of bad authenticators:%8d %10d

        Accounting records waiting: %d, sent: %d, sent again: %d, lost: %d
        """, auth[0], acct[0], auth[1], acct[1], auth[2], acct[2], auth[3], acct[3], auth[4], acct[4],
        q.waiting(), q.sent(), q.retries(), q.lost());
  }
}
