package io.jlns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.Ipv4Address;
import io.jlns.config.SecretHasher;
import io.jlns.l2tp.ControlChannel;
import io.jlns.l2tp.TunnelSettings;
import io.jlns.ppp.PppSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the seed's vpdn-group and Virtual-Template1 mean for new tunnels and PPP sessions. */
class PppFactoryTest {
  private static Config seed(String extra) throws Exception {
    String text = Files.readString(Path.of("examples/seed-lns.cfg")).replace("\nend", extra + "\nend");
    return new ConfigLoader(new ConfigGrammar(), SecretHasher.secure()).load(text).config();
  }

  @Test
  void theSeedsVirtualTemplateGivesThePppSettings() throws Exception {
    PppSettings s = PppFactory.settings(seed(""));
    assertThat(s.hostName()).isEqualTo("72_LNS");
    assertThat(s.authentication()).containsExactly("chap", "ms-chap");
    assertThat(s.localAddress()).as("ip unnumbered Loopback0").isEqualTo(Ipv4Address.of("12.0.0.8").bits());
    assertThat(s.pool()).isEqualTo("POOL");
    assertThat(s.dns()).isEmpty();
    assertThat(s.mru()).as("ppp mtu adaptive: fits L2TP over IPsec in 1500 bytes").isEqualTo(PppFactory.ADAPTIVE_MRU);
    assertThat(PppFactory.ADAPTIVE_MRU).isEqualTo(1388);
  }

  @Test
  void withoutMtuAdaptiveTheMruIsPppsDefault() throws Exception {
    PppSettings s = PppFactory.settings(seed("\ninterface Virtual-Template1\n no ppp mtu adaptive\n ppp ipcp dns 192.0.2.53"));
    assertThat(s.mru()).isEqualTo(1500);
    assertThat(s.dns()).containsExactly(Ipv4Address.of("192.0.2.53").bits());
  }

  @Test
  void theSeedsVpdnGroupAcceptsWithoutTunnelAuthentication() throws Exception {
    TunnelSettings t = L2tpRuntime.tunnelSettings(seed(""));
    assertThat(t.accept()).isTrue();
    assertThat(t.authenticate()).isFalse();
    assertThat(t.hostName()).isEqualTo("72_LNS");
    assertThat(t.helloSeconds()).isEqualTo(60);
    TunnelSettings off = L2tpRuntime.tunnelSettings(seed("\nno vpdn enable"));
    assertThat(off.accept()).as("no vpdn enable refuses tunnels").isFalse();
    TunnelSettings iosFallback = L2tpRuntime.tunnelSettings(seed("\nusername lac1 password 0 tunnelpw\nvpdn-group L2TP\n l2tp tunnel authentication"));
    assertThat(iosFallback.authenticate()).isTrue();
    assertThat(iosFallback.secretForHost().apply("lac1")).isEqualTo("tunnelpw".getBytes());
    assertThat(L2tpRuntime.localAddresses(seed(""))).contains(Ipv4Address.of("12.0.0.8").bits());
  }

  @Test
  void theControlChannelRetransmitsAsTheVpdnGroupSays() throws Exception {
    assertThat(L2tpRuntime.tunnelSettings(seed("")).retransmit()).isEqualTo(new ControlChannel.Retransmit(1000, 8000, 5));
    TunnelSettings t = L2tpRuntime.tunnelSettings(seed("\nvpdn-group L2TP\n l2tp tunnel retransmit retries 8\n"
        + " l2tp tunnel retransmit timeout min 2\n l2tp tunnel retransmit timeout max 4"));
    assertThat(t.retransmit()).isEqualTo(new ControlChannel.Retransmit(2000, 4000, 8));
    TunnelSettings odd = L2tpRuntime.tunnelSettings(seed("\nvpdn-group L2TP\n l2tp tunnel retransmit timeout min 6\n"
        + " l2tp tunnel retransmit timeout max 3"));
    assertThat(odd.retransmit()).as("a max below the min waits the min").isEqualTo(new ControlChannel.Retransmit(6000, 6000, 5));
  }

  @Test
  void theTemplatesKeepaliveIsTheLcpEcho() throws Exception {
    PppSettings seed = PppFactory.settings(seed(""));
    assertThat(seed.echoSeconds()).isEqualTo(10);
    assertThat(seed.echoFailures()).isEqualTo(5);
    PppSettings tuned = PppFactory.settings(seed("\ninterface Virtual-Template1\n keepalive 5 3"));
    assertThat(tuned.echoSeconds()).isEqualTo(5);
    assertThat(tuned.echoFailures()).isEqualTo(3);
    assertThat(PppFactory.settings(seed("\ninterface Virtual-Template1\n no keepalive")).echoSeconds()).isZero();
  }
}
