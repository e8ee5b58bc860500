package io.jlns.config;

/**
 * {@code crypto call admission limit ike ...}: how many IKE SAs may be in negotiation at once, in
 * all and from one source address, and how many may exist at all (IOS "Call Admission Control for
 * IKE"). IOS has no limit on SAs and 1,000 in negotiation by default; jlns adds a per-address
 * limit (a NAT's many clients share an address, so it stays well above one), so one flooding
 * source cannot take every negotiation slot.
 *
 * @param inNegotiation half-open ISAKMP SAs (Main or Aggressive Mode not finished), all sources
 * @param perAddress half-open ISAKMP SAs from one source address
 * @param sa ISAKMP SAs in all, established and half-open; 0 for no limit
 */
public record CallAdmission(int inNegotiation, int perAddress, int sa) {
  public static final int DEFAULT_IN_NEGOTIATION = 1000;
  public static final int DEFAULT_PER_ADDRESS = 250;
  public static final CallAdmission DEFAULTS = new CallAdmission(DEFAULT_IN_NEGOTIATION, DEFAULT_PER_ADDRESS, 0);

  public CallAdmission withInNegotiation(int n) {
    return new CallAdmission(n, perAddress, sa);
  }

  public CallAdmission withPerAddress(int n) {
    return new CallAdmission(inNegotiation, n, sa);
  }

  public CallAdmission withSa(int n) {
    return new CallAdmission(inNegotiation, perAddress, n);
  }
}
