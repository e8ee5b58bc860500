package io.jlns.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** monitor capture's life: attach, filter, start, buffer bounds, stop, export of packets and keys. */
class CapturesTest {
  private final List<String> log = new ArrayList<>();
  private long now = 1_000_000;
  private final Captures caps = new Captures(() -> now++, log::add);
  private static final InetSocketAddress LNS = new InetSocketAddress("198.51.100.1", 4500);
  private static final InetSocketAddress A = new InetSocketAddress("198.51.100.2", 4500);
  private static final InetSocketAddress B = new InetSocketAddress("203.0.113.9", 4500);

  @Test
  void nothingIsTakenUntilStartedAndStartNeedsAnAttachmentAndAFilter() {
    assertThat(caps.on()).isFalse();
    caps.match("CAP", CaptureMatch.ANY);
    assertThatThrownBy(() -> caps.start("CAP")).hasMessageContaining("no attachment point");
    caps.attach("CAP", "Control-plane", PacketCapture.Direction.BOTH);
    caps.match("OTHER", CaptureMatch.ANY);
    caps.attach("OTHER", "Control-plane", PacketCapture.Direction.BOTH);
    caps.udp(true, LNS, A, new byte[10], 0, 10);
    caps.start("CAP");
    assertThat(caps.on()).isTrue();
    assertThat(log).containsExactly("%BUFCAP-6-ENABLE: Capture Point CAP enabled.");
    assertThatThrownBy(() -> caps.start("NONE")).hasMessageContaining("does not exist");
    caps.udp(true, LNS, A, new byte[10], 0, 10);
    assertThat(caps.show("CAP")).contains("Packets captured: 1 (38 bytes)");
    assertThat(caps.show("OTHER")).contains("Status : Inactive", "Packets captured: 0");
  }

  @Test
  void aHostFilterTakesBothDirectionsOfOneClientOnly() {
    caps.attach("CAP", "Interface GigabitEthernet0/0", PacketCapture.Direction.BOTH);
    caps.match("CAP", CaptureMatch.ipv4("198.51.100.2", "any"));
    caps.start("CAP");
    caps.udp(true, LNS, A, new byte[4], 0, 4);
    caps.udp(false, LNS, A, new byte[4], 0, 4);
    caps.udp(true, LNS, B, new byte[4], 0, 4);
    assertThat(caps.brief("CAP")).contains("198.51.100.2       ->  198.51.100.1", "198.51.100.1       ->  198.51.100.2")
        .doesNotContain("203.0.113.9");
  }

  @Test
  void directionInTakesOnlyInbound() {
    caps.attach("CAP", "Control-plane", PacketCapture.Direction.IN);
    caps.match("CAP", CaptureMatch.ANY);
    caps.start("CAP");
    caps.udp(true, LNS, A, new byte[4], 0, 4);
    caps.udp(false, LNS, A, new byte[4], 0, 4);
    assertThat(caps.show("CAP")).contains("Packets captured: 1 ");
  }

  @Test
  void aFullLinearBufferStopsTheCaptureAndACircularOneDropsTheOldest() {
    caps.attach("LIN", "Control-plane", PacketCapture.Direction.BOTH);
    caps.match("LIN", CaptureMatch.ANY);
    caps.limitPackets("LIN", 2);
    caps.attach("CIRC", "Control-plane", PacketCapture.Direction.BOTH);
    caps.match("CIRC", CaptureMatch.ANY);
    caps.limitPackets("CIRC", 2);
    caps.buffer("CIRC", null, true);
    caps.start("LIN");
    caps.start("CIRC");
    for (int i = 0; i < 5; i++) {
      caps.udp(true, LNS, A, new byte[] {(byte) i}, 0, 1);
    }
    assertThat(log).contains("%BUFCAP-6-DISABLE_ASYNC: Capture Point LIN disabled. Reason : Buffer full");
    assertThat(caps.show("LIN")).contains("Status : Inactive", "Packets captured: 2 ");
    assertThat(caps.show("CIRC")).contains("Status : Active", "Packets captured: 2 ", "Buffer Type: CIRCULAR");
    assertThat(caps.show("CIRC")).contains("dropped (buffer full): 3");
  }

  @Test
  void exportWritesPcapngAndTheKeysOfTheSasItSawEvenAfterTheyWentAway(@TempDir Path dir) throws Exception {
    caps.attach("CAP", "Control-plane", PacketCapture.Direction.BOTH);
    caps.match("CAP", CaptureMatch.ANY);
    caps.liveIkeKeys(() -> Map.of(0x0102030405060708L, new byte[] {1, 2, 3}));
    caps.start("CAP");
    caps.udp(true, LNS, A, new byte[12], 0, 12);
    int[] asked = {0};
    for (int i = 0; i < 3; i++) {
      caps.sa(0x11223344, () -> {
        asked[0]++;
        return List.of(new KeyTables.EspKey("198.51.100.2", "198.51.100.1", 0x11223344, EspCipher.TRIPLE_DES_CBC, new byte[] {(byte) 0xAB},
            EspIntegrity.HMAC_SHA1_96, new byte[] {(byte) 0xCD}));
      });
    }
    assertThat(asked[0]).isEqualTo(1);
    caps.ikeSa(0x1111L, () -> null); // keys not derived yet: asked again later
    caps.ikeSa(0x1111L, () -> new byte[] {9});
    caps.stop("CAP");
    Path f = dir.resolve("cap.pcapng");
    assertThat(caps.export("CAP", f)).isEqualTo(1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    assertThat(Files.readAllBytes(f)).startsWith(0x0A, 0x0D, 0x0D, 0x0A);
    Path keys = dir.resolve("keys");
    caps.exportKeys("CAP", keys);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    assertThat(Files.readString(keys.resolve("esp_sa"))).contains(
        "\"IPv4\",\"198.51.100.2\",\"198.51.100.1\",\"0x11223344\",\"TripleDES-CBC [RFC2451]\",\"0xab\",\"HMAC-SHA-1-96 [RFC2404]\",\"0xcd\"");
    assertThat(Files.readString(keys.resolve("ikev1_decryption_table"))).contains("0000000000001111,09\n", "0102030405060708,010203\n");
    assertThat(Files.readString(keys.resolve("preferences"))).contains("esp.enable_encryption_decode: TRUE");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("esp_sa")))).isEqualTo("rw-------");
    assertThat(log).as(log.toString()).anyMatch(l -> l.startsWith("%BUFCAP-4-KEYS_EXPORTED: keys of 1 ESP SA direction(s) and 2 ISAKMP SA(s)"));
    caps.delete("CAP");
    assertThat(caps.on()).isFalse();
    assertThatThrownBy(() -> caps.show("CAP")).hasMessageContaining("does not exist");
  }

  @Test
  void matchSidesParseAndPrintAsIosDoes() {
    assertThat(CaptureMatch.ipv4("198.51.100.2", "any").text()).isEqualTo("ipv4 host 198.51.100.2 any");
    assertThat(CaptureMatch.ipv4("10.1.2.3/8", "192.0.2.0/24").text()).isEqualTo("ipv4 10.0.0.0/8 192.0.2.0/24");
    assertThat(CaptureMatch.ANY.text()).isEqualTo("any");
    assertThatThrownBy(() -> CaptureMatch.ipv4("300.1.1.1", "any")).hasMessageContaining("not an IPv4 address");
    assertThatThrownBy(() -> CaptureMatch.ipv4("1.1.1.1/33", "any")).hasMessageContaining("not an address or prefix");
  }
}
