package io.jlns.server;

import io.jlns.config.Config;
import io.jlns.config.Logging;
import io.jlns.config.RunningConfig;
import io.jlns.log.LogHub;
import io.jlns.syslog.SyslogSender;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * Applies the running configuration's {@code logging} and {@code service timestamps} lines to the
 * process's {@link LogHub} and its syslog sender, at start and on every change.
 */
final class LoggingRuntime implements AutoCloseable {
  private final LogHub hub;
  private final SyslogSender syslog;
  private final Instant started;

  LoggingRuntime(RunningConfig running, Instant started) throws IOException {
    this.hub = LogHub.get();
    this.started = started;
    Config c = running.get();
    hub.apply(local(c.logging()));
    syslog = new SyslogSender(remote(c));
    hub.addSink(syslog);
    running.onChange(this::apply);
  }

  private void apply(Config c) {
    hub.apply(local(c.logging()));
    syslog.apply(remote(c));
  }

  static LogHub.Settings local(Logging l) {
    return new LogHub.Settings(l.console(), l.monitor(), l.buffered(), l.bufferSize(), l.logStamps(), l.debugStamps(),
        l.sequenceNumbers());
  }

  private SyslogSender.Settings remote(Config c) {
    Logging l = c.logging();
    return new SyslogSender.Settings(l.trap(), l.hosts().stream()
        .map(h -> new InetSocketAddress(h.address().toString(), h.port())).toList(), l.facilityCode(), l.origin(),
        l.rfc5424(), c.hostname(), l.logStamps(), started);
  }

  @Override
  public void close() throws IOException {
    try {
      syslog.drain(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    hub.removeSink(syslog);
    syslog.close();
  }
}
