package io.jlns.config.grammar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a line against a mode's commands the IOS way: keywords may be abbreviated to any
 * unique prefix, keywords win over values, and a failure names the word where it happened.
 */
public final class Matcher {
  private Matcher() {}

  /**
   * A thread of the NFA simulation: a command, where it is, what it bound, how many tokens it
   * matched before any LINE ({@code score}), and where its LINE began ({@code lineStart}, or -1).
   */
  private record Thread<C>(Command<C> command, Syntax.Node at, Args args, int score, int lineStart) {
    boolean inLine() {
      return lineStart >= 0;
    }

    boolean accepting() {
      return at == Syntax.END || inLine();
    }
  }

  public static <C> ParseResult<C> match(Mode<C> mode, String line) {
    List<Word> words = Lexer.words(line);
    List<Thread<C>> threads = start(mode);
    for (Word w : words) {
      Step<C> step = step(threads, w);
      if (step.ambiguous) {
        return ParseResult.error(ParseResult.Kind.AMBIGUOUS, w.column(), line);
      }
      if (step.next.isEmpty()) {
        return ParseResult.error(ParseResult.Kind.INVALID, w.column(), line);
      }
      threads = step.next;
    }
    Thread<C> best = null;
    for (Thread<C> t : threads) {
      if (t.accepting() && (best == null || t.score() > best.score())) {
        best = t;
      }
    }
    if (best == null) {
      return ParseResult.error(ParseResult.Kind.INCOMPLETE, line.length(), line);
    }
    Args args = best.args();
    if (best.inLine()) {
      args = args.with(best.at().token().name(), line.substring(best.lineStart()).strip());
    }
    return ParseResult.match(best.command(), args);
  }

  private static <C> List<Thread<C>> start(Mode<C> mode) {
    List<Thread<C>> threads = new ArrayList<>();
    for (Command<C> c : mode.commands()) {
      for (Syntax.Node n : c.syntax().entry()) {
        threads.add(new Thread<>(c, n, Args.empty(), 0, -1));
      }
    }
    return threads;
  }

  private record Step<C>(List<Thread<C>> next, boolean ambiguous) {}

  private static <C> Step<C> step(List<Thread<C>> threads, Word w) {
    List<Thread<C>> exact = new ArrayList<>();
    List<Thread<C>> prefix = new ArrayList<>();
    List<Thread<C>> value = new ArrayList<>();
    List<Thread<C>> lines = new ArrayList<>();
    Set<String> prefixWords = new LinkedHashSet<>();
    for (Thread<C> t : threads) {
      if (t.inLine()) {
        lines.add(t);
        continue;
      }
      if (t.at() == Syntax.END) {
        continue;
      }
      Token tok = t.at().token();
      switch (tok.fit(w.text())) {
        case EXACT -> exact.add(t);
        case PREFIX -> {
          prefix.add(t);
          prefixWords.add(((Token.Keyword) tok).word());
        }
        case VALUE -> value.add(t);
        default -> { }
      }
    }
    List<Thread<C>> chosen;
    if (!exact.isEmpty()) {
      chosen = exact;
    } else if (prefixWords.size() > 1) {
      return new Step<>(List.of(), true);
    } else if (!prefix.isEmpty()) {
      chosen = prefix;
    } else {
      chosen = value;
    }
    List<Thread<C>> next = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Thread<C> t : chosen) {
      Token tok = t.at().token();
      if (tok instanceof Token.Line) {
        next.add(new Thread<>(t.command(), t.at(), t.args(), t.score(), w.column()));
        continue;
      }
      String bound = tok instanceof Token.Keyword k ? k.word() : w.text();
      Args args = t.args().with(tok.name(), bound);
      if (tok instanceof Token.Keyword k && !k.name().equals(k.word())) {
        args = args.with(k.word(), k.word());
      }
      for (Syntax.Node n : t.at().next) {
        // One thread per (command, position): the first way to get there wins.
        String key = System.identityHashCode(t.command()) + "/" + System.identityHashCode(n);
        if (seen.add(key)) {
          next.add(new Thread<>(t.command(), n, args, t.score() + 1, -1));
        }
      }
    }
    next.addAll(lines);
    return new Step<>(next, false);
  }

  /** One entry of {@code ?} help: a token as shown and its help text. */
  public record HelpEntry(String token, String help) {}

  /**
   * IOS {@code ?}: after a space, what may come next ({@code <cr>} if the line may end); right
   * after a word, the keywords that word abbreviates.
   */
  public static <C> List<HelpEntry> help(Mode<C> mode, String line) {
    boolean partial = !line.isEmpty() && !Character.isWhitespace(line.charAt(line.length() - 1));
    List<Word> words = Lexer.words(line);
    List<Word> done = partial ? words.subList(0, words.size() - 1) : words;
    List<Thread<C>> threads = advance(mode, done, line);
    if (threads == null) {
      return List.of();
    }
    Map<String, HelpEntry> out = new LinkedHashMap<>();
    boolean cr = false;
    for (Thread<C> t : threads) {
      if (t.at() == Syntax.END) {
        cr = true;
        continue;
      }
      Token tok = t.at().token();
      if (t.inLine()) {
        cr = true;
        if (partial) {
          continue;
        }
      }
      if (partial) {
        String last = words.get(words.size() - 1).text();
        if (tok.fit(last) == Token.Fit.NONE || !(tok instanceof Token.Keyword)) {
          continue;
        }
      }
      out.putIfAbsent(tok.display(), new HelpEntry(tok.display(), mode.helpFor(t.command(), tok)));
    }
    List<HelpEntry> list = new ArrayList<>(out.values());
    list.sort((a, b) -> sortKey(a.token()).compareTo(sortKey(b.token())));
    if (cr && !partial) {
      list.add(new HelpEntry("<cr>", ""));
    }
    return list;
  }

  private static String sortKey(String token) {
    // IOS lists values (<1-10>, A.B.C.D, WORD) before keywords, each group alphabetically.
    boolean value = token.startsWith("<") || token.equals(token.toUpperCase(java.util.Locale.ROOT));
    return (value ? "0" : "1") + token;
  }

  /** Tab completion: the keywords the last (partial) word can complete to. */
  public static <C> List<String> complete(Mode<C> mode, String line) {
    List<HelpEntry> entries = help(mode, line);
    List<String> out = new ArrayList<>();
    boolean partial = !line.isEmpty() && !Character.isWhitespace(line.charAt(line.length() - 1));
    for (HelpEntry e : entries) {
      boolean keyword = !e.token().startsWith("<") && !e.token().equals(e.token().toUpperCase(java.util.Locale.ROOT));
      if (keyword && (partial || !e.token().equals("<cr>"))) {
        out.add(e.token());
      }
    }
    return out;
  }

  private static <C> List<Thread<C>> advance(Mode<C> mode, List<Word> words, String line) {
    List<Thread<C>> threads = start(mode);
    for (Word w : words) {
      Step<C> step = step(threads, w);
      if (step.ambiguous || step.next.isEmpty()) {
        return null;
      }
      threads = step.next;
    }
    return threads;
  }
}
