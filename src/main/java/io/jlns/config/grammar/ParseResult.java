package io.jlns.config.grammar;

/** Either a matched command with its arguments, or an IOS-style parse error. */
public record ParseResult<C>(Command<C> command, Args args, Kind error, int column, String line) {
  public enum Kind {
    /** {@code % Invalid input detected at '^' marker.} */
    INVALID,
    /** {@code % Incomplete command.} */
    INCOMPLETE,
    /** {@code % Ambiguous command: "..."} */
    AMBIGUOUS
  }

  static <C> ParseResult<C> match(Command<C> c, Args a) {
    return new ParseResult<>(c, a, null, -1, null);
  }

  static <C> ParseResult<C> error(Kind kind, int column, String line) {
    return new ParseResult<>(null, null, kind, column, line);
  }

  public boolean ok() {
    return command != null;
  }

  /** The IOS message, without the caret line. */
  public String message() {
    return switch (error) {
      case INVALID -> "% Invalid input detected at '^' marker.";
      case INCOMPLETE -> "% Incomplete command.";
      case AMBIGUOUS -> "% Ambiguous command:  \"" + line.strip() + "\"";
    };
  }

  /** The line, a caret under the failing column, and the message, as IOS prints them. */
  public String render(String indent) {
    if (error == Kind.INVALID) {
      return indent + line + "\n" + indent + " ".repeat(column) + "^\n" + message();
    }
    return message();
  }
}
