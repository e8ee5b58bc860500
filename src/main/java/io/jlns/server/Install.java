package io.jlns.server;

import io.jlns.config.RunningConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * {@code jlns install [--root DIR] [--config FILE]}: the jar to {@code /opt/jlns/jlns.jar}, a
 * {@code jlns} command to {@code /usr/local/bin}, the systemd unit to
 * {@code /etc/systemd/system/jlns.service}, and {@code /etc/jlns/jlns.cfg} (mode 0600 in a 0700
 * directory: from {@code --config}, or the seed's configuration with a generated pre-shared key
 * and user, printed once) unless one is there already. {@code --root} installs under another root
 * (packaging, tests).
 */
final class Install {
  private Install() {}

  static final Path CONFIG = Path.of("/etc/jlns/jlns.cfg");
  static final String UNIT = "/io/jlns/server/jlns.service";

  static int run(Path root, String configFrom, Map<String, String> env, PrintStream out) throws IOException {
    Path jar = Path.of(under(root, "/opt/jlns/jlns.jar"));
    Files.createDirectories(jar.getParent());
    Files.copy(self(), jar, StandardCopyOption.REPLACE_EXISTING);
    Path bin = Path.of(under(root, "/usr/local/bin/jlns"));
    Files.createDirectories(bin.getParent());
    Files.writeString(bin, "#!/bin/sh\nexec /usr/bin/java -jar /opt/jlns/jlns.jar \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path unit = Path.of(under(root, "/etc/systemd/system/jlns.service"));
    Files.createDirectories(unit.getParent());
    try (InputStream in = Install.class.getResourceAsStream(UNIT)) {
      Files.write(unit, in.readAllBytes());
    }
    Path cfg = Path.of(under(root, CONFIG.toString()));
    Files.createDirectories(cfg.getParent(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.setPosixFilePermissions(cfg.getParent(), PosixFilePermissions.fromString("rwx------"));
    if (Files.exists(cfg)) {
      out.println("jlns install: " + cfg + " kept as it is");
    } else {
      String text = configFrom != null ? Files.readString(Path.of(configFrom), StandardCharsets.UTF_8)
          : DefaultConfig.text(env, DefaultConfig.secureRandom(), out, "jlns install: " + cfg + " from the seed's example "
              + "configuration (edit it, then 'systemctl reload jlns'):");
      RunningConfig.writeAtomically(cfg, text);
      out.println("jlns install: wrote " + cfg + " (mode 0600)");
    }
    out.println("jlns install: " + jar + ", " + bin + ", " + unit);
    out.println("jlns install: now 'systemctl daemon-reload && systemctl enable --now jlns'; 'journalctl -u jlns' shows its log");
    return 0;
  }

  private static String under(Path root, String abs) {
    return root == null ? abs : root.toString() + abs;
  }

  private static Path self() throws IOException {
    try {
      Path p = Path.of(Install.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isRegularFile(p)) {
        throw new IOException("jlns install runs from the built jar (java -jar target/jlns.jar install), not from " + p);
      }
      return p;
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
