package io.jlns.capture;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Wireshark's decryption tables, written as a Wireshark configuration directory: {@code esp_sa}
 * (the ESP SA UAT: one line per direction of each pair), {@code ikev1_decryption_table}
 * (initiator cookie and the phase 1 encryption key; Wireshark derives the IVs from the exchange
 * it sees), and {@code preferences} turning ESP decryption on. Open a capture with
 * {@code WIRESHARK_CONFIG_DIR=DIR wireshark FILE} (or tshark), or copy the files into a profile.
 * The directory is 0700 and its files 0600: they are the keys of live clients.
 */
public final class KeyTables {
  /** One direction of an ESP SA, as Wireshark's {@code esp_sa} table wants it. */
  public record EspKey(String src, String dst, int spi, EspCipher cipher, byte[] encKey, EspIntegrity integrity, byte[] authKey) {}

  private KeyTables() {}

  /** Wireshark's names of ESP ciphers (packet-ipsec.c's value strings). */
  static String encryption(EspCipher c) {
    return switch (c) {
      case DES_CBC -> "DES-CBC [RFC2405]";
      case TRIPLE_DES_CBC -> "TripleDES-CBC [RFC2451]";
      case AES_CBC -> "AES-CBC [RFC3602]";
      case AES_GCM_16 -> "AES-GCM with 16 octet ICV [RFC4106]";
    };
  }

  static String authentication(EspIntegrity i) {
    return switch (i) {
      case NONE -> "NULL";
      case HMAC_MD5_96 -> "HMAC-MD5-96 [RFC2403]";
      case HMAC_SHA1_96 -> "HMAC-SHA-1-96 [RFC2404]";
      case HMAC_SHA256_128 -> "HMAC-SHA-256-128 [RFC4868]";
      case HMAC_SHA384_192 -> "HMAC-SHA-384-192 [RFC4868]";
      case HMAC_SHA512_256 -> "HMAC-SHA-512-256 [RFC4868]";
    };
  }

  static String espSa(Collection<EspKey> keys) {
    HexFormat hex = HexFormat.of();
    StringBuilder b = new StringBuilder("# ESP SAs exported by jlns (Wireshark's esp_sa table): keys of live clients, keep private\n");
    for (EspKey k : keys) {
      b.append("\"IPv4\",\"").append(k.src()).append("\",\"").append(k.dst()).append("\",\"0x")
          .append(String.format("%08x", k.spi())).append("\",\"").append(encryption(k.cipher())).append("\",\"0x")
          .append(hex.formatHex(k.encKey())).append("\",\"").append(authentication(k.integrity())).append("\",\"0x")
          .append(hex.formatHex(k.authKey() == null ? new byte[0] : k.authKey())).append("\"\n");
    }
    return b.toString();
  }

  /** Initiator cookie to the phase 1 encryption key, both bare hex (a UAT buffer field). */
  static String ikev1(Map<Long, byte[]> keys) {
    HexFormat hex = HexFormat.of();
    StringBuilder b = new StringBuilder("# ISAKMP SAs exported by jlns (Wireshark's ikev1_decryption_table)\n");
    keys.forEach((cookie, key) -> b.append(String.format("%016x", cookie)).append(',').append(hex.formatHex(key)).append('\n'));
    return b.toString();
  }

  /** Writes the three files into {@code dir} (created 0700 if missing); returns the files written. */
  public static List<Path> write(Path dir, Collection<EspKey> esp, Map<Long, byte[]> ike) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Path e = secret(dir.resolve("esp_sa"), espSa(esp));
    Path i = secret(dir.resolve("ikev1_decryption_table"), ikev1(ike));
    Path p = secret(dir.resolve("preferences"), "# Wireshark preferences from jlns: decrypt ESP with the esp_sa table\n"
        + "esp.enable_encryption_decode: TRUE\n");
    return List.of(e, i, p);
  }

  private static Path secret(Path f, String text) throws IOException {
    writePrivate(f, text.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  /** Writes {@code data} to {@code f}, replacing it, created 0600 before a byte is in it (keys, and captures of clients). */
  static void writePrivate(Path f, byte[] data) throws IOException {
    Files.deleteIfExists(f);
    Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(f, data, StandardOpenOption.TRUNCATE_EXISTING);
  }
}
