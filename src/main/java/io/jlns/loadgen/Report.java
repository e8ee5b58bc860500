package io.jlns.loadgen;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** What a run prints: the live progress line, the summary table, and the same as JSON. */
final class Report {
  private final Fleet fleet;
  private final Fleet.Settings s;

  Report(Fleet fleet, Fleet.Settings s) {
    this.fleet = fleet;
    this.s = s;
  }

  /** One line: clients up, connects/s so far, failures, Mbit/s received in the last second. */
  String progress(long[] lastBytes) {
    Stats st = fleet.stats();
    long bytes = st.bytesReceived.sum();
    double mbit = (bytes - lastBytes[0]) * 8 / 1e6;
    lastBytes[0] = bytes;
    double secs = (System.nanoTime() - fleet.runStartNanos) / 1e9;
    return String.format(Locale.ROOT, "[%6.1fs] up %d/%d  connected %d  connects/s %.1f  failed %d  rx %.2f Mbit/s", secs,
        st.up.sum(), s.clients(), st.connected.sum(), st.connectsPerSecond(fleet.runStartNanos), st.failuresTotal(), mbit);
  }

  private double trafficSeconds() {
    long end = fleet.trafficEndNanos;
    return end > fleet.trafficStartNanos ? (end - fleet.trafficStartNanos) / 1e9 : 0;
  }

  private record Row(String name, String value) {}

  private List<Row> rows() {
    Stats st = fleet.stats();
    List<Row> r = new ArrayList<>();
    r.add(new Row("scenario", s.scenario() + " against " + s.server().getHostAddress() + ", profiles "
        + s.profiles().stream().map(Profile::name).distinct().collect(Collectors.joining(","))));
    r.add(new Row("clients", st.started.sum() + " started, " + st.connected.sum() + " connected, " + st.connectFailures()
        + " failed to connect, " + st.failures(Failure.DROPPED) + " dropped after up, " + st.left.sum() + " left"
        + (st.cut.sum() > 0 ? ", " + st.cut.sum() + " cut off mid-connect when the run ended" : "")));
    r.add(new Row("connects/s", fmt(st.connectsPerSecond(fleet.runStartNanos))));
    r.add(new Row("time to all", fmt((fleet.rampEndNanos - fleet.runStartNanos) / 1e9) + " s"));
    Histogram c = st.connectMillis;
    if (c.getTotalCount() > 0) {
      r.add(new Row("connect ms", "p50 " + c.getValueAtPercentile(50) + "  p99 " + c.getValueAtPercentile(99) + "  max "
          + c.getMaxValue()));
    }
    if (st.rekeys.sum() > 0) {
      r.add(new Row("rekeys", Long.toString(st.rekeys.sum())));
    }
    long sent = st.pingsSent.sum();
    if (sent > 0) {
      long recv = st.pingsReceived.sum();
      double t = trafficSeconds();
      r.add(new Row("echoes", sent + " sent, " + recv + " received, loss " + fmt(100.0 * Math.max(0, sent - recv) / sent) + " %"));
      if (t > 0) {
        r.add(new Row("throughput", fmt(sent / t) + " pkt/s out, " + fmt(recv / t) + " pkt/s in, " + fmt(st.bytesSent.sum() * 8 / t / 1e6)
            + " Mbit/s out, " + fmt(st.bytesReceived.sum() * 8 / t / 1e6) + " Mbit/s in (" + s.size() + "-byte packets)"));
      }
      Histogram h = st.rttMicros;
      if (h.getTotalCount() > 0) {
        r.add(new Row("rtt ms", "p50 " + ms(h.getValueAtPercentile(50)) + "  p99 " + ms(h.getValueAtPercentile(99)) + "  p99.9 "
            + ms(h.getValueAtPercentile(99.9)) + "  max " + ms(h.getMaxValue())));
      }
    }
    for (Failure f : Failure.values()) {
      if (st.failures(f) > 0) {
        r.add(new Row("failed: " + f.label, Long.toString(st.failures(f))));
      }
    }
    if (fleet.espDrops() > 0) {
      r.add(new Row("ESP dropped", fleet.espDrops() + " (unknown SPI, ICV or replay)"));
    }
    return r;
  }

