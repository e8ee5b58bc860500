package io.jlns.config.grammar;

/** A command that parsed but cannot be carried out; the message is shown after {@code % }. */
public final class CommandException extends Exception {
  private static final long serialVersionUID = 1L;

  public CommandException(String message) {
    super(message, null, false, false);
  }
}
