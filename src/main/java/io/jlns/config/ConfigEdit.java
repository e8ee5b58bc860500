package io.jlns.config;

import io.jlns.config.grammar.CommandException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a configuration command works on: the draft, the key of the entity the current sub-mode
 * edits, and a sink for warnings about the line.
 */
public final class ConfigEdit {
  private final ConfigDraft draft;
  private final SecretHasher hasher;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> inert = new ArrayList<>();
  private Object key;
  private String line = "";

  public ConfigEdit(ConfigDraft draft, SecretHasher hasher) {
    this.draft = draft;
    this.hasher = hasher;
  }

  public ConfigDraft draft() {
    return draft;
  }

  public SecretHasher hasher() {
    return hasher;
  }

  @SuppressWarnings("unchecked")
  public <T> T key() {
    return (T) key;
  }

  void key(Object k) {
    key = k;
  }

  /** The line being carried out, verbatim, for commands that keep it as written. */
  public String line() {
    return line;
  }

  void line(String l) {
    line = l;
  }

  public void warn(String message) {
    warnings.add(message);
  }

  /** Records that the line was accepted and kept, but does not act on the LNS. */
  public void inert(String message) {
    inert.add(message);
  }

  List<String> takeWarnings() {
    List<String> w = List.copyOf(warnings);
    warnings.clear();
    return w;
  }

  List<String> takeInert() {
    List<String> w = List.copyOf(inert);
    inert.clear();
    return w;
  }

  public static CommandException fail(String message) {
    return new CommandException(message);
  }
}
