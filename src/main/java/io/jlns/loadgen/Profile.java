package io.jlns.loadgen;

import io.jlns.ike.VendorIds;
import java.util.HexFormat;
import java.util.List;

/**
 * What one kind of client puts on the wire, from {@code shared/clients.md} (public logs and
 * captures): vendor IDs, proposals, lifetimes, Quick Mode identities, the L2TP source port and
 * the PPP options it asks for. The generator's behaviour differs only where these do.
 *
 * @param ike default Main Mode proposals, in the client's order
 * @param esp default ESP proposals
 * @param ikeLifetime seconds proposed for the ISAKMP SA
 * @param espLifetime seconds proposed for ESP SAs; {@code espKilobytes} their volume (0: none proposed)
 * @param natOaCount NAT-OA payloads in Quick Mode (Windows sends two: "received 2 NAT-OA")
 * @param qmPortZero the client's Quick Mode ID names port 0 instead of its own (Apple)
 * @param ephemeralL2tpPort L2TP from an ephemeral source port (Apple), else from 1701
 * @param deletesOnExit sends IKE Deletes when it leaves (macOS/iOS often vanish without)
 * @param lcpCallback asks for LCP Callback (Windows; the server must reject it, RFC 1570)
 * @param lcpIdentification sends LCP Identification packets (Windows, RFC 1570 section 2.3)
 * @param ipv6cp opens IPV6CP (Windows; an LNS without IPv6 rejects the protocol)
 * @param askDnsNbns IPCP asks for DNS and NBNS addresses (RFC 1877)
 */
record Profile(String name, List<byte[]> vendorIds, String ike, String esp, long ikeLifetime, long espLifetime,
    long espKilobytes, int natOaCount, boolean qmPortZero, boolean ephemeralL2tpPort, boolean deletesOnExit,
    boolean lcpCallback, boolean lcpIdentification, boolean ipv6cp, boolean askDnsNbns, int lcpMru) {

  private static final HexFormat HEX = HexFormat.of();

  /**
   * Windows 10/11 (clients.md section 1): its eight vendor IDs in the logged order, ECP first down
   * to 3DES/SHA1/MODP-1024, 28,800 s, no DPD, two NAT-OA, L2TP from 1701, LCP Callback and
   * Identification, IPV6CP, IPCP with DNS and NBNS, 250,000,000 bytes in Quick Mode.
   */
  static final Profile WINDOWS = new Profile("windows",
      List.of(HEX.parseHex("01528bbbc00696121849ab9a1c5b2a5100000001"),
          HEX.parseHex("1e2b516905991c7d7c96fcbfb587e46100000008"), // MS NT5 ISAKMPOAKLEY
          VendorIds.NAT_T_RFC, VendorIds.NAT_T_DRAFT_02N,
          HEX.parseHex("4048b7d56ebce88525e7de7f00d6c2d3"), // FRAGMENTATION
          HEX.parseHex("fb1de3cdf341b7ea16b7e5be0855f120"), // MS-Negotiation Discovery Capable
          HEX.parseHex("26244d38eddb61b3172a36e3d0cfb819"), // Vid-Initial-Contact
          HEX.parseHex("e3a5966a76379fe707228231e5ce8652")), // IKE CGA version 1
      "aes256-sha1-ecp384,aes128-sha1-ecp256,aes256-sha1-modp2048,3des-sha1-modp2048,3des-sha1-modp1024",
      "aes256-sha1,aes128-sha1,3des-sha1", 28800, 3600, 244140, 2, false, false, true, true, true, true, true, 1400);

  /**
   * macOS/iOS (racoon, clients.md section 2): AES-256 with SHA-256/SHA-1 over MODP-2048 first,
   * 3,600 s, DPD announced, port 0 in Quick Mode IDs, L2TP from an ephemeral port, and often no
   * Delete when it goes.
   */
  static final Profile MACOS = new Profile("macos",
      List.of(VendorIds.NAT_T_RFC, VendorIds.NAT_T_DRAFT_02N, VendorIds.DPD),
      "aes256-sha256-modp2048,aes256-sha1-modp2048,aes256-sha1-modp1536,aes256-sha1-modp1024,aes128-sha1-modp1024,"
          + "3des-sha1-modp1024",
      "aes256-sha1,aes128-sha1,3des-sha1", 3600, 3600, 0, 2, true, true, false, false, false, false, true, 1280);

  /** Linux, strongSwan + xl2tpd + pppd as the interop suite runs them (clients.md section 4). */
  static final Profile LINUX = new Profile("linux",
      List.of(HEX.parseHex("09002689dfd6b712"), // XAuth
          VendorIds.DPD, HEX.parseHex("4048b7d56ebce88525e7de7f00d6c2d3"), VendorIds.NAT_T_RFC, VendorIds.NAT_T_DRAFT_02N),
      "aes256-sha1-modp2048,3des-sha1-modp1024", "aes256-sha1,3des-sha1", 10800, 3600, 0, 2, false, false, true, false,
      false, false, false, 1410);

  static Profile named(String s) {
    return switch (s.toLowerCase()) {
      case "windows", "win" -> WINDOWS;
      case "macos", "ios", "apple" -> MACOS;
      case "linux", "strongswan" -> LINUX;
      default -> throw new IllegalArgumentException("profile '" + s + "': windows, macos or linux");
    };
  }

  /** A mix such as {@code windows,macos} or {@code windows:3,linux:1}: client {@code i}'s profile. */
  static List<Profile> mix(String spec) {
    List<Profile> out = new java.util.ArrayList<>();
    for (String part : spec.split(",")) {
      String[] p = part.trim().split(":");
      int weight = p.length > 1 ? Integer.parseInt(p[1]) : 1;
      for (int i = 0; i < weight; i++) {
        out.add(named(p[0]));
      }
    }
    return out;
  }

  boolean announcesDpd() {
    return vendorIds.stream().anyMatch(v -> v.length == 16 && java.util.Arrays.equals(v, VendorIds.DPD));
  }
}
