package io.jlns.cli;

import java.time.Duration;

/** {@code show version}. */
final class ShowVersion {
  private ShowVersion() {}

  static String render(CliContext ctx) {
    Duration up = Duration.between(ctx.started(), ctx.clock().instant());
    Runtime rt = Runtime.getRuntime();
    String file = ctx.running().startupFile() == null ? "(embedded default)" : ctx.running().startupFile().toString();
    return "jlns Software (L2TP/IPsec LNS with NAT demux), Version " + ctx.version() + "\n"
        + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch") + "\n\n"
        + ctx.running().get().hostname() + " uptime is " + up.toDays() + " days, " + up.toHoursPart() + " hours, "
        + up.toMinutesPart() + " minutes\n"
        + "Startup configuration file is \"" + file + "\"\n\n"
        + rt.availableProcessors() + " processors, " + rt.maxMemory() / (1024 * 1024) + " MB maximum heap\n";
  }
}
