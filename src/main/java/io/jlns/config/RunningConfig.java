package io.jlns.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The configuration in force. Readers take a snapshot with {@link #get()} (new SAs and sessions
 * use the snapshot of their moment); writers publish a whole new configuration at once.
 */
public final class RunningConfig {
  private final AtomicReference<Config> current;
  private final Path startupFile;
  private final List<Consumer<Config>> listeners = new CopyOnWriteArrayList<>();

  /** @param startupFile where {@code write memory} saves, or null (embedded default) */
  public RunningConfig(Config initial, Path startupFile) {
    this.current = new AtomicReference<>(initial);
    this.startupFile = startupFile;
  }

  public Config get() {
    return current.get();
  }

  public Path startupFile() {
    return startupFile;
  }

  /** Makes {@code c} the running configuration and tells the listeners. */
  public synchronized void publish(Config c) {
    current.set(c);
    for (Consumer<Config> l : listeners) {
      l.accept(c);
    }
  }

  public void onChange(Consumer<Config> listener) {
    listeners.add(listener);
  }

  /**
   * Saves the running configuration, secrets included, to the startup file: written to a
   * temporary file (mode 0600) in the same directory, synced, then renamed over the old one, so
   * a crash leaves either the old or the new file, never half of one.
   */
  public synchronized Path save() throws IOException {
    if (startupFile == null) {
      throw new IOException("the server runs on its embedded default configuration; start it with"
          + " 'jlns run --config FILE' to have a startup configuration file");
    }
    writeAtomically(startupFile, ConfigPrinter.full(get()));
    return startupFile;
  }

  public static void writeAtomically(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(StandardCharsets.UTF_8.encode(text));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
