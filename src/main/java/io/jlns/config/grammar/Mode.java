package io.jlns.config.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CLI mode: its commands, and the parent whose commands a line falls back to when it is not
 * valid here (IOS rule: a global command typed in a sub-mode leaves the sub-mode).
 */
public final class Mode<C> {
  private final String name;
  private final String promptSuffix;
  private final Mode<C> parent;
  private final boolean opaque;
  private final List<Command<C>> commands = new ArrayList<>();
  private final Map<String, String> glossary;

  /**
   * @param opaque a mode whose sub-commands jlns keeps verbatim without knowing them (router,
   *     line, ...): any line that is not a parent command belongs to it
   */
  public Mode(String name, String promptSuffix, Mode<C> parent, boolean opaque, Map<String, String> glossary) {
    this.name = name;
    this.promptSuffix = promptSuffix;
    this.parent = parent;
    this.opaque = opaque;
    this.glossary = glossary == null ? new HashMap<>() : glossary;
  }

  public String name() {
    return name;
  }

  /** Prompt after the hostname: {@code >}, {@code #}, {@code (config)#}... */
  public String promptSuffix() {
    return promptSuffix;
  }

  public Mode<C> parent() {
    return parent;
  }

  public boolean opaque() {
    return opaque;
  }

  public List<Command<C>> commands() {
    return Collections.unmodifiableList(commands);
  }

  /** Declares a command: syntax, help pairs (token, text, token, text...), action. */
  public Command<C> add(String syntax, Command.Action<C> action, String... help) {
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i + 1 < help.length; i += 2) {
      h.put(help[i], help[i + 1]);
    }
    Command<C> c = new Command<>(Syntax.compile(syntax), h, action);
    checkNames(c.syntax());
    commands.add(c);
    return c;
  }

  /** A value bound under the same name as a keyword of its command would shadow it. */
  private static void checkNames(Syntax s) {
    java.util.Set<String> keywords = new java.util.HashSet<>();
    java.util.Set<String> values = new java.util.HashSet<>();
    java.util.Deque<Syntax.Node> todo = new java.util.ArrayDeque<>(s.entry());
    java.util.Set<Syntax.Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (!todo.isEmpty()) {
      Syntax.Node n = todo.pop();
      if (n == Syntax.END || !seen.add(n)) {
        continue;
      }
      if (n.token() instanceof Token.Keyword k) {
        keywords.add(k.word());
        if (!k.name().equals(k.word())) {
          values.add(k.name());
        }
      } else {
        values.add(n.token().name());
      }
      todo.addAll(n.next);
    }
    values.retainAll(keywords);
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("syntax '" + s.text() + "' binds a value under keyword name(s) " + values);
    }
  }

  /** Help text for a token of one of this mode's commands. */
  String helpFor(Command<C> c, Token t) {
    String h = c.help().get(t.name());
    if (h == null) {
      h = c.help().get(t.display());
    }
    if (h == null) {
      h = glossary.get(t.display());
    }
    if (h == null && t instanceof Token.Keyword k) {
      h = glossary.get(k.word());
    }
    if (h == null) {
      if (t instanceof Token.Ipv4) {
        h = "IP address";
      } else if (t instanceof Token.Line) {
        h = "Text";
      } else if (t instanceof Token.AnyWord) {
        h = t.name().equals("WORD") ? "Name" : t.name();
      } else if (t instanceof Token.Range) {
        h = t.name().startsWith("<") ? "Number" : t.name();
      } else {
        h = "";
      }
    }
    return h;
  }

  @Override
  public String toString() {
    return name;
  }
}
