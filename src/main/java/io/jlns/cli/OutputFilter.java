package io.jlns.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** IOS output modifiers: {@code | include|exclude|begin|section|count REGEX}. */
final class OutputFilter {
  private OutputFilter() {}

  /** Splits {@code show ... | include X} into the command and the filter, or returns null. */
  static String[] split(String line) {
    int bar = line.indexOf(" | ");
    if (bar < 0) {
      return null;
    }
    return new String[] {line.substring(0, bar), line.substring(bar + 3).strip()};
  }

  static String apply(String text, String filter) throws IllegalArgumentException {
    String[] w = filter.split("\\s+", 2);
    String op = w[0].toLowerCase(java.util.Locale.ROOT);
    Pattern re;
    try {
      re = Pattern.compile(w.length > 1 ? w[1] : "");
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("Invalid regular expression: " + e.getDescription());
    }
    List<String> lines = text.lines().toList();
    List<String> out = new ArrayList<>();
    if ("include".startsWith(op) && op.length() >= 1 && !op.equals("e")) {
      lines.stream().filter(l -> re.matcher(l).find()).forEach(out::add);
    } else if ("exclude".startsWith(op) && op.length() >= 1) {
      lines.stream().filter(l -> !re.matcher(l).find()).forEach(out::add);
    } else if ("begin".startsWith(op)) {
      boolean on = false;
      for (String l : lines) {
        on = on || re.matcher(l).find();
        if (on) {
          out.add(l);
        }
      }
    } else if ("section".startsWith(op)) {
      boolean on = false;
      for (String l : lines) {
        boolean child = !l.isEmpty() && Character.isWhitespace(l.charAt(0));
        if (!child) {
          on = re.matcher(l).find();
        }
        if (on) {
          out.add(l);
        }
      }
    } else if ("count".startsWith(op)) {
      return "Number of lines which match regexp = " + lines.stream().filter(l -> re.matcher(l).find()).count() + "\n";
    } else {
      throw new IllegalArgumentException("Unknown output modifier '" + w[0] + "' (include, exclude, begin, section, count)");
    }
    return out.isEmpty() ? "" : String.join("\n", out) + "\n";
  }
}
