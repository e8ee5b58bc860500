package io.jlns.config;

import java.util.List;

/**
 * One entry of a crypto map or dynamic crypto map: {@code crypto dynamic-map NAME SEQ} or
 * {@code crypto map NAME SEQ [ipsec-isakmp] [dynamic DYN]}. An entry that references a dynamic
 * map ({@code dynamicMap} set) takes its settings from that map's entries.
 *
 * @param lifetimeSeconds per-entry override of the global SA lifetime, or 0
 * @param lifetimeKilobytes per-entry override of the global SA volume lifetime, or 0
 */
public record MapEntry(
    String name,
    int seq,
    String dynamicMap,
    boolean natDemux,
    List<String> transformSets,
    DhGroup pfs,
    long lifetimeSeconds,
    long lifetimeKilobytes,
    List<Ipv4Address> peers,
    String matchAddress,
    String description) {
  public MapEntry {
    transformSets = List.copyOf(transformSets);
    peers = List.copyOf(peers);
  }

  public static MapEntry empty(String name, int seq) {
    return new MapEntry(name, seq, null, false, List.of(), null, 0, 0, List.of(), null, null);
  }

  public MapEntry withDynamicMap(String d) {
    return new MapEntry(name, seq, d, natDemux, transformSets, pfs, lifetimeSeconds, lifetimeKilobytes, peers, matchAddress, description);
  }

  public MapEntry withNatDemux(boolean v) {
    return new MapEntry(name, seq, dynamicMap, v, transformSets, pfs, lifetimeSeconds, lifetimeKilobytes, peers, matchAddress, description);
  }

  public MapEntry withTransformSets(List<String> v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, v, pfs, lifetimeSeconds, lifetimeKilobytes, peers, matchAddress, description);
  }

  public MapEntry withPfs(DhGroup v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, v, lifetimeSeconds, lifetimeKilobytes, peers, matchAddress, description);
  }

  public MapEntry withLifetimeSeconds(long v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, pfs, v, lifetimeKilobytes, peers, matchAddress, description);
  }

  public MapEntry withLifetimeKilobytes(long v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, pfs, lifetimeSeconds, v, peers, matchAddress, description);
  }

  public MapEntry withPeers(List<Ipv4Address> v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, pfs, lifetimeSeconds, lifetimeKilobytes, v, matchAddress, description);
  }

  public MapEntry withMatchAddress(String v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, pfs, lifetimeSeconds, lifetimeKilobytes, peers, v, description);
  }

  public MapEntry withDescription(String v) {
    return new MapEntry(name, seq, dynamicMap, natDemux, transformSets, pfs, lifetimeSeconds, lifetimeKilobytes, peers, matchAddress, v);
  }
}
