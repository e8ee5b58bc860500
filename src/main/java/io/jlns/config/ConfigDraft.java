package io.jlns.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A configuration being edited: what configuration commands change. It is frozen into an
 * immutable {@link Config} once a command (CLI) or a whole file (loading) has been applied.
 */
public final class ConfigDraft {
  public String hostname = Config.DEFAULT_HOSTNAME;
  public Secret enableSecret;
  public Secret enablePassword;
  public final Map<String, User> users = new LinkedHashMap<>();
  public boolean aaaNewModel;
  /** {@code aaa authentication ppp default|LIST}, by list name. */
  public final Map<String, List<String>> pppLists = new LinkedHashMap<>();
  public final Map<String, Aaa.RadiusServer> radiusServers = new LinkedHashMap<>();
  public final Map<String, List<String>> radiusGroups = new LinkedHashMap<>();
  public Aaa.RadiusGlobals radiusGlobals = Aaa.RadiusGlobals.DEFAULTS;
  public List<String> authorizationNetwork = List.of();
  public List<String> accountingNetwork = List.of();
  public int accountingUpdateMinutes;
  public Aaa.DynamicAuthor dynamicAuthor = Aaa.DynamicAuthor.NONE;
  public boolean vpdnEnable;
  public boolean vpdnIgnoreUdpChecksum;
  public final Map<String, VpdnGroup> vpdnGroups = new LinkedHashMap<>();
  public final Map<String, Keyring> keyrings = new LinkedHashMap<>();
  public final TreeMap<Integer, IsakmpPolicy> isakmpPolicies = new TreeMap<>();
  public final List<PresharedKey> isakmpKeys = new ArrayList<>();
  public IsakmpKeepalive isakmpKeepalive;
  public int natKeepalive;
  /** Aggressive Mode allowed ('no crypto isakmp aggressive-mode disable'); refused by default. */
  public boolean aggressiveMode;
  public CallAdmission callAdmission = CallAdmission.DEFAULTS;
  public long saLifetimeSeconds = Config.DEFAULT_SA_SECONDS;
  public long saLifetimeKilobytes = Config.DEFAULT_SA_KILOBYTES;
  public int replayWindow = Config.DEFAULT_REPLAY_WINDOW;
  public final Map<String, TransformSet> transformSets = new LinkedHashMap<>();
  public final Map<String, TreeMap<Integer, MapEntry>> dynamicMaps = new LinkedHashMap<>();
  public final Map<String, TreeMap<Integer, MapEntry>> cryptoMaps = new LinkedHashMap<>();
  public final Map<String, Interface> interfaces = new LinkedHashMap<>();
  public final Map<String, LocalPool> pools = new LinkedHashMap<>();
  public Logging logging = Logging.DEFAULTS;
  public Management management = Management.DEFAULTS;
  public final List<InertCommand> inert = new ArrayList<>();

  public ConfigDraft() {}

  ConfigDraft(Config c) {
    hostname = c.hostname();
    enableSecret = c.enableSecret();
    enablePassword = c.enablePassword();
    users.putAll(c.users());
    aaaNewModel = c.aaaNewModel();
    Aaa aaa = c.aaa();
    pppLists.putAll(aaa.pppLists());
    radiusServers.putAll(aaa.servers());
    radiusGroups.putAll(aaa.groups());
    radiusGlobals = aaa.globals();
    authorizationNetwork = aaa.authorizationNetwork();
    accountingNetwork = aaa.accountingNetwork();
    accountingUpdateMinutes = aaa.accountingUpdateMinutes();
    dynamicAuthor = aaa.dynamicAuthor();
    vpdnEnable = c.vpdnEnable();
    vpdnIgnoreUdpChecksum = c.vpdnIgnoreUdpChecksum();
    vpdnGroups.putAll(c.vpdnGroups());
    keyrings.putAll(c.keyrings());
    isakmpPolicies.putAll(c.isakmpPolicies());
    isakmpKeys.addAll(c.isakmpKeys());
    isakmpKeepalive = c.isakmpKeepalive();
    natKeepalive = c.natKeepalive();
    aggressiveMode = c.aggressiveMode();
    callAdmission = c.callAdmission();
    saLifetimeSeconds = c.saLifetimeSeconds();
    saLifetimeKilobytes = c.saLifetimeKilobytes();
    replayWindow = c.replayWindow();
    transformSets.putAll(c.transformSets());
    c.dynamicMaps().forEach((k, v) -> dynamicMaps.put(k, new TreeMap<>(v)));
    c.cryptoMaps().forEach((k, v) -> cryptoMaps.put(k, new TreeMap<>(v)));
    interfaces.putAll(c.interfaces());
    pools.putAll(c.pools());
    logging = c.logging();
    management = c.management();
    inert.addAll(c.inert());
  }

  public Config freeze() {
    return new Config(
        hostname,
        enableSecret,
        enablePassword,
        Config.frozen(users),
        aaaNewModel,
        new Aaa(radiusServers, radiusGroups, radiusGlobals, pppLists, authorizationNetwork, accountingNetwork,
            accountingUpdateMinutes, dynamicAuthor),
        vpdnEnable,
        vpdnIgnoreUdpChecksum,
        Config.frozen(vpdnGroups),
        Config.frozen(keyrings),
        Config.frozenSorted(isakmpPolicies),
        List.copyOf(isakmpKeys),
        isakmpKeepalive,
        natKeepalive,
        aggressiveMode,
        callAdmission,
        saLifetimeSeconds,
        saLifetimeKilobytes,
        replayWindow,
        Config.frozen(transformSets),
        Config.frozenMaps(dynamicMaps),
        Config.frozenMaps(cryptoMaps),
        Config.frozen(interfaces),
        Config.frozen(pools),
        logging,
        management,
        List.copyOf(inert));
  }
}
