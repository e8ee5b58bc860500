package io.jlns.cli;

import io.jlns.config.Config;
import io.jlns.config.ConfigDraft;
import io.jlns.config.ConfigEdit;
import io.jlns.config.ConfigInterpreter;
import io.jlns.config.Secret;
import io.jlns.config.SecretHasher;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Matcher;
import io.jlns.config.grammar.Mode;
import io.jlns.config.grammar.ParseResult;
import io.jlns.log.LogHub;
import java.io.IOException;
import java.util.List;

/**
 * One operator's CLI session: user EXEC, privileged EXEC, then configuration mode. Every
 * configuration line that succeeds is published to the running configuration at once.
 */
public final class ExecSession {
  private enum Level {
    USER,
    PRIVILEGED,
    CONFIG
  }

  private final CliContext ctx;
  private final ExecGrammar exec;
  private final ConfigInterpreter config;
  private final String line;
  private Level level = Level.USER;
  private boolean awaitingPassword;
  private boolean closed;
  private StringBuilder out = new StringBuilder();
  private volatile LogHub.Monitor monitor;

  /** @param line the name of the terminal line in logs ({@code vty0}) */
  public ExecSession(CliContext ctx, String line) {
    this.ctx = ctx;
    this.exec = new ExecGrammar();
    this.config = new ConfigInterpreter(ctx.grammar());
    this.line = line;
  }

  public String prompt() {
    if (awaitingPassword) {
      return "Password: ";
    }
    String host = ctx.running().get().hostname();
    return switch (level) {
      case USER -> host + ">";
      case PRIVILEGED -> host + "#";
      case CONFIG -> host + config.mode().promptSuffix();
    };
  }

  CliContext context() {
    return ctx;
  }

  Config config() {
    return ctx.running().get();
  }

  void print(String s) {
    out.append(s);
    if (!s.isEmpty() && !s.endsWith("\n")) {
      out.append('\n');
    }
  }

  /** Carries out one line typed at the prompt. */
  public Response execute(String input) {
    out = new StringBuilder();
    if (awaitingPassword) {
      return password(input);
    }
    String text = input.strip();
    if (text.isEmpty() || text.startsWith("!")) {
      return Response.ok("");
    }
    if (level == Level.CONFIG) {
      String[] w = text.split("\\s+", 2);
      if (w[0].equalsIgnoreCase("do")) {
        return w.length < 2 ? Response.error("% Incomplete command.\n") : runExec(exec.privileged, w[1]);
      }
      return configLine(input);
    }
    return runExec(level == Level.USER ? exec.user : exec.privileged, text);
  }

  private Response runExec(Mode<ExecSession> mode, String text) {
    String[] piped = OutputFilter.split(text);
    String cmd = piped == null ? text : piped[0];
    ParseResult<ExecSession> r = Matcher.match(mode, cmd);
    if (!r.ok()) {
      return Response.error(render(r, prompt().length()));
    }
    try {
      r.command().action().run(this, r.args());
    } catch (CommandException e) {
      return new Response(out + "% " + e.getMessage() + "\n", Response.Status.ERROR);
    }
    if (awaitingPassword) {
      return new Response(out.toString(), Response.Status.PASSWORD);
    }
    String result = out.toString();
    if (piped != null) {
      try {
        result = OutputFilter.apply(result, piped[1]);
      } catch (IllegalArgumentException e) {
        return Response.error("% " + e.getMessage() + "\n");
      }
    }
    return new Response(result, closed ? Response.Status.CLOSE : Response.Status.OK);
  }

  private Response configLine(String input) {
    ConfigDraft draft = ctx.running().get().draft();
    ConfigEdit edit = new ConfigEdit(draft, ctx.hasher());
    String before = prompt();
    ConfigInterpreter.Result r = config.execute(edit, input, null);
    StringBuilder b = new StringBuilder();
    r.warnings().forEach(w -> b.append("Warning: ").append(w).append('\n'));
    if (!r.ok()) {
      if (r.errorColumn() >= 0) {
        b.append(" ".repeat(before.length() + r.errorColumn())).append("^\n");
      }
      b.append(r.error()).append('\n');
      return new Response(b.toString(), Response.Status.ERROR);
    }
    ctx.running().publish(draft.freeze());
    if (r.leave()) {
      level = Level.PRIVILEGED;
      ctx.log().accept("%SYS-5-CONFIG_I: Configured from console by " + line);
    }
    return Response.ok(b.toString());
  }

  private static String render(ParseResult<?> r, int promptLength) {
    if (r.error() == ParseResult.Kind.INVALID) {
      return " ".repeat(promptLength + r.column()) + "^\n" + r.message() + "\n";
    }
    return r.message() + "\n";
  }

  /** {@code ?}: help for what may come next in the current mode. */
  public List<Matcher.HelpEntry> help(String input) {
    if (awaitingPassword) {
      return List.of();
    }
    return switch (level) {
      case USER -> Matcher.help(exec.user, input);
      case PRIVILEGED -> Matcher.help(exec.privileged, input);
      case CONFIG -> {
        String t = input.stripLeading();
        if (t.regionMatches(true, 0, "do ", 0, 3)) {
          yield Matcher.help(exec.privileged, t.substring(3));
        }
        yield Matcher.help(config.mode(), input);
      }
    };
  }

  /** Tab completion of the last word. */
  public List<String> complete(String input) {
    return switch (level) {
      case USER -> Matcher.complete(exec.user, input);
      case PRIVILEGED -> Matcher.complete(exec.privileged, input);
      case CONFIG -> Matcher.complete(config.mode(), input);
    };
  }

  public boolean closed() {
    return closed;
  }

  void enable() {
    Config c = config();
    if (c.enableSecret() == null && c.enablePassword() == null) {
      level = Level.PRIVILEGED;
      return;
    }
    awaitingPassword = true;
  }

  private Response password(String attempt) {
    awaitingPassword = false;
    Config c = config();
    Secret s = c.enableSecret() != null ? c.enableSecret() : c.enablePassword();
    if (SecretHasher.verify(s, attempt)) {
      level = Level.PRIVILEGED;
      return Response.ok("");
    }
    ctx.log().accept("%SYS-4-PRIVPASSWORD: Bad enable secret on " + line);
    return Response.error("% Bad secrets\n");
  }

  /** A vty login of privilege 15 lands in privileged EXEC, as on IOS. */
  public void enable15() {
    level = Level.PRIVILEGED;
  }

  void disable() {
    level = Level.USER;
  }

  void configure() {
    config.reset();
    level = Level.CONFIG;
    print("Enter configuration commands, one per line.  End with CNTL/Z.");
  }

  void close() {
    closed = true;
    monitor(false);
  }

  /** {@code terminal [no] monitor}: log and debug lines to this session as they happen. */
  void monitor(boolean on) {
    LogHub.Monitor m = monitor;
    if (on && m == null) {
      monitor = LogHub.get().monitor(line);
    } else if (!on && m != null) {
      m.close();
      monitor = null;
    }
  }

  /** This session's monitor queue while {@code terminal monitor} is on, else null. */
  public LogHub.Monitor monitor() {
    return monitor;
  }

  /** Leaves configuration mode (CNTL/Z). */
  public void endConfig() {
    if (level == Level.CONFIG) {
      level = Level.PRIVILEGED;
      ctx.log().accept("%SYS-5-CONFIG_I: Configured from console by " + line);
    }
  }

  void save() throws CommandException {
    print("Building configuration...");
    try {
      ctx.running().save();
    } catch (IOException e) {
      throw new CommandException("Error: " + e.getMessage());
    }
    print("[OK]");
  }
}
