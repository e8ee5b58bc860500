package io.jlns.ppp;

import io.jlns.debug.Debug;
import io.jlns.debug.Debug.Category;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code debug ppp negotiation} (LCP, IPCP) and {@code debug ppp authentication} (PAP, CHAP,
 * MS-CHAP) lines, as IOS prints them: {@code Vi1 LCP: I CONFREQ id 1 len 18} followed by the
 * options. Passwords and CHAP values are never printed: names and lengths only.
 */
final class PppDebug {
  private PppDebug() {}

  static boolean on(int protocol, AuthRequest.Caller caller, String user) {
    InetAddress peer = caller.client() == null ? null : caller.client().getAddress();
    return Debug.on(auth(protocol) ? Category.PPP_AUTHENTICATION : Category.PPP_NEGOTIATION, peer,
        user == null || user.isEmpty() ? null : user);
  }

  /** A frame from the client, if it is LCP, IPCP, PAP or CHAP and debugging shows it. */
  static void in(String iface, AuthRequest.Caller caller, String user, int protocol, io.netty.buffer.ByteBuf b) {
    if (protocol != 0x0021 && on(protocol, caller, user)) {
      packet(iface, true, protocol, ControlPacket.parse(b.duplicate()));
    }
  }

  static void out(String iface, AuthRequest.Caller caller, String user, int protocol, ControlPacket p) {
    if (on(protocol, caller, user)) {
      packet(iface, false, protocol, p);
    }
  }

  /** The outcome of authentication ({@code failure} null: accepted). */
  static void login(String iface, AuthRequest.Caller caller, String user, String failure) {
    if (on(Authenticator.CHAP, caller, user)) {
      say(iface, "PPP: Received LOGIN Response " + (failure == null ? "PASS: user " + user + " authenticated"
          : "FAIL: user " + user + ": " + failure));
    }
  }

  private static boolean auth(int protocol) {
    return protocol == Authenticator.PAP || protocol == Authenticator.CHAP;
  }

  static void say(String iface, String text) {
    Debug.print(shortName(iface) + " " + text);
  }

  /** {@code Virtual-Access3} as IOS abbreviates it: {@code Vi3}. */
  static String shortName(String iface) {
    return iface.startsWith("Virtual-Access") ? "Vi" + iface.substring("Virtual-Access".length()) : iface;
  }

  /** One LCP, IPCP, PAP or CHAP packet in or out (not LCP echoes: keepalives would drown the rest). */
  static void packet(String iface, boolean in, int protocol, ControlPacket p) {
    if (p == null || protocol == 0xc021 && (p.code() == ControlPacket.ECHO_REQUEST || p.code() == ControlPacket.ECHO_REPLY)) {
      return;
    }
    String proto = switch (protocol) {
      case 0xc021 -> "LCP";
      case 0x8021 -> "IPCP";
      case Authenticator.PAP -> "PAP";
      case Authenticator.CHAP -> "CHAP";
      default -> String.format("0x%04X", protocol);
    };
    StringBuilder b = new StringBuilder(proto).append(": ").append(in ? "I " : "O ").append(code(protocol, p.code()))
        .append(" id ").append(p.id()).append(" len ").append(p.data().length + 4);
    byte[] d = p.data();
    if (protocol == Authenticator.CHAP && (p.code() == 1 || p.code() == 2) && d.length >= 1 && d.length >= 1 + (d[0] & 0xff)) {
      int vlen = d[0] & 0xff;
      b.append(" from \"").append(printable(new String(d, 1 + vlen, d.length - 1 - vlen, StandardCharsets.ISO_8859_1)))
          .append('"');
    } else if (protocol == Authenticator.CHAP && p.code() >= 3 || protocol == Authenticator.PAP && p.code() >= 2) {
      if (d.length > 0) {
        int off = protocol == Authenticator.PAP ? 1 : 0;
        int len = protocol == Authenticator.PAP ? Math.min(d[0] & 0xff, d.length - 1) : d.length;
        // an MS-CHAPv2 Success carries the authenticator response (S=...): a verifier, not printed
        b.append(" msg is \"").append(printable(new String(d, off, Math.max(0, len), StandardCharsets.ISO_8859_1))
            .replaceAll("S=[0-9A-Fa-f]{40}", "S=<authenticator response>")).append('"');
      }
    } else if (protocol == Authenticator.PAP && p.code() == 1 && d.length >= 1 && d.length >= 1 + (d[0] & 0xff)) {
      b.append(" from \"").append(printable(new String(d, 1, d[0] & 0xff, StandardCharsets.ISO_8859_1))).append('"');
    }
    say(iface, b.toString());
    if ((protocol == 0xc021 || protocol == 0x8021) && p.code() >= 1 && p.code() <= 4) {
      List<ConfigOption> opts;
      try {
        opts = ConfigOption.parse(d);
      } catch (RuntimeException e) {
        say(iface, proto + ":    (options malformed)");
        return;
      }
      if (opts == null) {
        say(iface, proto + ":    (options malformed)");
        return;
      }
      for (ConfigOption o : opts) {
        say(iface, proto + ":    " + option(protocol, o));
      }
    }
  }

