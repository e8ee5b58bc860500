package io.jlns.metrics;

import io.jlns.cli.CliContext;
import io.jlns.cli.IpsecView;
import io.jlns.cli.VpdnView;
import io.jlns.config.Config;
import io.jlns.config.LocalPool;
import io.jlns.config.Management;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code metrics prometheus [address A] port P}: Prometheus text exposition at {@code /metrics}.
 * Every value is read, at scrape time, from the same views {@code show} prints (one snapshot per
 * scrape, at most one a second), so the two always agree. Counters ({@code _total}) are the event
 * counters since start; the packet counts of the SAs and sessions in force are gauges (they fall
 * when an SA or session goes, as in {@code show}).
 */
public final class MetricsExporter implements AutoCloseable {
  /** What one scrape reads. */
  private record Snapshot(List<IpsecView.IsakmpSa> isakmp, List<IpsecView.IpsecSa> ipsec, List<IpsecView.DemuxClient> demux,
      List<VpdnView.Tunnel> tunnels, List<VpdnView.Session> sessions, IpsecView.CallAdmission admission,
      Map<String, Long> ipsecEvents, Map<String, Long> l2tpEvents, Map<String, long[]> pools, List<IpsecView.ThreadCpu> threads) {}

  private final CliContext ctx;
  private final Consumer<String> log;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private HTTPServer http;
  private Management.Metrics current;
  private Snapshot last;
  private long lastAt;

  public MetricsExporter(CliContext ctx, Consumer<String> log) {
    this.ctx = ctx;
    this.log = log;
    register();
    JvmMetrics.builder().register(registry);
  }

  /** Starts, stops or moves the endpoint as the configuration says. */
  public synchronized void apply(Config c) {
    Management.Metrics want = c.management().metrics();
    if (java.util.Objects.equals(want, current)) {
      return;
    }
    stop();
    current = want;
    if (want == null) {
      return;
    }
    try {
      HTTPServer.Builder b = HTTPServer.builder().port(want.port()).registry(registry);
      if (want.address() != null) {
        b.inetAddress(InetAddress.getByName(want.address().toString()));
      }
      http = b.buildAndStart();
      log.accept("%METRICS-5-ENABLED: Prometheus metrics on http://" + (want.address() == null ? "0.0.0.0"
          : want.address()) + ":" + http.getPort() + "/metrics");
    } catch (IOException e) {
      log.accept("%METRICS-3-LISTEN: cannot listen on TCP port " + want.port() + ": " + e.getMessage());
    }
  }

  /** The port it serves on, 0 when off. */
  public synchronized int port() {
    return http == null ? 0 : http.getPort();
  }

  private synchronized Snapshot snap() {
    long now = System.nanoTime();
    if (last == null || now - lastAt > 1_000_000_000L) {
      IpsecView ip = ctx.ipsec();
      VpdnView vp = ctx.vpdn();
      Map<String, long[]> pools = new TreeMap<>();
      for (LocalPool p : ctx.running().get().pools().values()) {
        long size = 0;
        long used = 0;
        for (LocalPool.Range r : p.ranges()) {
          size += r.end().unsigned() - r.start().unsigned() + 1;
          used += vp.poolInUse(r.start().bits(), r.end().bits());
        }
        pools.put(p.name(), new long[] {size, used});
      }
      last = new Snapshot(ip.isakmpSas(), ip.ipsecSas(), ip.natDemux(), vp.tunnels(), vp.sessions(), ip.callAdmission(),
          ip.events(), vp.events(), pools, ip.threadCpu());
      lastAt = now;
    }
    return last;
  }

  private void gauge(String name, String help, Consumer<GaugeWithCallback.Callback> cb, String... labels) {
    GaugeWithCallback.builder().name(name).help(help).labelNames(labels).callback(cb).register(registry);
  }

  private void counter(String name, String help, Consumer<CounterWithCallback.Callback> cb, String... labels) {
    CounterWithCallback.builder().name(name).help(help).labelNames(labels).callback(cb).register(registry);
  }

  private static <T> Map<String, Long> countBy(List<T> items, java.util.function.Function<T, String> key) {
    Map<String, Long> m = new TreeMap<>();
    items.forEach(i -> m.merge(key.apply(i), 1L, Long::sum));
    return m;
  }

