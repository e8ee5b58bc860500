package io.jlns.config;

/** Something the loader or validator says about a configuration line. */
public record Diagnostic(Severity severity, int line, int column, String text, String message) {
  public enum Severity {
    ERROR,
    WARNING,
    /** Accepted and kept in the running configuration, but not acted on by an LNS. */
    INERT
  }

  public static Diagnostic global(Severity s, String message) {
    return new Diagnostic(s, 0, -1, null, message);
  }

  /**
   * One line for a log: {@code file:line:col: severity: message Line: 'the line', at 'word'}, so a syslog reader
   * sees which line was refused without the caret display {@link #render} adds below it.
   */
  public String renderLine(String file) {
    String r = render(file);
    int nl = r.indexOf('\n');
    if (nl < 0) {
      return r;
    }
    String at = text.substring(Math.min(column, text.length())).strip().split("\\s+", 2)[0];
    return r.substring(0, nl) + " Line: '" + text.strip() + "'" + (at.isEmpty() ? ", at its end" : ", at '" + at + "'");
  }

  /** {@code file:line:col: severity: message}, the compiler format editors understand. */
  public String render(String file) {
    StringBuilder b = new StringBuilder();
    b.append(file);
    if (line > 0) {
      b.append(':').append(line);
      if (column >= 0) {
        b.append(':').append(column + 1);
      }
    }
    b.append(": ").append(switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INERT -> "accepted, not acted on";
    });
    b.append(": ").append(message);
    if (severity == Severity.ERROR && text != null && column >= 0) {
      b.append('\n').append(text).append('\n').append(" ".repeat(column)).append('^');
    }
    return b.toString();
  }
}
