package io.jlns.syslog;

import io.jlns.log.LogHub;
import io.jlns.log.Severity;
import io.jlns.log.Timestamps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code logging host}: log lines at or above {@code logging trap} to syslog collectors over UDP,
 * framed as IOS sends them (BSD, RFC 3164: {@code <189>52: Dec  1 11:17:42.123: %SYS-5-...}) or,
 * with {@code logging trap syslog-format rfc5424}, as RFC 5424 messages. Lines wait in a bounded
 * queue for the sender thread: a packet loop that logs never waits on the network.
 */
public final class SyslogSender implements LogHub.Sink, AutoCloseable {
  /** What the running configuration says; trap null: off. */
  public record Settings(Severity trap, List<InetSocketAddress> hosts, int facility, String origin, boolean rfc5424,
      String hostname, Timestamps stamps, Instant started) {
    public Settings {
      hosts = List.copyOf(hosts);
    }
  }

  static final int QUEUE = 10_000;
  private static final Pattern TAG = Pattern.compile("^%([A-Z0-9_]+)-[0-7]-([A-Z0-9_]+):");
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
      .withZone(ZoneOffset.UTC);

  private record Out(byte[] datagram, List<InetSocketAddress> hosts) {}

  private volatile Settings settings;
  private final BlockingQueue<Out> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong logged = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final DatagramChannel channel;
  private final Thread thread;
  private volatile boolean closed;

  public SyslogSender(Settings settings) throws IOException {
    this.settings = settings;
    channel = DatagramChannel.open();
    thread = new Thread(this::run, "syslog");
    thread.setDaemon(true);
    thread.start();
  }

  public void apply(Settings s) {
    settings = s;
  }

  @Override
  public void accept(LogHub.Line line) {
    Settings s = settings;
    if (s.trap() == null || s.hosts().isEmpty() || line.severity().ordinal() > s.trap().ordinal()) {
      return;
    }
    logged.incrementAndGet();
    if (!queue.offer(new Out(frame(s, line).getBytes(StandardCharsets.UTF_8), s.hosts()))) {
      dropped.incrementAndGet();
    }
  }

  /** One syslog message, as IOS frames it. */
  static String frame(Settings s, LogHub.Line line) {
    int pri = s.facility() * 8 + line.severity().ordinal();
    if (s.rfc5424()) {
      Matcher m = TAG.matcher(line.text());
      String host = s.origin() != null && !s.origin().isEmpty() ? s.origin() : s.hostname();
      return "<" + pri + ">1 " + RFC3339.format(line.at()) + " " + nil(host) + " jlns - "
          + (m.find() ? m.group(1) + "-" + m.group(2) : "-") + " [meta sequenceId=\"" + line.seq() + "\"] " + line.text();
    }
    StringBuilder b = new StringBuilder(line.text().length() + 48).append('<').append(pri).append('>')
        .append(line.seq()).append(": ");
    if (s.origin() != null) {
      b.append(s.origin().isEmpty() ? s.hostname() : s.origin()).append(": ");
    }
    String stamp = s.stamps().format(line.at(), s.started());
    if (!stamp.isEmpty()) {
      b.append(stamp).append(": ");
    }
    return b.append(line.text()).toString();
  }

  private static String nil(String s) {
    return s == null || s.isEmpty() ? "-" : s.replace(' ', '_');
  }

  private void run() {
    while (!closed) {
      Out o;
      try {
        o = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (o == null) {
        continue;
      }
      for (InetSocketAddress h : o.hosts()) {
        try {
          channel.send(ByteBuffer.wrap(o.datagram()), h);
          sent.incrementAndGet();
        } catch (IOException e) {
          failed.incrementAndGet();
        }
      }
    }
  }

  @Override
  public String status() {
    Settings s = settings;
    StringBuilder b = new StringBuilder("    Trap logging: ").append(s.trap() == null ? "disabled" : "level "
        + s.trap().keyword() + ", " + logged.get() + " message lines logged").append('\n');
    for (InetSocketAddress h : s.hosts()) {
      b.append("        Logging to ").append(h.getAddress().getHostAddress()).append("  (udp port ").append(h.getPort())
          .append(", ").append(s.rfc5424() ? "RFC 5424" : "BSD").append(" format, facility ").append(s.facility())
          .append(")\n");
    }
    if (!s.hosts().isEmpty()) {
      b.append("        ").append(sent.get()).append(" datagrams sent, ").append(dropped.get())
          .append(" message lines dropped (queue full), ").append(failed.get()).append(" send errors\n");
    }
    return b.toString();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    thread.interrupt();
    channel.close();
  }

  /** Sends what is queued (bounded by {@code millis}): at a graceful stop the last lines reach the collector. */
  public void drain(long millis) throws InterruptedException {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!queue.isEmpty() && System.nanoTime() < end) {
      Thread.sleep(10);
    }
  }
}
