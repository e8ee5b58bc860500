package io.jlns.debug;

import io.jlns.log.LogHub;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IOS {@code debug ...}: which categories of debug lines are on, and the {@code debug condition}s
 * that limit them to one client. Process-wide, as on IOS, and cheap when off: a call site asks
 * {@link #on(Category, InetAddress, String)} (one volatile read when nothing is on) before it
 * formats anything.
 */
public final class Debug {
  private Debug() {}

  /** The debug categories, by IOS command and the line {@code show debugging} prints. */
  public enum Category {
    CRYPTO_ISAKMP("crypto isakmp", "Cryptographic Subsystem", "Crypto ISAKMP debugging is on"),
    CRYPTO_IPSEC("crypto ipsec", "Cryptographic Subsystem", "Crypto IPSEC debugging is on"),
    CRYPTO_NAT("crypto nat", "Cryptographic Subsystem", "Crypto NAT demux debugging is on"),
    PPP_NEGOTIATION("ppp negotiation", "PPP", "PPP protocol negotiation debugging is on"),
    PPP_AUTHENTICATION("ppp authentication", "PPP", "PPP authentication debugging is on"),
    VPDN_EVENTS("vpdn l2x-events", "VPN", "L2X protocol events debugging is on"),
    VPDN_ERRORS("vpdn l2x-errors", "VPN", "L2X protocol errors debugging is on"),
    VPDN_PACKETS("vpdn l2x-packets", "VPN", "L2X control packets debugging is on");

    private final String command;
    private final String group;
    private final String onLine;

    Category(String command, String group, String onLine) {
      this.command = command;
      this.group = group;
      this.onLine = onLine;
    }

    /** The words after {@code debug}. */
    public String command() {
      return command;
    }

    public String group() {
      return group;
    }

    public String onLine() {
      return onLine;
    }

    public String offLine() {
      return onLine.substring(0, onLine.length() - 2) + "off";
    }

    public static Category of(String command) {
      for (Category c : values()) {
        if (c.command.equals(command.toLowerCase(Locale.ROOT))) {
          return c;
        }
      }
      throw new IllegalArgumentException("no debug category " + command);
    }
  }

  /** A {@code debug condition}: a peer's address or a username, numbered as IOS numbers them. */
  public record Condition(int number, InetAddress peer, String username) {
    public String text() {
      return peer != null ? "peer ipv4 " + peer.getHostAddress() : "username " + username;
    }

    boolean matches(InetAddress p, String u) {
      return peer != null ? peer.equals(p) : username.equals(u);
    }
  }

  private static volatile int mask;
  private static volatile List<Condition> conditions = List.of();

  /** Whether {@code c} is on at all (for lines about no one client). */
  public static boolean on(Category c) {
    return (mask & (1 << c.ordinal())) != 0;
  }

  /**
   * Whether a line of {@code c} about the client at {@code peer} (its public address), known as
   * {@code user} once authenticated (either may be null), is to be printed: the category is on,
   * and no condition is set or one matches (conditions are alternatives).
   */
  public static boolean on(Category c, InetAddress peer, String user) {
    if ((mask & (1 << c.ordinal())) == 0) {
      return false;
    }
    List<Condition> cs = conditions;
    if (cs.isEmpty()) {
      return true;
    }
    for (Condition k : cs) {
      if (k.matches(peer, user)) {
        return true;
      }
    }
    return false;
  }

  /** Prints a debug line (the caller checked {@link #on}). */
  public static void print(String text) {
    LogHub.get().debug(text);
  }

  public static synchronized void set(Category c, boolean on) {
    mask = on ? mask | (1 << c.ordinal()) : mask & ~(1 << c.ordinal());
  }

  /** {@code undebug all}: every category off (conditions stay, as on IOS). */
  public static synchronized void allOff() {
    mask = 0;
  }

  public static List<Category> enabled() {
    List<Category> r = new ArrayList<>();
    for (Category c : Category.values()) {
      if (on(c)) {
        r.add(c);
      }
    }
    return r;
  }

  public static List<Condition> conditions() {
    return conditions;
  }

  /** Adds a condition; returns its number (the one it already had if set before). */
  public static synchronized int addCondition(InetAddress peer, String username) {
    for (Condition k : conditions) {
      if (peer != null ? peer.equals(k.peer()) : username.equals(k.username())) {
        return k.number();
      }
    }
    int n = conditions.stream().mapToInt(Condition::number).max().orElse(0) + 1;
    List<Condition> cs = new ArrayList<>(conditions);
    cs.add(new Condition(n, peer, username));
    conditions = List.copyOf(cs);
    return n;
  }

  /** Removes condition {@code number}, or all of them when it is 0; false when there was none. */
  public static synchronized boolean removeCondition(int number) {
    List<Condition> cs = new ArrayList<>(conditions);
    boolean removed = number == 0 ? !cs.isEmpty() : cs.removeIf(k -> k.number() == number);
    if (number == 0) {
      cs.clear();
    }
    conditions = List.copyOf(cs);
    return removed;
  }

  /** Bytes as printable text for a debug line ({@code .} for the rest), cut at 64 characters. */
  public static String printable(byte[] b, int off, int len) {
    StringBuilder t = new StringBuilder();
    for (int i = off; i < off + len && i < b.length; i++) {
      int c = b[i] & 0xff;
      t.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
    }
    return t.length() > 64 ? t.substring(0, 64) + "..." : t.toString();
  }

  /** Up to eight bytes as an unsigned big-endian number. */
  public static long number(byte[] b) {
    long n = 0;
    for (int i = 0; i < Math.min(b.length, 8); i++) {
      n = n << 8 | b[i] & 0xff;
    }
    return n;
  }
}
