package io.jlns.ppp;

import java.util.Optional;

/** The local user database of the PPP tests: one user, alice, password alicepw. */
public final class TestUsers {
  public static final Credentials ALICE = new Credentials() {
    @Override
    public Optional<String> cleartext(String user) {
      return user.equals("alice") ? Optional.of("alicepw") : Optional.empty();
    }

    @Override
    public boolean verify(String user, String password) {
      return user.equals("alice") && password.equals("alicepw");
    }
  };

  private TestUsers() {}
}
