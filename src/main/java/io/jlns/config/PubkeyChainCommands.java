package io.jlns.config;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code ip ssh pubkey-chain} as IOS has it: {@code username U} under it, and under that either
 * {@code key-hash TYPE HASH [COMMENT]} or {@code key-string}, whose lines are the key's base64
 * (pasted as {@code ssh-keygen} writes it, its {@code ssh-rsa} prefix and comment taken too)
 * until {@code exit}; IOS then keeps only the key's MD5 hash, and so does jlns: the running
 * configuration shows {@code key-hash ssh-rsa 8FB4...}.
 */
final class PubkeyChainCommands {
  private PubkeyChainCommands() {}

  /** What {@code key-string} gathers until its {@code exit}. */
  private record KeyString(String user, StringBuilder data) {}

  private static final java.util.concurrent.atomic.AtomicLong KEY_REQUESTS = new java.util.concurrent.atomic.AtomicLong();

  static void install(ConfigGrammar g) {
    g.global.add("crypto key generate rsa [general-keys] [label WORD:keylabel] [modulus <360-4096>:bits]", (c, a) -> {
      int bits = a.has("bits") ? a.integer("bits") : 3072;
      if (bits < 1024) {
        throw new CommandException("SSH clients refuse RSA host keys under 1024 bits (OpenSSH); use 2048 or more");
      }
      if (bits < 2048) {
        c.warn("a " + bits + "-bit RSA key is weak: 2048 or more is recommended");
      }
      c.draft().management = c.draft().management.withKeyRequest(new Management.KeyRequest(bits,
          KEY_REQUESTS.incrementAndGet()));
      c.warn("The key modulus size is " + bits + " bits: generating the SSH host key (RSA" + (a.has("keylabel") ? ", label "
          + a.get("keylabel") : "") + "); new SSH sessions use it, open ones keep theirs");
      return Outcome.STAY;
    }, "key", "Long term key operations", "generate", "Generate new keys", "rsa", "Generate RSA keys", "general-keys",
        "Generate a general purpose RSA key pair for signing and encryption", "label", "Provide a label", "keylabel", "Label", "modulus",
        "Provide number of modulus bits on the command line", "bits", "Modulus size (jlns: 1024 to 4096; default 3072)");
    Mode<ConfigEdit> chain = g.pubkeyChain;
    Mode<ConfigEdit> user = g.pubkeyUser;
    g.global.add("ip ssh pubkey-chain", (c, a) -> Outcome.enter(chain, null), "pubkey-chain",
        "pubkey-chain: public keys of users who log in with a key");
    g.global.add("no ip ssh pubkey-chain", (c, a) -> {
      c.draft().management = c.draft().management.withPubkeys(Map.of());
      return Outcome.STAY;
    });
    chain.add("username WORD:u", (c, a) -> {
      String u = a.get("u");
      Map<String, List<Management.PubKey>> keys = new LinkedHashMap<>(c.draft().management.pubkeys());
      keys.putIfAbsent(u, List.of());
      c.draft().management = c.draft().management.withPubkeys(keys);
      return Outcome.enter(user, u);
    }, "username", "Config public key chain for a user", "u", "User name");
    chain.add("no username WORD:u", (c, a) -> {
      Map<String, List<Management.PubKey>> keys = new LinkedHashMap<>(c.draft().management.pubkeys());
      keys.remove(a.get("u"));
      c.draft().management = c.draft().management.withPubkeys(keys);
      return Outcome.STAY;
    });
    chain.add("(exit|quit)", (c, a) -> Outcome.EXIT, "exit", "Exit from public-key configuration mode", "quit",
        "Exit from public-key configuration mode");
    user.add("key-hash (ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|ssh-ed25519):type WORD:hash "
        + "[LINE:comment]", (c, a) -> {
          String h = a.get("hash");
          if (!h.matches("[0-9A-Fa-f]{32}")) {
            throw new CommandException("Invalid key hash: 32 hex digits (the key's MD5), as show running-config prints it");
          }
          add(c, c.key(), new Management.PubKey(a.get("type"), h.toUpperCase(java.util.Locale.ROOT),
              a.opt("comment").orElse(null)));
          return Outcome.STAY;
        }, "key-hash", "Add a public key by its hash", "type", "Key type", "hash", "MD5 hash of the key (32 hex digits)",
        "comment", "Comment");
    user.add("no key-hash (ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|ssh-ed25519):type "
        + "WORD:hash [LINE]", (c, a) -> {
          String u = c.key();
          Map<String, List<Management.PubKey>> keys = new LinkedHashMap<>(c.draft().management.pubkeys());
          keys.computeIfPresent(u, (k, l) -> l.stream().filter(p -> !p.md5().equalsIgnoreCase(a.get("hash"))).toList());
          c.draft().management = c.draft().management.withPubkeys(keys);
          return Outcome.STAY;
        });
    user.add("key-string", (c, a) -> Outcome.enter(g.pubkeyData, new KeyString(c.key(), new StringBuilder())),
        "key-string", "Enter a public key (its base64, on as many lines as needed, then exit)");
    user.add("(exit|quit)", (c, a) -> Outcome.EXIT, "exit", "Exit from public-key configuration mode", "quit",
        "Exit from public-key configuration mode");
    g.pubkeyData.add("LINE:data", (c, a) -> {
      KeyString k = c.key();
      String d = a.get("data").strip();
      if (d.equals("exit") || d.equals("quit")) {
        try {
          add(c, k.user(), pubKey(k.data().toString()));
        } catch (CommandException e) {
          // As IOS: the key is not taken, and the mode is left all the same (else what follows would be read as key data).
          c.warn("key-string of user " + k.user() + " not taken: " + e.getMessage());
        }
        return Outcome.EXIT;
      }
      k.data().append(' ').append(d);
      return Outcome.STAY;
    });
  }