  private static String code(int protocol, int code) {
    if (protocol == Authenticator.PAP) {
      return switch (code) {
        case 1 -> "AUTH-REQ";
        case 2 -> "AUTH-ACK";
        case 3 -> "AUTH-NAK";
        default -> "code " + code;
      };
    }
    if (protocol == Authenticator.CHAP) {
      return switch (code) {
        case 1 -> "CHALLENGE";
        case 2 -> "RESPONSE";
        case 3 -> "SUCCESS";
        case 4 -> "FAILURE";
        default -> "code " + code;
      };
    }
    return switch (code) {
      case 1 -> "CONFREQ";
      case 2 -> "CONFACK";
      case 3 -> "CONFNAK";
      case 4 -> "CONFREJ";
      case 5 -> "TERMREQ";
      case 6 -> "TERMACK";
      case 7 -> "CODEREJ";
      case 8 -> "PROTREJ";
      case 9 -> "ECHOREQ";
      case 10 -> "ECHOREP";
      case 11 -> "DISCREQ";
      default -> "code " + code;
    };
  }

  private static String option(int protocol, ConfigOption o) {
    byte[] d = o.data();
    StringBuilder hex = new StringBuilder("0x").append(String.format("%02X%02X", o.type(), d.length + 2));
    for (byte x : d) {
      hex.append(String.format("%02X", x));
    }
    String name;
    if (protocol == 0xc021) {
      name = switch (o.type()) {
        case 1 -> "MRU " + num(d);
        case 2 -> "ACCM 0x" + String.format("%08X", num(d));
        case 3 -> "AuthProto " + authProto(d);
        case 5 -> "MagicNumber 0x" + String.format("%08X", num(d));
        case 7 -> "PFC";
        case 8 -> "ACFC";
        case 13 -> "Callback " + num(d);
        case 17 -> "MRRU " + num(d);
        case 19 -> "EndpointDisc";
        default -> "Option " + o.type();
      };
    } else {
      name = switch (o.type()) {
        case 2 -> "CompressType " + (d.length >= 2 ? String.format("0x%02X%02X", d[0], d[1]) : "?");
        case 3 -> "Address " + ip(d);
        case 129 -> "PrimaryDNS " + ip(d);
        case 130 -> "PrimaryWINS " + ip(d);
        case 131 -> "SecondaryDNS " + ip(d);
        case 132 -> "SecondaryWINS " + ip(d);
        default -> "Option " + o.type();
      };
    }
    return name + " (" + hex + ")";
  }

  private static String authProto(byte[] d) {
    long p = d.length >= 2 ? (d[0] & 0xff) << 8 | d[1] & 0xff : -1;
    if (p == Authenticator.PAP) {
      return "PAP";
    }
    if (p == Authenticator.CHAP) {
      int alg = d.length >= 3 ? d[2] & 0xff : -1;
      return switch (alg) {
        case 5 -> "CHAP";
        case 0x80 -> "MS-CHAP";
        case 0x81 -> "MS-CHAP-V2";
        default -> "CHAP algorithm " + alg;
      };
    }
    return String.format("0x%04X", p);
  }

  private static long num(byte[] d) {
    return Debug.number(Arrays.copyOf(d, Math.min(d.length, 4)));
  }

  private static String ip(byte[] d) {
    return d.length == 4 ? (d[0] & 0xff) + "." + (d[1] & 0xff) + "." + (d[2] & 0xff) + "." + (d[3] & 0xff) : "?";
  }

  private static String printable(String s) {
    return Debug.printable(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length());
  }
}
