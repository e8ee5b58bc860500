package io.jlns.vty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The SSH host key, kept in one file beside the configuration (mode 0600, made at the first
 * start): IOS keeps its keys out of the configuration too. {@code crypto key generate rsa modulus
 * N} replaces it: the new key is written to a temporary file and moved over the old one, so a
 * crash leaves one key or the other, never none.
 */
final class HostKeys {
  static final int DEFAULT_BITS = 3072;

  private HostKeys() {}

  static SimpleGeneratorHostKeyProvider provider(Path file, int bits) {
    SimpleGeneratorHostKeyProvider p = new SimpleGeneratorHostKeyProvider(file);
    p.setAlgorithm("RSA");
    p.setKeySize(bits);
    return p;
  }

  /** Generates a new RSA key of {@code bits} into {@code file}; returns the provider of it. */
  static SimpleGeneratorHostKeyProvider regenerate(Path file, int bits, Consumer<String> log) throws IOException {
    long t0 = System.nanoTime();
    Path tmp = file.resolveSibling(file.getFileName() + ".new");
    Files.deleteIfExists(tmp);
    SimpleGeneratorHostKeyProvider fresh = provider(tmp, bits);
    KeyPair k = fresh.loadKeys(null).iterator().next();
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.accept("%SSH-5-KEYGEN: a " + bits + "-bit RSA host key was generated in " + (System.nanoTime() - t0) / 1_000_000
        + " ms and written to " + file + " (" + KeyUtils.getFingerPrint(k.getPublic()) + "): new SSH sessions use it");
    return provider(file, bits);
  }
}
