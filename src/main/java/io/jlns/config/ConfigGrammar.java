package io.jlns.config;

import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.Mode;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration modes of the IOS dialect jlns speaks and every command in them, declared
 * once: the file loader, the CLI, {@code ?} help and completion all read these tables.
 */
public final class ConfigGrammar {
  private final Map<String, String> glossary = new HashMap<>();
  public final Mode<ConfigEdit> global = mode("config", null, false);
  public final Mode<ConfigEdit> iface = mode("config-if", global, false);
  public final Mode<ConfigEdit> vpdnGroup = mode("config-vpdn", global, false);
  public final Mode<ConfigEdit> acceptDialin = mode("config-vpdn-acc-in", vpdnGroup, false);
  public final Mode<ConfigEdit> keyring = mode("conf-keyring", global, false);
  public final Mode<ConfigEdit> isakmpPolicy = mode("config-isakmp", global, false);
  public final Mode<ConfigEdit> transformSet = mode("cfg-crypto-trans", global, false);
  public final Mode<ConfigEdit> cryptoMap = mode("config-crypto-map", global, false);
  public final Mode<ConfigEdit> radiusGroup = mode("config-sg-radius", global, false);
  public final Mode<ConfigEdit> radiusServer = mode("config-radius-server", global, false);
  public final Mode<ConfigEdit> vty = mode("config-line", global, false);
  public final Mode<ConfigEdit> standardAcl = mode("config-std-nacl", global, false);
  public final Mode<ConfigEdit> dynamicAuthor = mode("config-locsvr-da-radius", global, false);
  public final Mode<ConfigEdit> pubkeyChain = mode("conf-ssh-pubkey", global, false);
  public final Mode<ConfigEdit> pubkeyUser = mode("conf-ssh-pubkey-user", pubkeyChain, false);
  public final Mode<ConfigEdit> pubkeyData = mode("conf-ssh-pubkey-data", pubkeyUser, false);

  public ConfigGrammar() {
    Glossary.fill(glossary);
    GlobalCommands.install(this);
    CryptoCommands.install(this);
    AdmissionCommands.install(this);
    LoggingCommands.install(this);
    RadiusCommands.install(this);
    VpdnCommands.install(this);
    InterfaceCommands.install(this);
    VtyCommands.install(this);
    PubkeyChainCommands.install(this);
    InertCommands.install(this);
    for (Mode<ConfigEdit> m : new Mode[] {iface, vpdnGroup, acceptDialin, keyring, isakmpPolicy, transformSet, cryptoMap, radiusGroup,
        radiusServer, dynamicAuthor}) {
      m.add("exit", (c, a) -> Outcome.EXIT, "exit", "Exit from " + m.name() + " mode");
    }
  }

  /** A mode whose sub-commands are kept verbatim ({@code router}, {@code line}...). */
  Mode<ConfigEdit> opaque(String name) {
    return mode(name, global, true);
  }

  private Mode<ConfigEdit> mode(String name, Mode<ConfigEdit> parent, boolean opaque) {
    return new Mode<>(name, "(" + name + ")#", parent, opaque, glossary);
  }
}
