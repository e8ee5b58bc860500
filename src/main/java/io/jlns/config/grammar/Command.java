package io.jlns.config.grammar;

import java.util.Map;

/**
 * A command: its syntax, help for its tokens, and what it does. {@code C} is the context the
 * action works on (a configuration being edited, or an exec session).
 */
public record Command<C>(Syntax syntax, Map<String, String> help, Action<C> action) {
  @FunctionalInterface
  public interface Action<C> {
    /** Runs the command; a {@link CommandException} is reported IOS-style as {@code % message}. */
    Outcome run(C context, Args args) throws CommandException;
  }

  /** What a command does to the mode: stay, or enter a sub-mode keyed by the entity edited. */
  public record Outcome(Mode<?> enter, Object key, boolean exitMode, boolean end) {
    public static final Outcome STAY = new Outcome(null, null, false, false);
    /** {@code exit}: back to the parent mode. */
    public static final Outcome EXIT = new Outcome(null, null, true, false);
    /** {@code end}: out of configuration mode. */
    public static final Outcome END = new Outcome(null, null, false, true);

    public static Outcome enter(Mode<?> mode, Object key) {
      return new Outcome(mode, key, false, false);
    }
  }
}
