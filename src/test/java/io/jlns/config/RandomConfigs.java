package io.jlns.config;

import io.jlns.config.InertCommand.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Builds random but valid configurations from a seed, for round-trip properties. */
final class RandomConfigs {
  private final SplittableRandom r;

  private RandomConfigs(long seed) {
    r = new SplittableRandom(seed);
  }

  static Config generate(long seed) {
    return new RandomConfigs(seed).build();
  }

  private static final String[][] INERT = {
    {"HEAD", "version 15.2"}, {"HEAD", "logging rate-limit 10"}, {"HEAD", "no service pad"},
    {"BOOT", "boot-start-marker"}, {"AAA", "aaa session-id common"}, {"IP", "ip domain name example.net"},
    {"IP", "no ip domain lookup"}, {"IP", "ip cef"}, {"IP_TAIL", "ip route 10.0.0.0 255.0.0.0 192.0.2.1"},
    {"IP_TAIL", "no ip http server"}, {"IP_TAIL", "snmp-server community public RO"}, {"IP_TAIL", "ntp server 192.0.2.5"}
  };
  private static final String[] IF_EXTRA = {"duplex full", "speed 100", "no ip route-cache", "negotiation auto", "ip nat inside"};
  private static final String[] IF_TYPES = {"Loopback", "FastEthernet0/", "GigabitEthernet0/", "Virtual-Template", "ens"};

