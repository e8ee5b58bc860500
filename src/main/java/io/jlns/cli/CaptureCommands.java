package io.jlns.cli;

import io.jlns.capture.CaptureMatch;
import io.jlns.capture.Captures;
import io.jlns.capture.PacketCapture;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * IOS Embedded Packet Capture in privileged EXEC: {@code monitor capture NAME (interface IF |
 * control-plane) (in|out|both)}, {@code match any | match ipv4 SRC DST}, {@code buffer size MB
 * [circular]}, {@code limit packets N}, {@code start}, {@code stop}, {@code clear}, {@code export
 * FILE} (pcapng), {@code no monitor capture NAME}, {@code show monitor capture [NAME [buffer
 * brief]]}. jlns captures the outer packets of its own sockets (IKE, NAT-T, ESP over IP) on
 * every address, so the attachment point is recorded, not used to select packets. jlns adds
 * {@code monitor capture NAME export-keys DIRECTORY}: Wireshark's ESP and IKEv1 decryption
 * tables for the SAs in the capture, so the tunnels can be opened; written only on that command.
 */
final class CaptureCommands {
  private CaptureCommands() {}

  private static final String[] HELP = {"monitor", "Monitoring different system events", "capture", "Monitor Capture",
      "name", "Name of the Capture", "interface", "Interface", "ifname", "Interface name (jlns captures all its sockets)",
      "control-plane", "Control Plane", "in", "Inbound direction", "out", "Outbound direction", "both",
      "Inbound and outbound direction", "match", "Describe filters inline", "any", "All packets", "ipv4",
      "IPv4 packets (SRC DST: any | host A | A/len; either way round)", "buffer", "Buffer options", "size",
      "Size of buffer", "mb", "Buffer size in MB", "circular", "Circular buffer", "limit", "Limit Packets Captured",
      "packets", "Limit number of packets to capture", "start", "Enable Capture", "stop", "Disable Capture", "clear",
      "Clear capture buffer", "export", "Export Capture (pcapng)", "file", "File to write", "export-keys",
      "Export the capture's SA keys for Wireshark (jlns; a secret)", "dir", "Directory to write"};

  static void install(Mode<ExecSession> m) {
    m.add("monitor capture WORD:name (interface WORD:ifname|control-plane) (in|out|both):dir", (s, a) -> {
      String at = a.has("ifname") ? "Interface " + a.get("ifname") : "Control-plane";
      PacketCapture.Direction d = PacketCapture.Direction.valueOf(a.get("dir").toUpperCase(java.util.Locale.ROOT));
      captures(s).attach(a.get("name"), at, d);
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name match any", (s, a) -> {
      captures(s).match(a.get("name"), CaptureMatch.ANY);
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name match ipv4 LINE:spec", (s, a) -> {
      captures(s).match(a.get("name"), match(a.get("spec")));
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name buffer (size <1-100>:mb [circular]|circular)", (s, a) -> {
      captures(s).buffer(a.get("name"), a.has("mb") ? a.integer("mb") : null, a.has("circular"));
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name limit packets <1-100000000>:n", (s, a) -> {
      captures(s).limitPackets(a.get("name"), a.integer("n"));
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name (start|stop|clear):what", (s, a) -> {
      Captures c = captures(s);
      String name = a.get("name");
      run(() -> {
        switch (a.get("what")) {
          case "start" -> c.start(name);
          case "stop" -> c.stop(name);
          default -> c.clear(name);
        }
      });
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name export WORD:file", (s, a) -> {
      Path f = path(a.get("file"));
      try {
        int n = captures(s).export(a.get("name"), f);
        s.print("Exported " + n + " packet(s) to " + f + " (pcapng)");
        s.context().log().accept("%BUFCAP-6-EXPORT: capture " + a.get("name") + ": " + n + " packet(s) written to " + f);
      } catch (IOException e) {
        throw new CommandException("cannot write " + f + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CommandException(e.getMessage());
      }
      return Outcome.STAY;
    }, HELP);
    m.add("monitor capture WORD:name export-keys WORD:dir", (s, a) -> {
      Path d = path(a.get("dir"));
      try {
        List<Path> files = captures(s).exportKeys(a.get("name"), d);
        s.print("WARNING: these files hold the keys of live clients: anyone who reads them can decrypt their traffic.\n"
            + "Wrote " + files.stream().map(Path::toString).toList() + " (0600).\n"
            + "Open the capture with: WIRESHARK_CONFIG_DIR=" + d + " wireshark FILE (or tshark -r FILE)");
      } catch (IOException e) {
        throw new CommandException("cannot write " + d + ": " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new CommandException(e.getMessage());
      }
      return Outcome.STAY;
    }, HELP);
    m.add("no monitor capture WORD:name", (s, a) -> {
      Captures c = captures(s);
      run(() -> c.delete(a.get("name")));
      return Outcome.STAY;
    }, HELP);
    m.add("show monitor capture [WORD:name [buffer brief]]", (s, a) -> {
      Captures c = captures(s);
      String name = a.opt("name").orElse(null);
      try {
        s.print(a.has("brief") ? c.brief(name) : c.show(name));
      } catch (IllegalArgumentException e) {
        throw new CommandException(e.getMessage());
      }
      return Outcome.STAY;
    }, "show", "Show running system information", "monitor", "Monitoring different system events", "capture",
        "Monitor Capture", "name", "Name of the Capture", "buffer", "Buffer contents", "brief", "One line per packet");
  }

  private static void run(Runnable r) throws CommandException {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      throw new CommandException(e.getMessage());
    }
  }

  private static Captures captures(ExecSession s) throws CommandException {
    Captures c = s.context().ipsec().captures();
    if (c == null) {
      throw new CommandException("Packet capture is not available: no packet path runs");
    }
    return c;
  }

  /** IOS names files {@code flash:NAME}; jlns has a file system: the part after {@code flash:} or {@code bootflash:} is a path. */
  private static Path path(String text) {
    return Path.of(text.replaceFirst("^(boot)?flash:", ""));
  }

  /** {@code SRC DST}, each {@code any}, {@code host A} or {@code A/len}. */
  static CaptureMatch match(String spec) throws CommandException {
    String[] w = spec.trim().split("\\s+");
    String[] sides = new String[2];
    int i = 0;
    for (int side = 0; side < 2; side++) {
      if (i >= w.length) {
        throw new CommandException("Incomplete command: match ipv4 SRC DST (any | host A | A/len)");
      }
      if (w[i].equals("host") && i + 1 < w.length) {
        sides[side] = w[i + 1];
        i += 2;
      } else {
        sides[side] = w[i++];
      }
    }
    if (i != w.length) {
      throw new CommandException("Invalid input: '" + w[i] + "' after match ipv4 SRC DST");
    }
    try {
      return CaptureMatch.ipv4(sides[0], sides[1]);
    } catch (IllegalArgumentException e) {
      throw new CommandException(e.getMessage());
    }
  }
}