  private void register() {
    gauge("jlns_isakmp_sas", "ISAKMP SAs by state (show crypto isakmp sa)",
        cb -> countBy(snap().isakmp(), IpsecView.IsakmpSa::state).forEach((k, v) -> cb.call(v, k)), "state");
    gauge("jlns_ipsec_sa_pairs", "ESP SA pairs in force (show crypto ipsec sa)", cb -> cb.call(snap().ipsec().size()));
    gauge("jlns_ipsec_sa_packets", "Packets carried by the ESP SAs in force (#pkts encaps/decaps)", cb -> {
      cb.call(snap().ipsec().stream().mapToLong(IpsecView.IpsecSa::pktsDecaps).sum(), "in");
      cb.call(snap().ipsec().stream().mapToLong(IpsecView.IpsecSa::pktsEncaps).sum(), "out");
    }, "direction");
    gauge("jlns_ipsec_sa_failures", "Packets the ESP SAs in force refused, by check", cb -> {
      cb.call(snap().ipsec().stream().mapToLong(IpsecView.IpsecSa::replayFailures).sum(), "replay");
      cb.call(snap().ipsec().stream().mapToLong(IpsecView.IpsecSa::authFailures).sum(), "auth");
      cb.call(snap().ipsec().stream().mapToLong(IpsecView.IpsecSa::otherFailures).sum(), "other");
    }, "check");
    gauge("jlns_nat_demux_clients", "NAT demux clients (ports in use) per public address (show crypto nat demux)",
        cb -> countBy(snap().demux(), IpsecView.DemuxClient::address).forEach((k, v) -> cb.call(v, k)), "address");
    gauge("jlns_l2tp_tunnels", "L2TP tunnels by state (show vpdn tunnel all)",
        cb -> countBy(snap().tunnels(), VpdnView.Tunnel::state).forEach((k, v) -> cb.call(v, k)), "state");
    gauge("jlns_vpdn_sessions", "L2TP sessions with their PPP by state (show vpdn session)",
        cb -> countBy(snap().sessions(), VpdnView.Session::state).forEach((k, v) -> cb.call(v, k)), "state");
    gauge("jlns_ppp_octets", "Octets of the PPP sessions in force (show vpdn session all)", cb -> {
      cb.call(snap().sessions().stream().mapToLong(VpdnView.Session::inOctets).sum(), "in");
      cb.call(snap().sessions().stream().mapToLong(VpdnView.Session::outOctets).sum(), "out");
    }, "direction");
    gauge("jlns_pool_addresses", "Addresses of each ip local pool (show ip local pool)",
        cb -> snap().pools().forEach((k, v) -> cb.call(v[0], k)), "pool");
    gauge("jlns_pool_addresses_in_use", "Addresses of each pool in use",
        cb -> snap().pools().forEach((k, v) -> cb.call(v[1], k)), "pool");
    counter("jlns_ike_admission_accepted", "New IKE exchanges admitted (show crypto call admission statistics)",
        cb -> admission(a -> cb.call(a.accepted())));
    counter("jlns_ike_admission_rejected", "New IKE exchanges refused, by limit", cb -> admission(a -> {
      cb.call(a.rejectedInNegotiation(), "in-negotiation-sa");
      cb.call(a.rejectedPerAddress(), "per-address");
      cb.call(a.rejectedSaLimit(), "sa");
    }), "limit");
    counter("jlns_ike_dh_computed", "Diffie-Hellman computations done by the workers", cb -> admission(a -> cb.call(a.computed())));
    gauge("jlns_ike_dh_queued", "Diffie-Hellman computations waiting for a worker", cb -> admission(a -> cb.call(a.queued())));
    counter("jlns_ike_events", "IKE events since start by cause: refusals, failures (auth-failed is a wrong pre-shared key), "
        + "retransmissions", cb -> events(snap().ipsecEvents(), "ike.", cb), "event");
    counter("jlns_esp_events", "ESP events since start: drops by reason, keepalives",
        cb -> events(snap().ipsecEvents(), "esp.", cb), "event");
    counter("jlns_thread_cpu_seconds", "CPU time of each packet-path thread: an event loop's is its busy time (waiting in "
        + "epoll costs none); a Diffie-Hellman worker's its key exchanges", cb -> snap().threads()
        .forEach(t -> cb.call(t.cpuNanos() / 1e9, t.kind(), t.thread())), "kind", "thread");
    counter("jlns_l2tp_events", "L2TP events since start: drops by reason", cb -> events(snap().l2tpEvents(), "", cb), "event");
  }

  private void admission(Consumer<IpsecView.CallAdmission> f) {
    IpsecView.CallAdmission a = snap().admission();
    if (a != null) {
      f.accept(a);
    }
  }

  private static void events(Map<String, Long> all, String prefix, CounterWithCallback.Callback cb) {
    all.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        cb.call(v, k.substring(prefix.length()));
      }
    });
  }

  private void stop() {
    if (http != null) {
      http.stop();
      http = null;
    }
  }

  @Override
  public synchronized void close() {
    stop();
  }
}
