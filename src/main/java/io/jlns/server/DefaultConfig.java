package io.jlns.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The embedded default configuration: the seed document's example, with the pre-shared key and
 * one PPP user taken from JLNS_PSK, JLNS_USER and JLNS_PASSWORD, or generated and printed once.
 */
final class DefaultConfig {
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

  private DefaultConfig() {}

  static String text(Map<String, String> env, RandomGenerator random, PrintStream console) throws IOException {
    return text(env, random, console, "jlns: no --config given: running the embedded default configuration (the seed's example).");
  }

  /** The template with its secrets filled in; {@code header} is said first on the console. */
  static String text(Map<String, String> env, RandomGenerator random, PrintStream console, String header) throws IOException {
    String template;
    try (InputStream in = DefaultConfig.class.getResourceAsStream("default-lns.cfg")) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String psk = env.get("JLNS_PSK");
    String user = env.getOrDefault("JLNS_USER", "vpnuser");
    String password = env.get("JLNS_PASSWORD");
    console.println(header);
    if (psk == null || psk.isBlank()) {
      psk = generate(random, 24);
      console.println("jlns: generated pre-shared key (set JLNS_PSK to choose it): " + psk);
    }
    if (password == null || password.isBlank()) {
      password = generate(random, 16);
      console.println("jlns: generated PPP user '" + user + "' (set JLNS_USER/JLNS_PASSWORD): password " + password);
    }
    if (!user.matches("[A-Za-z0-9_.@-]+") || psk.contains(" ") || password.contains(" ")) {
      throw new IOException("JLNS_USER must be one word of letters, digits and _.@-; JLNS_PSK and JLNS_PASSWORD"
          + " must not contain spaces");
    }
    return template.replace("${PSK}", psk).replace("${USER}", user).replace("${PASSWORD}", password);
  }

  static String generate(RandomGenerator random, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
    }
    return b.toString();
  }

  static RandomGenerator secureRandom() {
    return new SecureRandom();
  }
}
