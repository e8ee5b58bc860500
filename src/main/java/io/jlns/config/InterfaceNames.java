package io.jlns.config;

import java.util.Locale;
import java.util.Optional;

/**
 * IOS interface names: a type (abbreviable, case-insensitive) and a number, written together
 * or apart ({@code int fa0/0}, {@code interface Loopback 0}). Names of other shapes ({@code eth0})
 * are taken as they are, for configurations written for the host.
 */
public final class InterfaceNames {
  private static final String[] TYPES = {
    "Loopback", "FastEthernet", "GigabitEthernet", "TenGigabitEthernet", "Ethernet", "Virtual-Template",
    "Dialer", "Tunnel", "Serial", "Vlan", "Port-channel", "BVI", "Null", "Virtual-Access"
  };

  private InterfaceNames() {}

  /** The canonical name, or empty if the words are not an interface name. */
  public static Optional<String> normalize(String first, String second) {
    String text = second == null ? first : first + second;
    int i = 0;
    while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-')) {
      i++;
    }
    String type = text.substring(0, i);
    String number = text.substring(i);
    if (type.isEmpty() || !number.matches("[0-9]+([/.:][0-9]+)*")) {
      return text.matches("[A-Za-z][A-Za-z0-9_.:/-]*") && second == null ? Optional.of(text) : Optional.empty();
    }
    String lower = type.toLowerCase(Locale.ROOT);
    String found = null;
    for (String t : TYPES) {
      String tl = t.toLowerCase(Locale.ROOT);
      if (tl.equals(lower)) {
        found = t;
        break;
      }
      if (tl.startsWith(lower)) {
        if (found != null && !lower.equals("e")) {
          return Optional.empty();
        }
        if (found == null) {
          found = t;
        }
      }
    }
    if (found == null) {
      return second == null ? Optional.of(text) : Optional.empty();
    }
    return Optional.of(found + number);
  }
}
