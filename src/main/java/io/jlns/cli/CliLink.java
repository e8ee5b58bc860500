package io.jlns.cli;

import java.io.IOException;
import java.util.function.Consumer;

/** What a terminal talks to: the control socket ({@link ControlClient}) or a session in the server itself ({@link LocalLink}). */
public interface CliLink {
  ControlClient.Reply send(char op, String text) throws IOException;

  /** Where {@code terminal monitor} lines go. */
  void onMonitor(Consumer<String> sink);
}
