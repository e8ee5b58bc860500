package io.jlns.config;

import java.util.List;

/**
 * A command of the IOS dialect that does not concern an LNS ({@code router ospf},
 * {@code line}, {@code ip route}...): kept verbatim, with its sub-commands, and printed back in
 * its section of the running configuration; nothing a user wrote is silently dropped.
 */
public record InertCommand(Section section, String line, List<String> children) {
  public InertCommand {
    children = List.copyOf(children);
  }

  public InertCommand withChild(String child) {
    List<String> c = new java.util.ArrayList<>(children);
    c.add(child);
    return new InertCommand(section, line, c);
  }

  /** Where IOS prints such a command relative to the ones jlns acts on. */
  public enum Section {
    HEAD,
    BOOT,
    AAA,
    IP,
    ROUTING,
    IP_TAIL,
    TAIL
  }
}
