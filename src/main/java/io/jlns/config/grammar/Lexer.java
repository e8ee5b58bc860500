package io.jlns.config.grammar;

import java.util.ArrayList;
import java.util.List;

/** Splits an IOS command line into words. IOS has no quoting in the commands jlns knows. */
public final class Lexer {
  private Lexer() {}

  public static List<Word> words(String line) {
    List<Word> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(new Word(line.substring(start, i), start));
      }
    }
    return out;
  }

  /** A comment line: IOS treats a line whose first non-blank character is '!' as a comment. */
  public static boolean isComment(String line) {
    String t = line.strip();
    return t.startsWith("!");
  }

  public static boolean isBlank(String line) {
    return line.isBlank();
  }
}
