package io.jlns.cli;

/**
 * The control socket's line protocol. A request is one line, an operation letter, a space and
 * the text; a reply is any number of output lines ({@code ". text"}) and a last line
 * {@code "$ STATUS prompt"}. While {@code terminal monitor} is on, log and debug lines
 * ({@code "! text"}) may arrive at any time between or within replies.
 */
public final class ControlProtocol {
  private ControlProtocol() {}

  /** Carry out a line. */
  public static final char EXECUTE = 'X';
  /** {@code ?} help for a partial line. */
  public static final char HELP = 'H';
  /** Completions of a partial line, one per output line. */
  public static final char COMPLETE = 'C';
  /** CNTL/Z: leave configuration mode. */
  public static final char END = 'Z';
  /** Nothing but the prompt. */
  public static final char PROMPT = 'P';

  public static String outputLine(String text) {
    return ". " + text;
  }

  public static String monitorLine(String text) {
    return "! " + text;
  }

  public static String lastLine(Response.Status status, String prompt) {
    return "$ " + status.name() + " " + prompt;
  }
}
