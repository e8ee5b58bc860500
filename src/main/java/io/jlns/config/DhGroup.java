package io.jlns.config;

/** Diffie-Hellman groups jlns offers, by their IKE group number (RFC 2409, 3526, 5114, 5903). */
public enum DhGroup {
  GROUP1(1, "768 bit"),
  GROUP2(2, "1024 bit"),
  GROUP5(5, "1536 bit"),
  GROUP14(14, "2048 bit"),
  GROUP15(15, "3072 bit"),
  GROUP16(16, "4096 bit"),
  GROUP19(19, "256 bit ecp"),
  GROUP20(20, "384 bit ecp"),
  GROUP24(24, "2048 bit, 256 bit subgroup");

  private final int number;
  private final String size;

  DhGroup(int number, String size) {
    this.number = number;
    this.size = size;
  }

  public int number() {
    return number;
  }

  public String size() {
    return size;
  }

  public static DhGroup of(int number) {
    for (DhGroup g : values()) {
      if (g.number == number) {
        return g;
      }
    }
    throw new IllegalArgumentException("group " + number);
  }

  /** The alternatives for a syntax string: {@code 1|2|5|...}. */
  public static String numbers(String prefix) {
    StringBuilder b = new StringBuilder();
    for (DhGroup g : values()) {
      b.append(b.length() == 0 ? "" : "|").append(prefix).append(g.number);
    }
    return b.toString();
  }
}
