package io.jlns.config;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;

/** {@code crypto call admission limit ike ...}: admission control for IKE (see {@link CallAdmission}). */
final class AdmissionCommands {
  private AdmissionCommands() {}

  private static final String PREFIX = "crypto call admission limit ike ";

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    m.add(PREFIX + "in-negotiation-sa <10-99999>:n", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withInNegotiation(a.integer("n"));
      return Outcome.STAY;
    }, "call", "Call admission control", "admission", "Call admission control", "limit", "Limit on new connections",
        "ike", "IKE (ISAKMP) security associations", "in-negotiation-sa", "Maximum number of in-negotiation IKE SAs",
        "n", "Number of in-negotiation IKE SAs (default " + CallAdmission.DEFAULT_IN_NEGOTIATION + ")");
    m.add(PREFIX + "in-negotiation-sa per-address <1-99999>:n", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withPerAddress(a.integer("n"));
      return Outcome.STAY;
    }, "per-address", "Maximum from one source address (a NAT's clients share one)",
        "n", "Number of in-negotiation IKE SAs per source address (default " + CallAdmission.DEFAULT_PER_ADDRESS + ")");
    m.add(PREFIX + "sa <1-99999>:n", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withSa(a.integer("n"));
      return Outcome.STAY;
    }, "sa", "Maximum number of IKE SAs, established and in negotiation", "n", "Number of IKE SAs");
    m.add("no " + PREFIX + "in-negotiation-sa [<10-99999>]", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withInNegotiation(CallAdmission.DEFAULT_IN_NEGOTIATION);
      return Outcome.STAY;
    });
    m.add("no " + PREFIX + "in-negotiation-sa per-address [<1-99999>]", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withPerAddress(CallAdmission.DEFAULT_PER_ADDRESS);
      return Outcome.STAY;
    });
    m.add("no " + PREFIX + "sa [<1-99999>]", (c, a) -> {
      c.draft().callAdmission = c.draft().callAdmission.withSa(0);
      return Outcome.STAY;
    });
  }
}
