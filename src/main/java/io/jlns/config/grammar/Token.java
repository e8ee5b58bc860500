package io.jlns.config.grammar;

import java.util.Locale;

/**
 * One element of a command's syntax: a keyword or a value placeholder. Syntax strings use
 * FRRouting's notation: {@code keyword}, {@code <1-10000>}, {@code A.B.C.D}, {@code WORD},
 * {@code LINE} (the rest of the line), each optionally named with {@code :name}.
 */
public sealed interface Token {
  /** Name under which a matched word is bound in {@link Args}. */
  String name();

  /** How the token is shown in {@code ?} help. */
  String display();

  /** How an input word matches this token. */
  Fit fit(String word);

  enum Fit {
    NONE,
    PREFIX,
    EXACT,
    VALUE
  }

  /**
   * A keyword; {@code exact} ones (written {@code =word}) may not be abbreviated: those of
   * commands kept verbatim, where an abbreviation followed by LINE would swallow other commands.
   */
  record Keyword(String word, String name, boolean exact) implements Token {
    @Override
    public String display() {
      return word;
    }

    @Override
    public Fit fit(String input) {
      String w = input.toLowerCase(Locale.ROOT);
      if (w.equals(word)) {
        return Fit.EXACT;
      }
      return !exact && word.startsWith(w) ? Fit.PREFIX : Fit.NONE;
    }
  }

  record Range(long low, long high, String name) implements Token {
    @Override
    public String display() {
      return "<" + low + "-" + high + ">";
    }

    @Override
    public Fit fit(String input) {
      if (input.isEmpty() || input.length() > 12) {
        return Fit.NONE;
      }
      for (int i = 0; i < input.length(); i++) {
        if (!Character.isDigit(input.charAt(i))) {
          return Fit.NONE;
        }
      }
      long v = Long.parseLong(input);
      return v >= low && v <= high ? Fit.VALUE : Fit.NONE;
    }
  }

  record Ipv4(String name) implements Token {
    @Override
    public String display() {
      return "A.B.C.D";
    }

    @Override
    public Fit fit(String input) {
      return io.jlns.config.Ipv4Address.parse(input).isPresent() ? Fit.VALUE : Fit.NONE;
    }
  }

  record AnyWord(String name) implements Token {
    @Override
    public String display() {
      return "WORD";
    }

    @Override
    public Fit fit(String input) {
      return Fit.VALUE;
    }
  }

  /** The rest of the line, verbatim. */
  record Line(String name) implements Token {
    @Override
    public String display() {
      return "LINE";
    }

    @Override
    public Fit fit(String input) {
      return Fit.VALUE;
    }
  }
}
