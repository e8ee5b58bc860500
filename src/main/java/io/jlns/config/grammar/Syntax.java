package io.jlns.config.grammar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A command's syntax compiled into a small NFA, so optional and repeated groups never expand
 * into many sequences. Notation (FRRouting's): {@code [x y]} optional, {@code (a|b c)}
 * alternatives, value tokens {@code <lo-hi> A.B.C.D WORD LINE}, {@code :name} names a token.
 */
public final class Syntax {
  /** A position in the NFA: a token to match and where to go after it. */
  public static final class Node {
    final Token token;
    final List<Node> next = new ArrayList<>();

    Node(Token token) {
      this.token = token;
    }

    public Token token() {
      return token;
    }
  }

  /** The accepting position: the line may end here. */
  public static final Node END = new Node(null);

  private final String text;
  private final List<Node> entry;

  private Syntax(String text, List<Node> entry) {
    this.text = text;
    this.entry = entry;
  }

  public String text() {
    return text;
  }

  public List<Node> entry() {
    return entry;
  }

  /** The syntax with every keyword made exact ({@code =word}): no abbreviations. */
  public static String exact(String text) {
    return text.replaceAll("(?<=^|[\\s(|\\[])([a-z][a-z0-9-]*)(?=$|[\\s)|\\]])", "=$1");
  }

  public static Syntax compile(String text) {
    List<String> toks = tokenize(text);
    Parser p = new Parser(toks, text);
    Element root = p.sequence();
    if (p.pos != toks.size()) {
      throw new IllegalArgumentException("bad syntax '" + text + "' at " + toks.get(p.pos));
    }
    Set<Node> end = new LinkedHashSet<>();
    end.add(END);
    return new Syntax(text, List.copyOf(root.compile(end)));
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if ("[]()|".indexOf(c) >= 0) {
        out.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < s.length()
            && !Character.isWhitespace(s.charAt(i))
            && "[]()|".indexOf(s.charAt(i)) < 0) {
          i++;
        }
        out.add(s.substring(start, i));
      }
    }
    return out;
  }

  private interface Element {
    Set<Node> compile(Set<Node> next);
  }

  private record Leaf(Token token) implements Element {
    @Override
    public Set<Node> compile(Set<Node> next) {
      Node n = new Node(token);
      n.next.addAll(next);
      Set<Node> s = new LinkedHashSet<>();
      s.add(n);
      return s;
    }
  }

  private record Seq(List<Element> items) implements Element {
    @Override
    public Set<Node> compile(Set<Node> next) {
      Set<Node> cur = next;
      for (int i = items.size() - 1; i >= 0; i--) {
        cur = items.get(i).compile(cur);
      }
      return cur;
    }
  }

  private record Alt(List<Element> options) implements Element {
    @Override
    public Set<Node> compile(Set<Node> next) {
      Set<Node> s = new LinkedHashSet<>();
      for (Element e : options) {
        s.addAll(e.compile(next));
      }
      return s;
    }
  }

  private record Opt(Element inner) implements Element {
    @Override
    public Set<Node> compile(Set<Node> next) {
      Set<Node> s = new LinkedHashSet<>(inner.compile(next));
      s.addAll(next);
      return s;
    }
  }

  private static final class Parser {
    final List<String> toks;
    final String text;
    int pos;

    Parser(List<String> toks, String text) {
      this.toks = toks;
      this.text = text;
    }

    Element sequence() {
      List<Element> items = new ArrayList<>();
      while (pos < toks.size()) {
        String t = toks.get(pos);
        if (t.equals("|") || t.equals(")") || t.equals("]")) {
          break;
        }
        pos++;
        switch (t) {
          case "[" -> {
            Element inner = alternatives();
            expect("]");
            items.add(new Opt(inner));
          }
          case "(" -> {
            Element inner = alternatives();
            expect(")");
            if (pos < toks.size() && toks.get(pos).startsWith(":")) {
              // (a|b):name binds whichever keyword matched under name.
              inner = named(inner, toks.get(pos++).substring(1));
            }
            items.add(inner);
          }
          default -> items.add(new Leaf(token(t)));
        }
      }
      return new Seq(items);
    }

    Element alternatives() {
      List<Element> opts = new ArrayList<>();
      opts.add(sequence());
      while (pos < toks.size() && toks.get(pos).equals("|")) {
        pos++;
        opts.add(sequence());
      }
      return opts.size() == 1 ? opts.get(0) : new Alt(opts);
    }

    Element named(Element e, String name) {
      if (e instanceof Leaf l && l.token() instanceof Token.Keyword k && k.name().equals(k.word())) {
        return new Leaf(new Token.Keyword(k.word(), name, k.exact()));
      }
      if (e instanceof Seq s && !s.items().isEmpty()) {
        List<Element> items = new ArrayList<>(s.items());
        items.set(0, named(items.get(0), name));
        return new Seq(items);
      }
      if (e instanceof Alt a) {
        return new Alt(a.options().stream().map(o -> named(o, name)).toList());
      }
      return e;
    }

    void expect(String s) {
      if (pos >= toks.size() || !toks.get(pos).equals(s)) {
        throw new IllegalArgumentException("bad syntax '" + text + "': expected " + s);
      }
      pos++;
    }

    Token token(String t) {
      String name = null;
      int colon = t.lastIndexOf(':');
      if (colon > 0 && !t.endsWith(">")) {
        name = t.substring(colon + 1);
        t = t.substring(0, colon);
      }
      if (t.startsWith("<") && t.endsWith(">")) {
        String[] lh = t.substring(1, t.length() - 1).split("-");
        return new Token.Range(Long.parseLong(lh[0]), Long.parseLong(lh[1]), name == null ? t : name);
      }
      return switch (t) {
        case "A.B.C.D" -> new Token.Ipv4(name == null ? t : name);
        case "WORD" -> new Token.AnyWord(name == null ? t : name);
        case "LINE" -> new Token.Line(name == null ? t : name);
        default -> t.startsWith("=") && t.length() > 1
            ? new Token.Keyword(t.substring(1), name == null ? t.substring(1) : name, true)
            : new Token.Keyword(t, name == null ? t : name, false);
      };
    }
  }
}
