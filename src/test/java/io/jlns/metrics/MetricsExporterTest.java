package io.jlns.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.cli.AaaView;
import io.jlns.cli.CliContext;
import io.jlns.cli.IpsecView;
import io.jlns.cli.VpdnView;
import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.RunningConfig;
import io.jlns.config.SecretHasher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code metrics prometheus}: the exposition reads the views {@code show} prints, and follows the configuration. */
class MetricsExporterTest {
  private static Config load(String text) {
    ConfigLoader.Loaded l = new ConfigLoader(new ConfigGrammar(), new SecretHasher(new SplittableRandom(1))).load(text);
    assertThat(l.ok()).as(l.diagnostics().toString()).isTrue();
    return l.config();
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void theViewsAreExposedAndTheEndpointFollowsTheConfiguration() throws Exception {
    Config c = load("ip local pool POOL 10.1.0.1 10.1.0.10\nmetrics prometheus address 127.0.0.1 port 0\n");
    IpsecView ipsec = new IpsecView() {
      @Override
      public List<IsakmpSa> isakmpSas() {
        return List.of(new IsakmpSa(1001, "198.51.100.1", 4500, "203.0.113.7", 4500, "QM_IDLE", "3des", "sha", 2, 100, true,
            true, "10.0.0.11"), new IsakmpSa(1002, "198.51.100.1", 500, "203.0.113.8", 500, "MM_KEY_EXCH", null, null, 0, 0,
            false, false, null));
      }

      @Override
      public List<DemuxClient> natDemux() {
        return List.of(new DemuxClient("203.0.113.7", 4500, 1024, 1701, List.of(1)),
            new DemuxClient("203.0.113.7", 4501, 1025, 1701, List.of(2)));
      }

      @Override
      public Map<String, Long> events() {
        return Map.of("ike.auth-failed", 3L, "esp.replay", 2L);
      }

      @Override
      public List<ThreadCpu> threadCpu() {
        return List.of(new ThreadCpu("event-loop", "epollEventLoopGroup-2-1", 1_500_000_000L));
      }
    };
    VpdnView vpdn = new VpdnView() {
      @Override
      public List<Session> sessions() {
        return List.of(new Session(1, 2, 3, "Virtual-Access1", "alice", "10.1.0.1", "est", 1000, "203.0.113.7", 1024, "00000001",
            5, 500, 6, 600));
      }

      @Override
      public long poolInUse(int start, int end) {
        return 1;
      }
    };
    RunningConfig running = new RunningConfig(c, null);
    CliContext ctx = new CliContext(running, new ConfigGrammar(), new SecretHasher(new SplittableRandom(1)), Clock.systemUTC(),
        Instant.now(), "test", ipsec, vpdn, AaaView.NONE, l -> { });
    List<String> log = new ArrayList<>();
    try (MetricsExporter m = new MetricsExporter(ctx, log::add)) {
      m.apply(c);
      assertThat(m.port()).isPositive();
      String text = scrape(m.port());
      assertThat(text).contains("jlns_isakmp_sas{state=\"QM_IDLE\"} 1.0", "jlns_isakmp_sas{state=\"MM_KEY_EXCH\"} 1.0",
          "jlns_nat_demux_clients{address=\"203.0.113.7\"} 2.0", "jlns_vpdn_sessions{state=\"est\"} 1.0",
          "jlns_ppp_octets{direction=\"in\"} 500.0", "jlns_pool_addresses{pool=\"POOL\"} 10.0",
          "jlns_pool_addresses_in_use{pool=\"POOL\"} 1.0", "jlns_ike_events_total{event=\"auth-failed\"} 3.0",
          "jlns_esp_events_total{event=\"replay\"} 2.0", "jvm_memory_used_bytes",
          "jlns_thread_cpu_seconds_total{kind=\"event-loop\",thread=\"epollEventLoopGroup-2-1\"} 1.5");
      assertThat(log).anyMatch(l -> l.startsWith("%METRICS-5-ENABLED: Prometheus metrics on http://127.0.0.1:"));
      m.apply(load("ip local pool POOL 10.1.0.1 10.1.0.10\n"));
      assertThat(m.port()).isZero();
    }
  }
}
