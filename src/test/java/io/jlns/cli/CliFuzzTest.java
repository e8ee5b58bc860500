package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jlns.config.ConfigLoader;
import io.jlns.config.ConfigPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage-guided fuzzing of the CLI through the control socket's protocol: request lines of any
 * operation, built from IOS words and arbitrary text, on the seed's configuration with a local
 * user. Invariants: nothing escapes; every reply is output lines and one status-and-prompt line;
 * no secret the request did not itself contain is ever printed or logged; and whatever the lines
 * did, the running configuration still prints as text that loads back to it.
 */
class CliFuzzTest {
  private static final String PSK = "Fuzz-Psk-7f3a";
  private static final String PASSWORD = "Al1ce-Pw-9c2e";
  private static final char[] OPS = {ControlProtocol.EXECUTE, ControlProtocol.EXECUTE, ControlProtocol.EXECUTE,
      ControlProtocol.HELP, ControlProtocol.COMPLETE, ControlProtocol.END, ControlProtocol.PROMPT, 'Q'};
  private static final String[] WORDS = {"show", "running-config", "configure", "terminal", "enable", "end", "exit", "no",
      "crypto", "isakmp", "ipsec", "sa", "policy", "key", "keyring", "pre-shared-key", "address", "transform-set", "dynamic-map",
      "map", "set", "nat", "demux", "vpdn", "vpdn-group", "session", "tunnel", "l2tp", "interface", "Virtual-Template1",
      "Loopback0", "ip", "local", "pool", "POOL", "username", "alice", "password", "secret", "aaa", "new-model", "group",
      "radius", "server", "authentication", "ppp", "default", "test", "clear", "write", "memory", "terminal", "version",
      "call", "admission", "limit", "|", "include", "begin", "?", "1", "0", "255.255.255.0", "10.0.0.1", "hostname", "!",
      "accept-dialin", "protocol", "virtual-template", "lifetime", "seconds", "kilobytes", "keepalive", "detail", "all"};
  private static final Path STARTUP = startup();
  private static final Sessions.Loaded SEED = Sessions.load(Sessions.seed().replace("key seed-psk", "key " + PSK)
      + "username alice password 0 " + PASSWORD + "\n", new io.jlns.config.ConfigGrammar());

  private static Path startup() {
    try {
      Path p = Files.createTempFile("jlns-clifuzz", ".cfg");
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void anyRequestLinesKeepTheReplyProtocolTheSecretsAndALoadableConfig(FuzzedDataProvider data) {
    Sessions s = new Sessions(SEED, STARTUP, IpsecView.NONE, VpdnView.NONE);
    ExecSession session = s.session();
    int requests = data.consumeInt(1, 12);
    for (int i = 0; i < requests; i++) {
      char op = data.pickValue(OPS);
      String request = op + " " + text(data);
      List<String> reply = ControlServer.reply(session, request);
      assertThat(reply).isNotEmpty();
      assertThat(reply.subList(0, reply.size() - 1)).allSatisfy(l -> assertThat(l).startsWith(". ").doesNotContain("\n"));
      assertThat(reply.get(reply.size() - 1)).matches("\\$ (OK|ERROR|PASSWORD|CLOSE) .*");
      for (String secret : List.of(PSK, PASSWORD)) {
        if (!request.contains(secret)) {
          assertThat(String.join("\n", reply)).doesNotContain(secret);
          assertThat(s.log).noneMatch(l -> l.contains(secret));
        }
      }
      if (session.closed()) {
        break;
      }
    }
    String printed = ConfigPrinter.full(s.config());
    ConfigLoader.Loaded again = new ConfigLoader(s.ctx.grammar(), new io.jlns.config.SecretHasher(new java.util.SplittableRandom(1)))
        .load(printed);
    assertThat(again.ok()).as("the running configuration loads back:\n%s\n%s", printed, again.diagnostics()).isTrue();
    assertThat(again.config()).isEqualTo(s.config());
  }

  /** IOS words and arbitrary text, the way an operator (or a script gone wrong) types. */
  private static String text(FuzzedDataProvider data) {
    StringBuilder b = new StringBuilder();
    int words = data.consumeInt(0, 8);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(data.consumeBoolean() ? data.pickValue(WORDS) : data.consumeString(24));
    }
    return b.toString();
  }
}
