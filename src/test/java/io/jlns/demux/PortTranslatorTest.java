package io.jlns.demux;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PortTranslatorTest {
  private static final InetAddress NAT = addr("198.51.100.2");
  private static final InetAddress OTHER_NAT = addr("203.0.113.9");
  private final PortTranslator t = new PortTranslator();

  @Test
  void clientsGetTheLowestFreePortsFrom1024() {
    assertThat(t.acquire(ep(NAT, 4500), 1)).isEqualTo(1024);
    assertThat(t.acquire(ep(NAT, 4501), 2)).isEqualTo(1025);
    assertThat(t.acquire(ep(NAT, 4502), 3)).isEqualTo(1026);
  }

  @Test
  void everySaOfAClientSharesItsPortAndTheNewestCarriesReplies() {
    int p = t.acquire(ep(NAT, 4500), 1);
    assertThat(t.acquire(ep(NAT, 4500), 2)).isEqualTo(p);
    // A rekey's SA carries replies once its Quick Mode completed.
    assertThat(t.byEndpoint(ep(NAT, 4500)).newestSpi()).isEqualTo(1);
    t.promote(2);
    assertThat(t.byEndpoint(ep(NAT, 4500)).newestSpi()).isEqualTo(2);
    // The rekeyed-away SA goes: the client keeps its port.
    assertThat(t.release(1)).isNull();
    assertThat(t.byTranslated(new InetSocketAddress(NAT, p)).sas()).containsExactly(2);
    // Its last SA goes: the port is free, and the next client gets it.
    assertThat(t.release(2).port()).isEqualTo(p);
    assertThat(t.byTranslated(new InetSocketAddress(NAT, p))).isNull();
    assertThat(t.acquire(ep(NAT, 4999), 3)).isEqualTo(p);
  }

  @Test
  void aFreedPortInTheMiddleIsReusedFirst() {
    t.acquire(ep(NAT, 4500), 1);
    t.acquire(ep(NAT, 4501), 2);
    t.acquire(ep(NAT, 4502), 3);
    t.release(2);
    assertThat(t.acquire(ep(NAT, 4503), 4)).isEqualTo(1025);
  }

  @Test
  void portsAreCountedPerPublicAddress() {
    assertThat(t.acquire(ep(NAT, 4500), 1)).isEqualTo(1024);
    assertThat(t.acquire(ep(OTHER_NAT, 4500), 2)).isEqualTo(1024);
  }

  @Test
  void exhaustionAfter64512ClientsOnOneAddressIsRefusedCleanly() {
    for (int i = 0; i < 64512; i++) {
      assertThat(t.acquire(new InetSocketAddress(NAT, 1 + i), i + 1)).isEqualTo(1024 + i);
    }
    assertThat(t.acquire(new InetSocketAddress(NAT, 65000), 999_999)).isEqualTo(-1);
    assertThat(t.byEndpoint(new InetSocketAddress(NAT, 65000))).isNull();
    // Another address is not affected, and a release makes room again.
    assertThat(t.acquire(ep(OTHER_NAT, 4500), 1_000_000)).isEqualTo(1024);
    t.release(5);
    assertThat(t.acquire(new InetSocketAddress(NAT, 65000), 999_999)).isEqualTo(1028);
  }

  @Test
  void aMovedNatMappingKeepsThePort() {
    int p = t.acquire(ep(NAT, 4500), 1);
    t.move(ep(NAT, 4500), ep(NAT, 6000));
    assertThat(t.byEndpoint(ep(NAT, 6000)).port()).isEqualTo(p);
    assertThat(t.byEndpoint(ep(NAT, 4500))).isNull();
    assertThat(t.acquire(ep(NAT, 6000), 2)).isEqualTo(p);
  }

  /** Random acquires and releases: no port ever held by two live clients, ports stable per client. */
  @Property(tries = 200)
  void noPortIsGivenToTwoLiveClients(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 40) Integer> ops) {
    PortTranslator x = new PortTranslator();
    Map<Integer, Integer> spiToClient = new HashMap<>();
    Map<Integer, Integer> portOfClient = new HashMap<>();
    int spi = 0;
    for (int op : ops) {
      int client = op % 20;
      if (op < 20) {
        int port = x.acquire(ep(NAT, 10_000 + client), ++spi);
        spiToClient.put(spi, client);
        if (portOfClient.containsKey(client)) {
          assertThat(port).isEqualTo(portOfClient.get(client));
        }
        portOfClient.put(client, port);
      } else {
        Integer victim = spiToClient.entrySet().stream().filter(e -> e.getValue() == client).map(Map.Entry::getKey).findFirst()
            .orElse(null);
        if (victim != null) {
          spiToClient.remove(victim);
          PortTranslator.Client gone = x.release(victim);
          boolean last = spiToClient.values().stream().noneMatch(c -> c == client);
          assertThat(gone != null).isEqualTo(last);
          if (last) {
            portOfClient.remove(client);
          }
        }
      }
      Set<Integer> ports = new HashSet<>();
      for (PortTranslator.Client c : x.clients()) {
        assertThat(ports.add(c.port())).as("port %d given twice", c.port()).isTrue();
        assertThat(c.port()).isBetween(1024, 65535);
      }
      assertThat(x.clients()).hasSize(portOfClient.size());
    }
  }

  private static InetSocketAddress ep(InetAddress a, int port) {
    return new InetSocketAddress(a, port);
  }

  private static InetAddress addr(String s) {
    try {
      return InetAddress.getByName(s);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
