package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the configuration loader, from the seed's configuration and the
 * examples: any text loads or is refused with diagnostics, never an exception; what loads prints
 * as {@code show running-config} and that text loads back to the same configuration and the
 * same text (the printer and the parser agree on everything the parser accepts).
 */
class ConfigLoaderFuzzTest {
  @FuzzTest
  void anyTextLoadsOrIsRefusedAndWhatLoadsRoundTrips(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    ConfigLoader.Loaded l = Configs.load(text);
    if (!l.ok()) {
      assertThat(l.diagnostics()).isNotEmpty();
      return;
    }
    String printed = ConfigPrinter.full(l.config());
    ConfigLoader.Loaded again = Configs.load(printed);
    assertThat(again.ok()).as("the printed configuration loads:\n%s\n%s", printed, again.diagnostics()).isTrue();
    assertThat(again.config()).as("printed:\n%s", printed).isEqualTo(l.config());
    assertThat(ConfigPrinter.full(again.config())).isEqualTo(printed);
  }
}