  private static void add(ConfigEdit c, String user, Management.PubKey key) {
    Map<String, List<Management.PubKey>> keys = new LinkedHashMap<>(c.draft().management.pubkeys());
    List<Management.PubKey> l = new ArrayList<>(keys.getOrDefault(user, List.of()));
    l.removeIf(p -> p.md5().equals(key.md5()));
    l.add(key);
    keys.put(user, l);
    c.draft().management = c.draft().management.withPubkeys(keys);
  }

  /**
   * The key of pasted {@code key-string} text: the base64 of an RFC 4253 public key blob (its
   * first field names its type), alone or as an OpenSSH public key line ({@code TYPE BASE64 COMMENT}).
   */
  static Management.PubKey pubKey(String text) throws CommandException {
    String[] words = text.strip().split("\\s+");
    StringBuilder b64 = new StringBuilder();
    String comment = null;
    int i = 0;
    if (i < words.length && words[i].matches("ssh-[a-z0-9]+|ecdsa-sha2-nistp[0-9]+")) {
      i++;
    }
    for (; i < words.length; i++) {
      if (!words[i].matches("[A-Za-z0-9+/]+={0,2}")) {
        comment = String.join(" ", java.util.Arrays.copyOfRange(words, i, words.length));
        break;
      }
      b64.append(words[i]);
    }
    byte[] blob;
    try {
      blob = Base64.getDecoder().decode(b64.toString());
    } catch (IllegalArgumentException e) {
      throw new CommandException("Invalid key-string: not base64 (" + e.getMessage() + ")");
    }
    ByteBuffer bb = ByteBuffer.wrap(blob);
    if (blob.length < 8 || bb.getInt(0) <= 0 || bb.getInt(0) > blob.length - 4) {
      throw new CommandException("Invalid key-string: not an SSH public key");
    }
    String type = new String(blob, 4, bb.getInt(0), StandardCharsets.US_ASCII);
    if (!type.matches("ssh-rsa|ecdsa-sha2-nistp(256|384|521)|ssh-ed25519")) {
      throw new CommandException("Invalid key-string: key type '" + type + "' not supported (ssh-rsa, ecdsa-sha2-*, ssh-ed25519)");
    }
    return new Management.PubKey(type, md5(blob), comment);
  }

  /** The hash IOS keeps of a key: MD5 of its blob, 32 upper-case hex digits. */
  static String md5(byte[] blob) {
    try {
      return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(blob));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void print(Management mg, Consumer<String> line) {
    if (mg.pubkeys().isEmpty()) {
      return;
    }
    line.accept("ip ssh pubkey-chain");
    mg.pubkeys().forEach((u, keys) -> {
      line.accept("  username " + u);
      keys.forEach(k -> line.accept("   " + k.text()));
    });
  }
}
