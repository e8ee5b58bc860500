package io.jlns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps design.md's layer table true: which package may not import which. */
class PackageBoundaryTest {
  private static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
      Map.entry("config", List.of("io.jlns.cli", "io.jlns.server", "io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp",
          "java.net.Socket", "java.nio.channels.SocketChannel", "io.netty")),
      Map.entry("cli", List.of("io.jlns.server", "io.jlns.ike.", "io.jlns.esp.", "io.jlns.l2tp.", "io.jlns.ppp.")),
      Map.entry("ike", List.of("io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp", "io.jlns.demux", "io.jlns.server", "io.netty")),
      Map.entry("esp", List.of("io.jlns.ike", "io.jlns.l2tp", "io.jlns.ppp", "io.jlns.server", "io.jlns.config")),
      Map.entry("demux", List.of("io.jlns.ppp", "io.jlns.l2tp", "io.jlns.ike", "io.jlns.server")),
      Map.entry("l2tp", List.of("io.jlns.ike", "io.jlns.esp", "io.jlns.demux", "io.jlns.server")),
      // The client fleet is a tool beside the server: nothing of the server side may load it.
      Map.entry("server", List.of("io.jlns.loadgen")),
      Map.entry("ppp", List.of("io.jlns.loadgen", "io.jlns.server")),
      Map.entry("loadgen", List.of("io.jlns.server", "io.jlns.cli", "io.jlns.config")),
      // Operations (logging, debugging, syslog) sit beside every layer: they know none of them.
      Map.entry("log", List.of("io.jlns.config", "io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp", "io.jlns.server",
          "io.jlns.cli", "io.netty")),
      Map.entry("debug", List.of("io.jlns.config", "io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp",
          "io.jlns.server", "io.jlns.cli")),
      Map.entry("vty", List.of("io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp", "io.jlns.server")),
      Map.entry("metrics", List.of("io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp", "io.jlns.server")),
      // Captures hold packets and key tables; the server's hooks feed them: they know no protocol layer.
      Map.entry("capture", List.of("io.jlns.config", "io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp",
          "io.jlns.server", "io.jlns.cli", "io.netty")),
      Map.entry("syslog", List.of("io.jlns.config", "io.jlns.ike", "io.jlns.esp", "io.jlns.l2tp", "io.jlns.ppp",
          "io.jlns.server", "io.jlns.cli")));

  @Test
  void layersImportOnlyWhatTheDesignAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (var e : FORBIDDEN.entrySet()) {
      Path dir = Path.of("src/main/java/io/jlns", e.getKey());
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          for (String line : Files.readAllLines(f)) {
            if (line.startsWith("import ")) {
              e.getValue().stream().filter(line::contains).forEach(bad -> violations.add(f + ": " + line));
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void classesStaySmall() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> big = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > 450)
          .map(p -> p + " (" + lines(p) + " lines)").toList();
      assertThat(big).isEmpty();
    }
  }

  private static long lines(Path p) {
    try {
      return Files.readAllLines(p).size();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