  private Config build() {
    ConfigDraft d = new ConfigDraft();
    d.hostname = word("R");
    if (r.nextBoolean()) {
      d.enableSecret = new SecretHasher(r).type8(word("s"));
    }
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("user");
      boolean secret = r.nextInt(4) == 0;
      Secret s = secret ? new SecretHasher(r).type8(word("p")) : new Secret(r.nextBoolean() ? 0 : 7,
          r.nextBoolean() ? word("pw") + " with spaces" : word("pw"));
      if (s.type() == 7) {
        s = new Secret(7, Type7.encode(word("pw"), r.nextInt(16)));
      }
      d.users.put(name, new User(name, r.nextInt(16), secret, s));
    }
    d.aaaNewModel = r.nextBoolean();
    List<String> ppp = pick(List.of(List.<String>of(), List.of("local"), List.of("group radius", "local")));
    if (!ppp.isEmpty()) {
      d.pppLists.put("default", ppp);
    }
    radius(d);
    d.vpdnEnable = r.nextBoolean();
    d.vpdnIgnoreUdpChecksum = r.nextBoolean();
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("G");
      boolean dial = r.nextBoolean();
      d.vpdnGroups.put(name, new VpdnGroup(name, dial, dial && r.nextBoolean() ? pick(List.of("l2tp", "any")) : null,
          dial ? r.nextInt(3) : 0, r.nextBoolean(), r.nextBoolean() ? Secret.clear(word("t")) : null,
          r.nextBoolean() ? VpdnGroup.DEFAULT_HELLO : r.nextInt(1001), r.nextBoolean(), r.nextBoolean() ? VpdnGroup.Retransmit.DEFAULT
              : new VpdnGroup.Retransmit(5 + r.nextInt(996), 1 + r.nextInt(8), 1 + r.nextInt(8))));
    }
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("KR");
      Map<String, PresharedKey> keys = new LinkedHashMap<>();
      for (int k = 0, m = r.nextInt(4); k < m; k++) {
        PresharedKey p = psk();
        keys.put(p.peer(), p);
      }
      d.keyrings.put(name, new Keyring(name, new ArrayList<>(keys.values())));
    }
    for (int i = 0, n = r.nextInt(4); i < n; i++) {
      int prio = 1 + r.nextInt(10000);
      IkeCipher c = pick(List.of(IkeCipher.values()));
      d.isakmpPolicies.put(prio, new IsakmpPolicy(prio, c, c == IkeCipher.AES ? pick(List.of(128, 192, 256)) : 0,
          pick(List.of(IkeHash.values())), r.nextBoolean(), pick(List.of(DhGroup.values())),
          r.nextBoolean() ? IsakmpPolicy.DEFAULT_LIFETIME : 60 + r.nextInt(86341)));
    }
    Map<String, PresharedKey> keys = new LinkedHashMap<>();
    for (int k = 0, m = r.nextInt(3); k < m; k++) {
      PresharedKey p = psk();
      keys.put(p.peer(), p);
    }
    d.isakmpKeys.addAll(keys.values());
    if (r.nextBoolean()) {
      d.isakmpKeepalive = new IsakmpKeepalive(10 + r.nextInt(3591), 2 + r.nextInt(59), r.nextBoolean());
    }
    d.natKeepalive = r.nextBoolean() ? 0 : 5 + r.nextInt(3596);
    d.aggressiveMode = r.nextInt(4) == 0;
    if (r.nextInt(3) == 0) {
      d.callAdmission = new CallAdmission(10 + r.nextInt(5000), 1 + r.nextInt(500), r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(99999));
    }
    d.saLifetimeSeconds = r.nextBoolean() ? Config.DEFAULT_SA_SECONDS : 120 + r.nextInt(86281);
    d.saLifetimeKilobytes = r.nextBoolean() ? Config.DEFAULT_SA_KILOBYTES : 2560 + r.nextLong(4294964736L);
    d.replayWindow = pick(List.of(64, 128, 256, 512, 1024));
    logging(d);
    List<String> tsNames = new ArrayList<>();
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("TS");
      tsNames.add(name);
      d.transformSets.put(name, new TransformSet(name, transforms(), r.nextBoolean()));
    }
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("DYN");
      TreeMap<Integer, MapEntry> m = new TreeMap<>();
      for (int k = 0, e = 1 + r.nextInt(2); k < e; k++) {
        int seq = 1 + r.nextInt(65535);
        m.put(seq, entry(name, seq, tsNames));
      }
      d.dynamicMaps.put(name, m);
    }
    List<String> dyn = new ArrayList<>(d.dynamicMaps.keySet());
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("CM");
      TreeMap<Integer, MapEntry> m = new TreeMap<>();
      int seq = 1 + r.nextInt(65535);
      m.put(seq, !dyn.isEmpty() && r.nextBoolean() ? MapEntry.empty(name, seq).withDynamicMap(pick(dyn)) : entry(name, seq, tsNames));
      d.cryptoMaps.put(name, m);
    }
    for (int i = 0, n = r.nextInt(5); i < n; i++) {
      String name = pick(List.of(IF_TYPES)) + r.nextInt(4);
      d.interfaces.put(name, iface(name, d));
    }
    int block = r.nextInt(200);
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      String name = word("POOL");
      List<LocalPool.Range> ranges = new ArrayList<>();
      for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) {
        Ipv4Address start = Ipv4Address.of("10." + (block++) + ".0." + (1 + r.nextInt(100)));
        ranges.add(new LocalPool.Range(start, r.nextBoolean() ? start : start.plus(r.nextInt(150))));
      }
      d.pools.put(name, new LocalPool(name, ranges));
    }
    List<InertCommand> inert = new ArrayList<>();
    for (String[] x : INERT) {
      if (r.nextInt(3) == 0) {
        inert.add(new InertCommand(Section.valueOf(x[0]), x[1], List.of()));
      }
    }
    if (r.nextBoolean()) {
      inert.add(new InertCommand(Section.ROUTING, "router ospf " + (1 + r.nextInt(9)),
          List.of("log-adjacency-changes", "network 10.0.0.0 0.255.255.255 area 0")));
    }
    if (r.nextBoolean()) {
      inert.add(new InertCommand(Section.TAIL, "line con 0", List.of("exec-timeout 0 0", "logging synchronous")));
    }
    management(d);
    inert.sort(java.util.Comparator.comparing(InertCommand::section));
    d.inert.addAll(inert);
    return d.freeze();
  }

  private MapEntry entry(String name, int seq, List<String> tsNames) {
    MapEntry e = MapEntry.empty(name, seq).withNatDemux(r.nextBoolean());
    List<String> ts = new ArrayList<>();
    for (String t : tsNames) {
      if (r.nextBoolean()) {
        ts.add(t);
      }
    }
    e = e.withTransformSets(ts);
    if (r.nextBoolean()) {
      e = e.withPfs(pick(List.of(DhGroup.values())));
    }
    if (r.nextBoolean()) {
      e = e.withLifetimeSeconds(120 + r.nextInt(86281));
    }
    if (r.nextBoolean()) {
      e = e.withLifetimeKilobytes(2560 + r.nextInt(1_000_000));
    }
    if (r.nextBoolean()) {
      e = e.withPeers(List.of(Ipv4Address.of("192.0.2." + (1 + r.nextInt(100))), Ipv4Address.of("198.51.100.7")));
    }
    if (r.nextBoolean()) {
      e = e.withMatchAddress(String.valueOf(100 + r.nextInt(99)));
    }
    if (r.nextBoolean()) {
      e = e.withDescription("clients of " + word("site") + " office");
    }
    return e;
  }

  private Interface iface(String name, ConfigDraft d) {
    Interface i = Interface.named(name);
    if (r.nextBoolean()) {
      i = i.withDescription("link to " + word("x"));
    }
    int addr = r.nextInt(3);
    if (addr == 0) {
      i = i.withAddress(Ipv4Address.of("172.16." + r.nextInt(256) + "." + (1 + r.nextInt(254))),
          Ipv4Address.of(pick(List.of("255.255.255.0", "255.255.255.255", "255.255.0.0"))));
    } else if (addr == 1) {
      i = i.withUnnumbered("Loopback" + r.nextInt(2));
    }
    if (r.nextBoolean() && !d.cryptoMaps.isEmpty()) {
      i = i.withCryptoMap(pick(new ArrayList<>(d.cryptoMaps.keySet())));
    }
    if (r.nextBoolean()) {
      i = i.withPeerPool(word("POOL"));
    }
    List<String> auth = new ArrayList<>(List.of("chap", "ms-chap", "ms-chap-v2", "pap"));
    java.util.Collections.shuffle(auth, new java.util.Random(r.nextLong()));
    i = i.withPppAuthentication(auth.subList(0, r.nextInt(5)));
    if (!i.pppAuthentication().isEmpty() && r.nextInt(3) == 0) {
      i = i.withPppAuthList(word("L"));
    }
    i = i.withPppMtuAdaptive(r.nextBoolean());
    i = i.withTcpAdjustMss(r.nextBoolean() ? 0 : 500 + r.nextInt(961)).withIpMtu(r.nextBoolean() ? 0 : 68 + r.nextInt(1433));
    i = i.withKeepalive(r.nextBoolean() ? Interface.Keepalive.DEFAULT : new Interface.Keepalive(r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(60),
        r.nextInt(4) == 0 ? Interface.Keepalive.DEFAULT.retries() : 1 + r.nextInt(255)));
    if (r.nextBoolean()) {
      i = i.withIpcpDns(r.nextBoolean() ? List.of(Ipv4Address.of("192.0.2.53")) : List.of(Ipv4Address.of("192.0.2.53"), Ipv4Address.of("192.0.2.54")));
    }
    i = i.withShutdown(r.nextInt(4) == 0);
    List<String> extra = new ArrayList<>();
    for (String x : IF_EXTRA) {
      if (r.nextInt(3) == 0) {
        extra.add(x);
      }
    }
    return i.withExtra(extra);
  }

  private List<Transform> transforms() {
    int kind = r.nextInt(3);
    if (kind == 0) {
      return List.of(new Transform(EspTransform.ESP_GCM, pick(List.of(128, 256))));
    }
    EspTransform cipher = pick(List.of(EspTransform.ESP_DES, EspTransform.ESP_3DES, EspTransform.ESP_AES));
    Transform c = new Transform(cipher, cipher == EspTransform.ESP_AES ? pick(List.of(128, 192, 256)) : 0);
    EspTransform mac = pick(List.of(EspTransform.ESP_MD5_HMAC, EspTransform.ESP_SHA_HMAC, EspTransform.ESP_SHA256_HMAC,
        EspTransform.ESP_SHA384_HMAC, EspTransform.ESP_SHA512_HMAC));
    return kind == 1 ? List.of(c, new Transform(mac, 0)) : List.of(new Transform(mac, 0), c);
  }

  private PresharedKey psk() {
    Secret key = Secret.clear(r.nextInt(5) == 0 ? word("k") + "!" : word("k"));
    if (r.nextBoolean()) {
      return PresharedKey.forHostname(word("host"), key);
    }
    int len = r.nextInt(33);
    Ipv4Address mask = new Ipv4Address(len == 0 ? 0 : -1 << (32 - len));
    return PresharedKey.forAddress(Ipv4Address.of("203.0.113." + r.nextInt(256)), mask, key);
  }

  private void radius(ConfigDraft d) {
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      boolean legacy = r.nextBoolean();
      Ipv4Address a = Ipv4Address.of("192.0.2." + (1 + r.nextInt(250)));
      String name = legacy ? a.toString() : word("RS");
      Secret key = r.nextBoolean() ? null : r.nextBoolean() ? Secret.clear(word("k")) : new Secret(7, Type7.encode(word("k"), 3));
      boolean addressed = legacy || r.nextBoolean();
      d.radiusServers.put(name, new Aaa.RadiusServer(name, addressed ? a : null, addressed ? pick(List.of(1645, 1812)) : 1645,
          addressed ? pick(List.of(1646, 1813)) : 1646, key, r.nextBoolean() ? 0 : 1 + r.nextInt(30), r.nextBoolean() ? -1 : r.nextInt(5), legacy));
    }
    if (r.nextBoolean()) {
      d.radiusGroups.put(word("SG"), new ArrayList<>(d.radiusServers.keySet()));
    }
    d.radiusGlobals = new Aaa.RadiusGlobals(1 + r.nextInt(10), r.nextInt(5), r.nextInt(3), r.nextInt(3), r.nextInt(3),
        r.nextBoolean() ? null : Secret.clear(word("gk")), r.nextBoolean() ? null : "Loopback" + r.nextInt(3));
    if (r.nextBoolean()) {
      d.pppLists.put(word("L"), List.of("group radius", "local", "none"));
    }
    d.authorizationNetwork = pick(List.of(List.<String>of(), List.of("group radius")));
    d.accountingNetwork = pick(List.of(List.<String>of(), List.of("group radius")));
    d.accountingUpdateMinutes = r.nextInt(3) * 5;
    if (r.nextBoolean()) {
      Map<Ipv4Address, Secret> clients = new LinkedHashMap<>();
      clients.put(Ipv4Address.of("198.51.100." + (1 + r.nextInt(200))), Secret.clear(word("da")));
      d.dynamicAuthor = new Aaa.DynamicAuthor(true, clients, pick(List.of(1700, 3799)));
    }
  }

  private String word(String prefix) {
    return prefix + Integer.toString(r.nextInt(1 << 20), 36);
  }

  private <T> T pick(List<T> l) {
    return l.get(r.nextInt(l.size()));
  }

  private void logging(ConfigDraft d) {
    if (r.nextBoolean()) {
      return;
    }
    List<io.jlns.log.Severity> levels = new java.util.ArrayList<>(List.of(io.jlns.log.Severity.values()));
    levels.add(null);
    io.jlns.log.Timestamps[] stamps = {null, io.jlns.log.Timestamps.NONE, io.jlns.log.Timestamps.UPTIME,
        io.jlns.log.Timestamps.DEFAULT, new io.jlns.log.Timestamps(true, false, r.nextBoolean(), r.nextBoolean(),
            r.nextBoolean(), r.nextBoolean())};
    List<Logging.Host> hosts = new java.util.ArrayList<>();
    for (int i = 0, n = r.nextInt(3); i < n; i++) {
      hosts.add(new Logging.Host(Ipv4Address.of("192.0.2." + (10 + i)), r.nextBoolean() ? 514 : 1 + r.nextInt(65535)));
    }
    d.logging = new Logging(pick(levels), pick(levels), pick(levels), 4096 + r.nextInt(100000), r.nextBoolean()
        ? pick(levels) : io.jlns.log.Severity.INFORMATIONAL, hosts, pick(List.of("local7", "local0", "syslog", "daemon")),
        pick(java.util.Arrays.asList(null, "", word("o"))), r.nextBoolean(), stamps[r.nextInt(stamps.length)],
        stamps[r.nextInt(stamps.length)], r.nextBoolean());
  }

  private void management(ConfigDraft d) {
    if (r.nextBoolean()) {
      return;
    }
    Map<String, Management.Vty> vtys = new java.util.LinkedHashMap<>();
    Management.Vty a = new Management.Vty(0, 4, r.nextBoolean(), r.nextBoolean() ? java.util.Set.of("ssh") : java.util.Set.of(),
        r.nextInt(3) * 300 + r.nextInt(60), r.nextBoolean() ? "10" : null, r.nextBoolean() ? 1 : 15,
        r.nextBoolean() ? List.of("logging synchronous") : List.of());
    vtys.put(a.range(), a);
    if (r.nextBoolean()) {
      vtys.put("5 15", Management.Vty.of(5, 15));
    }
    Map<String, Management.AccessList> acls = new java.util.LinkedHashMap<>();
    acls.put("10", new Management.AccessList("10", List.of(new Management.AccessList.Entry(true, Ipv4Address.of("192.0.2.0"),
        Ipv4Address.of("0.0.0.255"), null), new Management.AccessList.Entry(false, Ipv4Address.of("198.51.100.7"),
        Ipv4Address.ANY, null))));
    if (r.nextBoolean()) {
      acls.put("MGMT", new Management.AccessList("MGMT", List.of(new Management.AccessList.Entry(true, Ipv4Address.ANY,
          Ipv4Address.ANY, "the NOC"), new Management.AccessList.Entry(true, Ipv4Address.ANY, new Ipv4Address(-1), null))));
    }
    d.management = new Management(vtys, new Management.Ssh(r.nextBoolean() ? 2 : 0, 30 + r.nextInt(90), r.nextInt(6),
        r.nextBoolean() ? 22 : 2222), r.nextBoolean() ? new Management.LoginBlock(60, 3, 30) : null, acls,
        r.nextBoolean() ? null : new Management.Metrics(r.nextBoolean() ? null : Ipv4Address.of("127.0.0.1"), 9641),
        r.nextBoolean() ? Map.of() : Map.of("noc", List.of(new Management.PubKey("ssh-rsa", "8FB4F858DD7E5AFB372780EC653DB371",
            r.nextBoolean() ? null : "noc@jump"), new Management.PubKey("ecdsa-sha2-nistp256", "0123456789ABCDEF0123456789ABCDEF",
            null))), null);
  }
}
