package io.jlns.config;

import io.jlns.config.Diagnostic.Severity;
import io.jlns.config.grammar.Lexer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a configuration file as IOS does: every line is a configuration-mode command; comments
 * ({@code !...}) and blank lines are skipped; {@code end} ends it. A file with any error yields
 * no configuration at all.
 */
public final class ConfigLoader {
  /** The outcome of loading: the configuration (null on errors) and what was said about it. */
  public record Loaded(Config config, List<Diagnostic> diagnostics, int lines, int comments) {
    public boolean ok() {
      return config != null;
    }

    public long count(Severity s) {
      return diagnostics.stream().filter(d -> d.severity() == s).count();
    }
  }

  private final ConfigGrammar grammar;
  private final SecretHasher hasher;

  public ConfigLoader(ConfigGrammar grammar, SecretHasher hasher) {
    this.grammar = grammar;
    this.hasher = hasher;
  }

  public Loaded load(String text) {
    ConfigDraft draft = new ConfigDraft();
    ConfigEdit edit = new ConfigEdit(draft, hasher);
    ConfigInterpreter interp = new ConfigInterpreter(grammar);
    List<Diagnostic> diags = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    int comments = 0;
    int n = 0;
    for (String raw : lines) {
      n++;
      String line = stripTrailing(raw);
      if (Lexer.isBlank(line)) {
        continue;
      }
      if (Lexer.isComment(line)) {
        comments++;
        continue;
      }
      if (line.strip().equals("end") && !Character.isWhitespace(line.charAt(0))) {
        afterEnd(lines, n, diags);
        break;
      }
      boolean indented = Character.isWhitespace(line.charAt(0));
      ConfigInterpreter.Result r = interp.execute(edit, line, indented);
      if (!r.ok()) {
        diags.add(new Diagnostic(Severity.ERROR, n, r.errorColumn(), line, r.error().replaceFirst("^% ", "")));
      }
      for (String w : r.warnings()) {
        diags.add(new Diagnostic(Severity.WARNING, n, -1, line, w + ": " + line.strip()));
      }
      for (String i : r.inert()) {
        diags.add(new Diagnostic(Severity.INERT, n, -1, line, line.strip()));
      }
    }
    boolean errors = diags.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    return new Loaded(errors ? null : draft.freeze(), diags, n, comments);
  }

  /** A line added below {@code end} is never read, as in IOS: said, not silently dropped. */
  private static void afterEnd(String[] lines, int endLine, List<Diagnostic> diags) {
    for (int i = endLine; i < lines.length; i++) {
      String l = stripTrailing(lines[i]);
      if (!Lexer.isBlank(l) && !Lexer.isComment(l)) {
        diags.add(new Diagnostic(Severity.WARNING, i + 1, -1, l,
            "not read, it is below 'end' (line " + endLine + "): " + l.strip()));
        return;
      }
    }
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }
}
