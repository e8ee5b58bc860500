package io.jlns.ppp;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where PPP authentication asks whether a user may in: the AAA method list ({@code aaa
 * authentication ppp}), local users, RADIUS. One request, answered exactly once, on the thread
 * that owns the session (an implementation that waits on a server hands its answer back to it).
 */
public interface AuthService {
  void authenticate(AuthRequest request, Consumer<AuthResult> done);

  /**
   * The local {@code username} lines alone: a wrong password is a rejection, an unknown user
   * (or one whose secret cannot answer this method) is an {@link AuthResult.Status#ERROR}.
   */
  static AuthService local(Credentials users) {
    return (r, done) -> done.accept(checkLocally(users, r));
  }

  /** The local check, synchronous: what {@link #local} answers. */
  static AuthResult checkLocally(Credentials users, AuthRequest r) {
    if (r.method() == AuthRequest.Method.PAP) {
      if (!users.exists(r.user())) {
        return AuthResult.error("no local user " + r.user());
      }
      return users.verify(r.user(), r.password()) ? AuthResult.accept(null, Authorization.NONE)
          : AuthResult.reject(null, "wrong password (pap)");
    }
    String user = r.localUser();
    Optional<String> password = users.cleartext(user);
    if (password.isEmpty()) {
      return users.exists(user) ? AuthResult.reject(null, "user " + user + " has a one-way secret, which "
          + r.method().keyword + " cannot check (use 'password')") : AuthResult.error("no local user " + user);
    }
    String success = ChapCheck.successMessage(r, user, password.get());
    return success != null ? AuthResult.accept(success, Authorization.NONE)
        : AuthResult.reject(null, "wrong password (" + r.method().keyword + ")");
  }
}
