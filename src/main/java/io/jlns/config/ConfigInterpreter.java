package io.jlns.config;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Lexer;
import io.jlns.config.grammar.Matcher;
import io.jlns.config.grammar.Mode;
import io.jlns.config.grammar.ParseResult;
import io.jlns.config.grammar.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out configuration lines, one at a time, against a draft, keeping the stack of modes
 * the way IOS does: a line that is not valid in the current mode is tried in the enclosing modes,
 * and one that matches there leaves the sub-modes below.
 */
public final class ConfigInterpreter {
  /** A mode on the stack and the key of what it edits. */
  public record Frame(Mode<ConfigEdit> mode, Object key) {}

  /** What became of a line. */
  public record Result(String error, int errorColumn, List<String> warnings, List<String> inert, boolean leave) {
    public boolean ok() {
      return error == null;
    }
  }

  private final ConfigGrammar grammar;
  private final List<Frame> stack = new ArrayList<>();

  public ConfigInterpreter(ConfigGrammar grammar) {
    this.grammar = grammar;
    stack.add(new Frame(grammar.global, null));
  }

  public ConfigGrammar grammar() {
    return grammar;
  }

  /** The current mode (for the prompt, {@code ?} and completion). */
  public Mode<ConfigEdit> mode() {
    return stack.get(stack.size() - 1).mode();
  }

  public void reset() {
    stack.subList(1, stack.size()).clear();
  }

  /**
   * Carries out one line.
   *
   * @param indented whether the line was indented in a file; null when typed at the CLI
   */
  public Result execute(ConfigEdit edit, String line, Boolean indented) {
    List<String> warnings = new ArrayList<>();
    String effective = line;
    String unglued = unglue(line);
    if (unglued != null) {
      effective = unglued;
    }
    Frame top = stack.get(stack.size() - 1);
    if (top.mode().opaque() && Boolean.TRUE.equals(indented)) {
      return child(edit, top, effective, unglued != null, warnings);
    }
    ParseResult<ConfigEdit> best = null;
    int bestLevel = -1;
    for (int level = stack.size() - 1; level >= 0; level--) {
      Frame f = stack.get(level);
      if (f.mode().opaque()) {
        continue;
      }
      ParseResult<ConfigEdit> r = Matcher.match(f.mode(), effective);
      if (unglued != null && r.ok() && r.args().has("pw")) {
        // A '!' at the end of a key or password is part of it.
        effective = line;
        unglued = null;
        r = Matcher.match(f.mode(), effective);
      }
      if (r.ok()) {
        if (unglued != null) {
          warnings.add("'!' glued to the end of the line ignored (IOS reads it as the start of a comment)");
        }
        return run(edit, level, r, effective, warnings);
      }
      if (best == null || r.column() > best.column()) {
        best = r;
        bestLevel = level;
      }
    }
    if (top.mode().opaque() && indented == null) {
      return child(edit, top, effective, unglued != null, warnings);
    }
    ParseResult<ConfigEdit> err = unglued != null && bestLevel >= 0 ? Matcher.match(stack.get(bestLevel).mode(), line) : best;
    if (err.ok()) {
      // The line with its glued '!' reads as a command (the '!' taken as part of a word) though
      // the line without it does not: the error is the one found without it (found by
      // ConfigLoaderFuzzTest: "aaa accounting network!" threw instead).
      err = best;
    }
    // IOS draws a caret for invalid input only; incomplete and ambiguous lines get none.
    int caret = err.error() == ParseResult.Kind.INVALID ? err.column() : -1;
    return new Result(err.message(), caret, warnings, List.of(), false);
  }

  private Result child(ConfigEdit edit, Frame top, String line, boolean unglued, List<String> warnings) {
    if (unglued) {
      warnings.add("'!' glued to the end of the line ignored (IOS reads it as the start of a comment)");
    }
    edit.key(top.key());
    InertCommands.addChild(edit, line.strip());
    return new Result(null, -1, warnings, List.of(), false);
  }

  private Result run(ConfigEdit edit, int level, ParseResult<ConfigEdit> r, String line, List<String> warnings) {
    Frame f = stack.get(level);
    edit.key(f.key());
    edit.line(line);
    Outcome o;
    try {
      o = r.command().action().run(edit, r.args());
    } catch (CommandException | RuntimeException e) {
      // A bug in one command must not take the server or the CLI session down with it.
      String msg = e instanceof CommandException ? e.getMessage() : "Internal error in this command: " + e;
      warnings.addAll(edit.takeWarnings());
      edit.takeInert();
      return new Result("% " + msg, -1, warnings, List.of(), false);
    }
    warnings.addAll(edit.takeWarnings());
    List<String> inert = edit.takeInert();
    stack.subList(level + 1, stack.size()).clear();
    boolean leave = false;
    if (o.end()) {
      reset();
      leave = true;
    } else if (o.exitMode()) {
      if (level == 0) {
        leave = true;
      } else {
        stack.remove(level);
      }
    } else if (o.enter() != null) {
      @SuppressWarnings("unchecked")
      Mode<ConfigEdit> next = (Mode<ConfigEdit>) o.enter();
      stack.add(new Frame(next, o.key()));
    }
    return new Result(null, -1, warnings, inert, leave);
  }

  /** The line without a '!' glued to its last word ({@code set transform-set TS1!}), or null. */
  private static String unglue(String line) {
    List<Word> words = Lexer.words(line);
    if (words.isEmpty()) {
      return null;
    }
    Word last = words.get(words.size() - 1);
    String t = last.text();
    int keep = t.length();
    while (keep > 0 && t.charAt(keep - 1) == '!') {
      keep--;
    }
    // Every '!' glued to the end goes ("R2!!" too: found by ConfigLoaderFuzzTest, one was kept
    // and the member read back differently from its printed self), unless the word is all bangs.
    if (keep > 0 && keep < t.length()) {
      return line.substring(0, last.column() + keep);
    }
    return null;
  }
}
