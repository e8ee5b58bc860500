package io.jlns.config.grammar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The words a command line bound to its syntax's named tokens, in order. */
public final class Args {
  private final Map<String, List<String>> values;
  private final boolean negated;

  Args(Map<String, List<String>> values, boolean negated) {
    this.values = values;
    this.negated = negated;
  }

  static Args empty() {
    return new Args(Map.of(), false);
  }

  Args with(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(values);
    List<String> list = new ArrayList<>(copy.getOrDefault(name, List.of()));
    list.add(value);
    copy.put(name, Collections.unmodifiableList(list));
    return new Args(copy, negated);
  }

  /** Whether the line started with {@code no} (the syntax's optional leading {@code [no]}). */
  public boolean negated() {
    return negated || values.containsKey("no");
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name) {
    List<String> v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no argument " + name);
    }
    return v.get(0);
  }

  public Optional<String> opt(String name) {
    List<String> v = values.get(name);
    return v == null ? Optional.empty() : Optional.of(v.get(0));
  }

  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  public int integer(String name) {
    return Integer.parseInt(get(name));
  }

  public long number(String name) {
    return Long.parseLong(get(name));
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
