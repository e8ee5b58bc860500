package io.jlns.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@code show running-config} is a faithful serialisation: parse(print(x)) == x. */
class RoundTripProperties {
  @Property(tries = 400)
  void parsingThePrintedConfigGivesItBack(@ForAll long seed) {
    Config c = RandomConfigs.generate(seed);
    String printed = ConfigPrinter.full(c);
    ConfigLoader.Loaded l = Configs.load(printed);
    assertThat(l.ok()).as("seed %d:\n%s\n%s", seed, printed, l.diagnostics()).isTrue();
    assertThat(l.config()).as("seed %d:\n%s", seed, printed).isEqualTo(c);
    assertThat(ConfigPrinter.full(l.config())).isEqualTo(printed);
  }

  @Property(tries = 100)
  void theMaskedPrintHidesEverySecret(@ForAll long seed) {
    Config c = RandomConfigs.generate(seed);
    String shown = ConfigPrinter.masked(c);
    c.users().values().forEach(u -> assertThat(shown).doesNotContain(" " + u.credential().value()));
    c.keyrings().values().forEach(k -> k.keys().forEach(p -> assertThat(shown).doesNotContain("key " + p.key().value())));
    c.isakmpKeys().forEach(p -> assertThat(shown).doesNotContain("key " + p.key().value()));
    if (c.enableSecret() != null) {
      assertThat(shown).doesNotContain(c.enableSecret().value());
    }
    c.aaa().servers().values().stream().filter(s -> s.key() != null)
        .forEach(s -> assertThat(shown).doesNotContain(s.key().value()));
    if (c.aaa().globals().key() != null) {
      assertThat(shown).doesNotContain(c.aaa().globals().key().value());
    }
    c.aaa().dynamicAuthor().clients().values().forEach(k -> assertThat(shown).doesNotContain(k.value()));
  }
}
