package io.jlns.aaa;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.Config;
import io.jlns.config.ConfigGrammar;
import io.jlns.config.ConfigLoader;
import io.jlns.config.SecretHasher;
import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.AuthResult;
import io.jlns.ppp.Authorization;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@code aaa authentication ppp default ...}: IOS's method-list semantics. */
class PppAuthenticationTest {
  private final List<String> asked = new ArrayList<>();
  private final List<Runnable> onLoop = new ArrayList<>();
  private AuthResult radius = AuthResult.error("no response from R1");

  private static Config config(String methods, boolean authorization) {
    String text = "aaa new-model\nusername alice password 0 alicepw\nusername sec secret 0 x\n"
        + "radius-server host 192.0.2.9 key 0 k\n" + (methods.isEmpty() ? "" : "aaa authentication ppp default " + methods + "\n")
        + (authorization ? "aaa authorization network default group radius\n" : "");
    return new ConfigLoader(new ConfigGrammar(), new SecretHasher(new SplittableRandom(1))).load(text).config();
  }

  private AuthResult run(Config c, AuthRequest r) {
    PppAuthentication auth = new PppAuthentication(() -> c, new LocalUsers(() -> c), (group, req, done) -> {
      asked.add(group);
      done.accept(radius);
    }, onLoop::add);
    List<AuthResult> out = new ArrayList<>();
    auth.authenticate(r, out::add);
    while (!onLoop.isEmpty()) {
      onLoop.remove(0).run();
    }
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  private static AuthRequest pap(String user, String pw) {
    return new AuthRequest("Virtual-Access1", AuthRequest.Method.PAP, user, 0, new byte[0], new byte[0], pw,
        AuthRequest.Caller.UNKNOWN);
  }

  @Test
  void withoutAListTheLocalUsersDecide() {
    Config c = config("", false);
    assertThat(run(c, pap("alice", "alicepw")).status()).isEqualTo(AuthResult.Status.ACCEPT);
    assertThat(run(c, pap("alice", "nope")).status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(run(c, pap("mallory", "x")).status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(asked).isEmpty();
  }

  @Test
  void radiusThatDoesNotAnswerFallsThroughToLocalButARejectionStops() {
    Config c = config("group radius local", false);
    assertThat(run(c, pap("alice", "alicepw")).status()).isEqualTo(AuthResult.Status.ACCEPT);
    assertThat(asked).containsExactly("radius");
    radius = AuthResult.reject(null, "RADIUS server R1 rejected the user");
    AuthResult r = run(c, pap("alice", "alicepw"));
    assertThat(r.status()).as("IOS: a FAIL is final").isEqualTo(AuthResult.Status.REJECT);
    assertThat(r.reason()).contains("rejected");
  }

  @Test
  void anUnknownLocalUserGoesOnToRadiusAndNoneLetsAnyoneIn() {
    radius = AuthResult.accept(null, Authorization.NONE);
    assertThat(run(config("local group radius", false), pap("bob", "bobpw")).status()).isEqualTo(AuthResult.Status.ACCEPT);
    assertThat(run(config("local group radius", false), pap("alice", "wrong")).status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(asked).containsExactly("radius");
    radius = AuthResult.error("every server is marked dead");
    assertThat(run(config("group radius none", false), pap("anyone", "x")).status()).isEqualTo(AuthResult.Status.ACCEPT);
    AuthResult none = run(config("group radius", false), pap("anyone", "x"));
    assertThat(none.status()).isEqualTo(AuthResult.Status.REJECT);
    assertThat(none.reason()).contains("every server is marked dead");
  }

  @Test
  void accessAcceptAttributesApplyOnlyWithNetworkAuthorization() {
    Authorization a = new Authorization(0x0a000001, null, 60, 0, 0, List.of(), 0, List.of());
    radius = AuthResult.accept(null, a);
    assertThat(run(config("group radius", false), pap("bob", "x")).authorization()).isEqualTo(Authorization.NONE);
    assertThat(run(config("group radius", true), pap("bob", "x")).authorization()).isEqualTo(a);
  }

  @Test
  void theTemplatesNamedListIsUsedAndAnUndefinedOneFallsBackToDefault() {
    Config c = new ConfigLoader(new ConfigGrammar(), new SecretHasher(new SplittableRandom(1))).load(
        "aaa new-model\nusername alice password 0 alicepw\nradius-server host 192.0.2.9 key 0 k\n"
        + "aaa authentication ppp default local\naaa authentication ppp VPN group radius\n").config();
    radius = AuthResult.accept(null, Authorization.NONE);
    AuthRequest named = new AuthRequest("Virtual-Access1", AuthRequest.Method.PAP, "bob", 0, new byte[0], new byte[0], "x",
        AuthRequest.Caller.UNKNOWN, "VPN");
    assertThat(run(c, named).status()).isEqualTo(AuthResult.Status.ACCEPT);
    assertThat(asked).containsExactly("radius");
    AuthRequest undefined = new AuthRequest("Virtual-Access1", AuthRequest.Method.PAP, "bob", 0, new byte[0], new byte[0], "x",
        AuthRequest.Caller.UNKNOWN, "NOPE");
    assertThat(run(c, undefined).status()).as("default: local, where bob is unknown").isEqualTo(AuthResult.Status.REJECT);
    assertThat(asked).hasSize(1);
  }
}
