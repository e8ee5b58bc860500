package io.jlns.ppp;

import java.util.Optional;

/** The local user database as PPP authentication sees it ({@code aaa authentication ppp default local}). */
public interface Credentials {
  /** The clear-text password CHAP needs, if the user exists and has one. */
  Optional<String> cleartext(String user);

  /** PAP: whether the password is right (clear or one-way secrets). */
  boolean verify(String user, String password);

  /** Whether the user is configured at all (an unknown user lets the method list go on). */
  default boolean exists(String user) {
    return cleartext(user).isPresent();
  }
}
