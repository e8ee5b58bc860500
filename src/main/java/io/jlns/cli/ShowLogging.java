package io.jlns.cli;

import io.jlns.log.LogHub;
import io.jlns.log.Severity;

/** {@code show logging}: each destination with its level and count, the syslog hosts, then the buffer. */
final class ShowLogging {
  private ShowLogging() {}

  static String render(LogHub.Status st) {
    LogHub.Settings s = st.settings();
    StringBuilder b = new StringBuilder();
    b.append("Syslog logging: enabled (0 messages dropped, 0 flushes, 0 overruns)\n\n");
    b.append("    Console logging: ").append(level(s.console(), st.console())).append('\n');
    b.append("    Monitor logging: ").append(level(s.monitor(), st.monitor())).append('\n');
    b.append("    Buffer logging:  ").append(level(s.buffered(), st.buffered())).append('\n');
    b.append("    Logging to ").append(st.monitors()).append(" terminal monitor(s)\n");
    b.append("    Timestamp logging messages: ").append(s.logStamps().enabled() ? s.logStamps().text() : "disabled")
        .append(", debug messages: ").append(s.debugStamps().enabled() ? s.debugStamps().text() : "disabled")
        .append(", sequence numbers ").append(s.sequenceNumbers() ? "enabled" : "disabled").append('\n');
    st.sinks().forEach(k -> b.append('\n').append(k));
    b.append("\nLog Buffer (").append(s.bufferSize()).append(" bytes):\n");
    if (s.buffered() != null) {
      b.append('\n');
      st.buffer().forEach(l -> b.append(l).append('\n'));
    }
    return b.toString();
  }

  private static String level(Severity sev, long logged) {
    return sev == null ? "disabled" : "level " + sev.keyword() + ", " + logged + " messages logged";
  }
}
