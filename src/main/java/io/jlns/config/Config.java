package io.jlns.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The whole configuration, immutable. Maps keep the order IOS prints entries in: by number for
 * policies and map entries, by first appearance for named things.
 */
public record Config(
    String hostname,
    Secret enableSecret,
    Secret enablePassword,
    Map<String, User> users,
    boolean aaaNewModel,
    Aaa aaa,
    boolean vpdnEnable,
    boolean vpdnIgnoreUdpChecksum,
    Map<String, VpdnGroup> vpdnGroups,
    Map<String, Keyring> keyrings,
    SortedMap<Integer, IsakmpPolicy> isakmpPolicies,
    List<PresharedKey> isakmpKeys,
    IsakmpKeepalive isakmpKeepalive,
    int natKeepalive,
    boolean aggressiveMode,
    CallAdmission callAdmission,
    long saLifetimeSeconds,
    long saLifetimeKilobytes,
    int replayWindow,
    Map<String, TransformSet> transformSets,
    Map<String, SortedMap<Integer, MapEntry>> dynamicMaps,
    Map<String, SortedMap<Integer, MapEntry>> cryptoMaps,
    Map<String, Interface> interfaces,
    Map<String, LocalPool> pools,
    Logging logging,
    Management management,
    List<InertCommand> inert) {
  /**
   * Inert commands are kept in the order they are printed (by section, stable within one), so a
   * configuration equals the one its printed text loads to (found by ConfigLoaderFuzzTest: an
   * {@code ip ...} line read after a {@code line vty} block made two equal texts unequal configs).
   */
  public Config {
    inert = inert.stream().sorted(java.util.Comparator.comparing(InertCommand::section)).toList();
  }

  public static final String DEFAULT_HOSTNAME = "Router";
  /** IOS defaults for {@code crypto ipsec security-association lifetime}. */
  public static final long DEFAULT_SA_SECONDS = 3600;

  public static final long DEFAULT_SA_KILOBYTES = 4608000;
  public static final int DEFAULT_REPLAY_WINDOW = 64;

  public static Config empty() {
    return new ConfigDraft().freeze();
  }

  public ConfigDraft draft() {
    return new ConfigDraft(this);
  }

  /** {@code aaa authentication ppp default}: the methods PPP authentication tries, in order (empty: none set). */
  public List<String> aaaPppMethods() {
    return aaa.pppLists().getOrDefault("default", List.of());
  }

  public Optional<MapEntry> dynamicMapEntry(String name, int seq) {
    SortedMap<Integer, MapEntry> m = dynamicMaps.get(name);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(seq));
  }

  /** Every entry of every map of {@code maps}, in print order. */
  public static List<MapEntry> entries(Map<String, SortedMap<Integer, MapEntry>> maps) {
    List<MapEntry> out = new ArrayList<>();
    maps.values().forEach(m -> out.addAll(m.values()));
    return out;
  }

  /** Interfaces that carry {@code crypto map NAME}. */
  public List<Interface> interfacesWithCryptoMap(String name) {
    return interfaces.values().stream().filter(i -> name.equals(i.cryptoMap())).toList();
  }

  static <K, V> Map<K, V> frozen(Map<K, V> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  static <V> SortedMap<Integer, V> frozenSorted(SortedMap<Integer, V> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(m));
  }

  static Map<String, SortedMap<Integer, MapEntry>> frozenMaps(Map<String, ? extends SortedMap<Integer, MapEntry>> m) {
    Map<String, SortedMap<Integer, MapEntry>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      if (!v.isEmpty()) {
        out.put(k, frozenSorted(v));
      }
    });
    return Collections.unmodifiableMap(out);
  }
}