  void summary(PrintStream out) {
    out.println("loadgen summary");
    for (Row row : rows()) {
      out.printf("  %-22s %s%n", row.name(), row.value());
    }
    List<String> reasons = fleet.stats().firstReasons();
    if (!reasons.isEmpty()) {
      out.println("  first failures:");
      reasons.forEach(x -> out.println("    " + x));
    }
  }

  String json() {
    Stats st = fleet.stats();
    StringBuilder b = new StringBuilder("{\n");
    field(b, "scenario", q(s.scenario()));
    field(b, "server", q(s.server().getHostAddress()));
    field(b, "profiles", "[" + s.profiles().stream().map(p -> q(p.name())).distinct().collect(Collectors.joining(",")) + "]");
    field(b, "clients", s.clients());
    field(b, "started", st.started.sum());
    field(b, "connected", st.connected.sum());
    field(b, "failed", st.connectFailures());
    field(b, "dropped", st.failures(Failure.DROPPED));
    field(b, "dropped_first_epoch_ms", st.firstDropEpochMillis.get());
    field(b, "dropped_last_epoch_ms", st.lastDropEpochMillis.get());
    field(b, "left", st.left.sum());
    field(b, "cut", st.cut.sum());
    field(b, "connects_per_second", fmt(st.connectsPerSecond(fleet.runStartNanos)));
    field(b, "time_to_all_s", fmt((fleet.rampEndNanos - fleet.runStartNanos) / 1e9));
    field(b, "connect_ms_p50", st.connectMillis.getValueAtPercentile(50));
    field(b, "connect_ms_p99", st.connectMillis.getValueAtPercentile(99));
    field(b, "rekeys", st.rekeys.sum());
    long sent = st.pingsSent.sum();
    long recv = st.pingsReceived.sum();
    double t = trafficSeconds();
    field(b, "echo_size", s.size());
    field(b, "echoes_sent", sent);
    field(b, "echoes_received", recv);
    field(b, "loss_percent", fmt(sent == 0 ? 0 : 100.0 * Math.max(0, sent - recv) / sent));
    field(b, "traffic_s", fmt(t));
    field(b, "pps_out", fmt(t > 0 ? sent / t : 0));
    field(b, "pps_in", fmt(t > 0 ? recv / t : 0));
    field(b, "mbit_out", fmt(t > 0 ? st.bytesSent.sum() * 8 / t / 1e6 : 0));
    field(b, "mbit_in", fmt(t > 0 ? st.bytesReceived.sum() * 8 / t / 1e6 : 0));
    field(b, "rtt_ms_p50", ms(st.rttMicros.getValueAtPercentile(50)));
    field(b, "rtt_ms_p99", ms(st.rttMicros.getValueAtPercentile(99)));
    field(b, "rtt_ms_p999", ms(st.rttMicros.getValueAtPercentile(99.9)));
    field(b, "esp_dropped", fleet.espDrops());
    b.append("  \"failures\": {");
    List<String> fs = new ArrayList<>();
    for (Failure f : Failure.values()) {
      if (st.failures(f) > 0) {
        fs.add(q(f.name().toLowerCase(Locale.ROOT)) + ": " + st.failures(f));
      }
    }
    b.append(String.join(", ", fs)).append("},\n");
    b.append("  \"first_failures\": [").append(st.firstReasons().stream().map(Report::q).collect(Collectors.joining(", ")))
        .append("]\n}\n");
    return b.toString();
  }

  private static void field(StringBuilder b, String name, Object v) {
    b.append("  \"").append(name).append("\": ").append(v).append(",\n");
  }

  static String q(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  private static String ms(long micros) {
    return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
  }
}
