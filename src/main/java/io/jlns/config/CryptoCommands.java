package io.jlns.config;

import static io.jlns.config.ConfigEdit.fail;

import io.jlns.config.grammar.Args;
import io.jlns.config.grammar.Command.Outcome;
import io.jlns.config.grammar.CommandException;
import io.jlns.config.grammar.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** {@code crypto ...} commands and their sub-modes. */
final class CryptoCommands {
  private CryptoCommands() {}

  private static final String TRANSFORM =
      "(esp-des:t|esp-3des:t|esp-aes:t [128:aesbits|192:aesbits|256:aesbits]|esp-gcm:t [128:gcmbits|256:gcmbits]"
          + "|esp-md5-hmac:t|esp-sha-hmac:t|esp-sha256-hmac:t|esp-sha384-hmac:t|esp-sha512-hmac:t)";

  static void install(ConfigGrammar g) {
    Mode<ConfigEdit> m = g.global;
    isakmp(g, m);
    ipsec(g, m);
    maps(g, m);
  }

  private static void isakmp(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("crypto keyring WORD:name", (c, a) -> {
      c.draft().keyrings.putIfAbsent(a.get("name"), new Keyring(a.get("name"), List.of()));
      return Outcome.enter(g.keyring, a.get("name"));
    }, "name", "Name of the key ring");
    m.add("no crypto keyring WORD:name", (c, a) -> {
      if (c.draft().keyrings.remove(a.get("name")) == null) {
        throw fail("Keyring " + a.get("name") + " not found");
      }
      return Outcome.STAY;
    });
    Mode<ConfigEdit> k = g.keyring;
    k.add("pre-shared-key (address A.B.C.D:addr [A.B.C.D:mask]|hostname WORD:host) key [<0-6>:type] LINE:pw", (c, a) -> {
      if (a.has("type") && a.integer("type") != 0) {
        throw fail("Only clear-text keys (type 0) can be used; a type 6 key needs the IOS master key");
      }
      editKeyring(c, keys -> withKey(keys, psk(a, Secret.clear(a.get("pw")))));
      return Outcome.STAY;
    }, "pre-shared-key", "Pre-Shared Key", "addr", "IP address of the peer", "mask", "Netmask of the peer address",
        "host", "Hostname (IKE identity) of the peer", "pw", "The pre-shared key");
    k.add("no pre-shared-key (address A.B.C.D:addr [A.B.C.D:mask]|hostname WORD:host) [key] [LINE]", (c, a) -> {
      PresharedKey p = psk(a, Secret.clear(""));
      editKeyring(c, keys -> without(keys, p));
      return Outcome.STAY;
    });

    m.add("crypto isakmp policy <1-10000>:prio", (c, a) -> {
      int prio = a.integer("prio");
      c.draft().isakmpPolicies.putIfAbsent(prio, IsakmpPolicy.defaults(prio));
      return Outcome.enter(g.isakmpPolicy, prio);
    }, "prio", "Priority of protection suite");
    m.add("no crypto isakmp policy <1-10000>:prio", (c, a) -> {
      if (c.draft().isakmpPolicies.remove(a.integer("prio")) == null) {
        throw fail("ISAKMP policy " + a.get("prio") + " not found");
      }
      return Outcome.STAY;
    });
    Mode<ConfigEdit> p = g.isakmpPolicy;
    p.add("encr (des|3des|aes [128:bits|192:bits|256:bits]):cipher", (c, a) -> {
      String cipher = a.has("aes") ? "aes" : a.has("3des") ? "3des" : "des";
      editPolicy(c, x -> x.withCipher(IkeCipher.of(cipher), a.has("bits") ? a.integer("bits") : 0));
      return Outcome.STAY;
    }, "encr", "Set encryption algorithm for protection suite", "des", "DES - Data Encryption Standard (56 bit keys).",
        "3des", "Three key triple DES", "aes", "AES - Advanced Encryption Standard.");
    p.add("no encr [LINE]", (c, a) -> {
      editPolicy(c, x -> x.withCipher(IkeCipher.DES, 0));
      return Outcome.STAY;
    });
    p.add("hash (md5:h|sha:h|sha256:h|sha384:h|sha512:h)", (c, a) -> {
      editPolicy(c, x -> x.withHash(IkeHash.of(a.get("h"))));
      return Outcome.STAY;
    }, "hash", "Set hash algorithm for protection suite", "md5", "Message Digest 5", "sha", "Secure Hash Standard",
        "sha256", "Secure Hash Standard 2 (256 bit)", "sha384", "Secure Hash Standard 2 (384 bit)",
        "sha512", "Secure Hash Standard 2 (512 bit)");
    p.add("no hash [LINE]", (c, a) -> {
      editPolicy(c, x -> x.withHash(IkeHash.SHA));
      return Outcome.STAY;
    });
    p.add("authentication (pre-share|rsa-sig|rsa-encr):method", (c, a) -> {
      boolean psk = a.get("method").equals("pre-share");
      if (!psk) {
        c.warn("jlns authenticates IKE with pre-shared keys only; this policy will match no peer");
      }
      editPolicy(c, x -> x.withPreShare(psk));
      return Outcome.STAY;
    }, "authentication", "Set authentication method for protection suite", "pre-share", "Pre-Shared Key",
        "rsa-sig", "Rivest-Shamir-Adleman Signature", "rsa-encr", "Rivest-Shamir-Adleman Encryption");
    p.add("no authentication [LINE]", (c, a) -> {
      editPolicy(c, x -> x.withPreShare(false));
      return Outcome.STAY;
    });
    p.add("group (" + DhGroup.numbers("") + "):g", (c, a) -> {
      editPolicy(c, x -> x.withGroup(DhGroup.of(a.integer("g"))));
      return Outcome.STAY;
    }, "group", "Set the Diffie-Hellman group");
    p.add("no group [LINE]", (c, a) -> {
      editPolicy(c, x -> x.withGroup(DhGroup.GROUP1));
      return Outcome.STAY;
    });
    p.add("lifetime <60-86400>:secs", (c, a) -> {
      editPolicy(c, x -> x.withLifetime(a.integer("secs")));
      return Outcome.STAY;
    }, "lifetime", "Set lifetime for ISAKMP security association", "secs", "lifetime in seconds");
    p.add("no lifetime [LINE]", (c, a) -> {
      editPolicy(c, x -> x.withLifetime(IsakmpPolicy.DEFAULT_LIFETIME));
      return Outcome.STAY;
    });

    m.add("crypto isakmp key [<0-6>:type] WORD:pw (address A.B.C.D:addr [A.B.C.D:mask] [no-xauth]|hostname WORD:host)",
        (c, a) -> {
          if (a.has("type") && a.integer("type") != 0) {
            throw fail("Only clear-text keys (type 0) can be used; a type 6 key needs the IOS master key");
          }
          List<PresharedKey> keys = withKey(c.draft().isakmpKeys, psk(a, Secret.clear(a.get("pw"))));
          c.draft().isakmpKeys.clear();
          c.draft().isakmpKeys.addAll(keys);
          return Outcome.STAY;
        }, "type", "0 - the key is in clear text", "pw", "pre-shared key", "addr", "define shared key with IP address",
        "mask", "Peer IP subnet mask", "host", "define shared key with hostname", "no-xauth", "Bypasses XAuth for this peer");
    m.add("no crypto isakmp key [<0-6>:type] WORD:pw (address A.B.C.D:addr [A.B.C.D:mask] [no-xauth]|hostname WORD:host)",
        (c, a) -> {
          List<PresharedKey> keys = without(c.draft().isakmpKeys, psk(a, Secret.clear("")));
          c.draft().isakmpKeys.clear();
          c.draft().isakmpKeys.addAll(keys);
          return Outcome.STAY;
        });
    m.add("crypto isakmp keepalive <10-3600>:secs [<2-60>:retry] [periodic|on-demand]", (c, a) -> {
      int retry = a.has("retry") ? a.integer("retry") : IsakmpKeepalive.DEFAULT_RETRY;
      c.draft().isakmpKeepalive = new IsakmpKeepalive(a.integer("secs"), retry, a.has("periodic"));
      return Outcome.STAY;
    }, "secs", "number of seconds between keep alives", "retry", "number of seconds between retries if keep alive fails",
        "periodic", "Send keepalives periodically", "on-demand", "Send keepalives on demand (default)");
    m.add("no crypto isakmp keepalive [LINE]", (c, a) -> {
      c.draft().isakmpKeepalive = null;
      return Outcome.STAY;
    });
    m.add("crypto isakmp nat keepalive <5-3600>:secs", (c, a) -> {
      c.draft().natKeepalive = a.integer("secs");
      return Outcome.STAY;
    }, "secs", "Keepalive interval in seconds");
    m.add("no crypto isakmp nat keepalive [LINE]", (c, a) -> {
      c.draft().natKeepalive = 0;
      return Outcome.STAY;
    });
    // IOS allows Aggressive Mode unless told not to; jlns refuses it unless told to, since it shows
    // a hash of the pre-shared key to anyone on the path. The same commands say both.
    m.add("crypto isakmp aggressive-mode disable", (c, a) -> {
      c.draft().aggressiveMode = false;
      return Outcome.STAY;
    }, "aggressive-mode", "Disable ISAKMP aggressive mode", "disable", "Disable ISAKMP aggressive mode (the default in jlns)");
    m.add("no crypto isakmp aggressive-mode disable", (c, a) -> {
      c.draft().aggressiveMode = true;
      return Outcome.STAY;
    });
  }

  private static void ipsec(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("crypto ipsec security-association lifetime (seconds <120-86400>:secs|kilobytes <2560-4294967295>:kb)", (c, a) -> {
      if (a.has("secs")) {
        c.draft().saLifetimeSeconds = a.number("secs");
      } else {
        c.draft().saLifetimeKilobytes = a.number("kb");
      }
      return Outcome.STAY;
    }, "secs", "Security association duration in seconds", "kb", "Security association duration in kilobytes encrypted");
    m.add("no crypto ipsec security-association lifetime (seconds|kilobytes) [LINE]", (c, a) -> {
      if (a.has("seconds")) {
        c.draft().saLifetimeSeconds = Config.DEFAULT_SA_SECONDS;
      } else {
        c.draft().saLifetimeKilobytes = Config.DEFAULT_SA_KILOBYTES;
      }
      return Outcome.STAY;
    });
    m.add("crypto ipsec security-association replay window-size (64:w|128:w|256:w|512:w|1024:w)", (c, a) -> {
      c.draft().replayWindow = a.integer("w");
      return Outcome.STAY;
    }, "replay", "Set replay checking.", "window-size", "Set replay window size.");
    m.add("no crypto ipsec security-association replay window-size [LINE]", (c, a) -> {
      c.draft().replayWindow = Config.DEFAULT_REPLAY_WINDOW;
      return Outcome.STAY;
    });
    m.add("crypto ipsec transform-set WORD:name " + TRANSFORM + " [" + TRANSFORM + " [" + TRANSFORM + "]]", (c, a) -> {
      String name = a.get("name");
      TransformSet old = c.draft().transformSets.get(name);
      List<Transform> ts = transforms(a);
      c.draft().transformSets.put(name, new TransformSet(name, ts, old != null && old.transportMode()));
      return Outcome.enter(g.transformSet, name);
    }, "name", "Transform set tag");
    m.add("no crypto ipsec transform-set WORD:name [LINE]", (c, a) -> {
      if (c.draft().transformSets.remove(a.get("name")) == null) {
        throw fail("Transform set " + a.get("name") + " not found");
      }
      return Outcome.STAY;
    });
    g.transformSet.add("mode (transport|tunnel):m", (c, a) -> {
      String name = c.key();
      c.draft().transformSets.computeIfPresent(name, (n, t) -> t.withMode(a.get("m").equals("transport")));
      return Outcome.STAY;
    });
    g.transformSet.add("no mode [LINE]", (c, a) -> {
      String name = c.key();
      c.draft().transformSets.computeIfPresent(name, (n, t) -> t.withMode(false));
      return Outcome.STAY;
    });
  }

  /** Checks a transform set the way IOS does: at most one cipher, one integrity transform. */
  private static List<Transform> transforms(Args a) throws CommandException {
    List<Transform> out = new ArrayList<>();
    int ciphers = 0;
    int integrity = 0;
    for (String kw : a.all("t")) {
      EspTransform t = EspTransform.of(kw);
      int bits = t == EspTransform.ESP_AES ? a.opt("aesbits").map(Integer::parseInt).orElse(128)
          : t == EspTransform.ESP_GCM ? a.opt("gcmbits").map(Integer::parseInt).orElse(128) : 0;
      if (out.stream().anyMatch(x -> x.algorithm() == t)) {
        throw fail("Transform " + kw + " given twice");
      }
      switch (t.kind()) {
        case CIPHER, AEAD -> ciphers++;
        case INTEGRITY -> integrity++;
      }
      out.add(new Transform(t, bits));
    }
    boolean aead = out.stream().anyMatch(x -> x.algorithm().kind() == EspTransform.Kind.AEAD);
    if (ciphers > 1) {
      throw fail("A transform set takes one encryption transform");
    }
    if (integrity > 1) {
      throw fail("A transform set takes one authentication transform");
    }
    if (aead && integrity > 0) {
      throw fail("esp-gcm authenticates by itself; it takes no esp-*-hmac transform");
    }
    return out;
  }

  private static void maps(ConfigGrammar g, Mode<ConfigEdit> m) {
    m.add("crypto dynamic-map WORD:name <1-65535>:seq", (c, a) -> {
      MapKey key = new MapKey(true, a.get("name"), a.integer("seq"));
      c.draft().dynamicMaps.computeIfAbsent(key.name(), n -> new TreeMap<>())
          .putIfAbsent(key.seq(), MapEntry.empty(key.name(), key.seq()));
      return Outcome.enter(g.cryptoMap, key);
    }, "name", "Dynamic crypto map template tag", "seq", "Sequence to insert into dynamic crypto map entry");
    m.add("no crypto dynamic-map WORD:name [<1-65535>:seq]", (c, a) -> {
      removeEntry(c.draft().dynamicMaps, a, "Dynamic crypto map");
      return Outcome.STAY;
    });
    m.add("crypto map WORD:name <1-65535>:seq [ipsec-isakmp] [dynamic WORD:dyn]", (c, a) -> {
      MapKey key = new MapKey(false, a.get("name"), a.integer("seq"));
      TreeMap<Integer, MapEntry> map = c.draft().cryptoMaps.computeIfAbsent(key.name(), n -> new TreeMap<>());
      MapEntry e = map.getOrDefault(key.seq(), MapEntry.empty(key.name(), key.seq()));
      if (a.has("dyn")) {
        map.put(key.seq(), MapEntry.empty(key.name(), key.seq()).withDynamicMap(a.get("dyn")));
        if (!c.draft().dynamicMaps.containsKey(a.get("dyn"))) {
          c.warn("dynamic map " + a.get("dyn") + " is not defined yet");
        }
        return Outcome.STAY;
      }
      if (e.dynamicMap() != null) {
        throw fail("Crypto map " + key.name() + " " + key.seq() + " references dynamic map " + e.dynamicMap()
            + "; remove it first with 'no crypto map " + key.name() + " " + key.seq() + "'");
      }
      map.put(key.seq(), e);
      return Outcome.enter(g.cryptoMap, key);
    }, "name", "Crypto map tag", "seq", "Sequence to insert into crypto map entry",
        "ipsec-isakmp", "IPSEC w/ISAKMP", "dynamic", "Enable dynamic crypto map support", "dyn", "Name of dynamic-map template");
    m.add("no crypto map WORD:name [<1-65535>:seq] [LINE]", (c, a) -> {
      removeEntry(c.draft().cryptoMaps, a, "Crypto map");
      return Outcome.STAY;
    });
    mapEntryCommands(g.cryptoMap);
  }

  private static void mapEntryCommands(Mode<ConfigEdit> cm) {
    cm.add("[no] set nat demux", (c, a) -> {
      editEntry(c, e -> e.withNatDemux(!a.negated()));
      return Outcome.STAY;
    }, "nat", "Set NAT translation", "demux", "Enable L2TP--IPsec support for NAT and PAT Windows clients");
    cm.add("set transform-set WORD:ts [WORD:ts] [WORD:ts] [WORD:ts] [WORD:ts] [WORD:ts]", (c, a) -> {
      for (String ts : a.all("ts")) {
        if (!c.draft().transformSets.containsKey(ts)) {
          c.warn("transform set " + ts + " is not defined yet");
        }
      }
      editEntry(c, e -> e.withTransformSets(a.all("ts")));
      return Outcome.STAY;
    }, "transform-set", "Specify list of transform sets in priority order", "ts", "Transform set name");
    cm.add("no set transform-set [LINE]", (c, a) -> {
      editEntry(c, e -> e.withTransformSets(List.of()));
      return Outcome.STAY;
    });
    cm.add("set pfs [" + DhGroup.numbers("group") + "]", (c, a) -> {
      DhGroup grp = DhGroup.GROUP1;
      for (DhGroup d : DhGroup.values()) {
        if (a.has("group" + d.number())) {
          grp = d;
        }
      }
      DhGroup chosen = grp;
      editEntry(c, e -> e.withPfs(chosen));
      return Outcome.STAY;
    }, "pfs", "Specify pfs settings");
    cm.add("no set pfs [LINE]", (c, a) -> {
      editEntry(c, e -> e.withPfs(null));
      return Outcome.STAY;
    });
    cm.add("set security-association lifetime (seconds <120-86400>:secs|kilobytes <2560-4294967295>:kb)", (c, a) -> {
      editEntry(c, e -> a.has("secs") ? e.withLifetimeSeconds(a.number("secs")) : e.withLifetimeKilobytes(a.number("kb")));
      return Outcome.STAY;
    });
    cm.add("no set security-association lifetime (seconds|kilobytes)", (c, a) -> {
      editEntry(c, e -> a.has("seconds") ? e.withLifetimeSeconds(0) : e.withLifetimeKilobytes(0));
      return Outcome.STAY;
    });
    cm.add("set peer A.B.C.D:ip", (c, a) -> {
      Ipv4Address peer = Ipv4Address.of(a.get("ip"));
      editEntry(c, e -> {
        List<Ipv4Address> peers = new ArrayList<>(e.peers());
        if (!peers.contains(peer)) {
          peers.add(peer);
        }
        return e.withPeers(peers);
      });
      return Outcome.STAY;
    }, "ip", "IP address of peer");
    cm.add("no set peer A.B.C.D:ip", (c, a) -> {
      Ipv4Address peer = Ipv4Address.of(a.get("ip"));
      editEntry(c, e -> e.withPeers(e.peers().stream().filter(x -> !x.equals(peer)).toList()));
      return Outcome.STAY;
    });
    cm.add("match address WORD:acl", (c, a) -> {
      c.inert("'match address' is kept; jlns protects L2TP (UDP 1701) traffic, whatever the access list says");
      editEntry(c, e -> e.withMatchAddress(a.get("acl")));
      return Outcome.STAY;
    }, "match", "Match values.", "acl", "Access-list name or number");
    cm.add("no match address [LINE]", (c, a) -> {
      editEntry(c, e -> e.withMatchAddress(null));
      return Outcome.STAY;
    });
    cm.add("description LINE:text", (c, a) -> {
      editEntry(c, e -> e.withDescription(a.get("text")));
      return Outcome.STAY;
    }, "description", "Description of the crypto map statement policy");
    cm.add("no description [LINE]", (c, a) -> {
      editEntry(c, e -> e.withDescription(null));
      return Outcome.STAY;
    });
  }

  private static void editEntry(ConfigEdit c, UnaryOperator<MapEntry> f) throws CommandException {
    MapKey k = c.key();
    var maps = k.dynamic() ? c.draft().dynamicMaps : c.draft().cryptoMaps;
    TreeMap<Integer, MapEntry> map = maps.get(k.name());
    if (map == null || !map.containsKey(k.seq())) {
      throw fail("Crypto map " + k.name() + " " + k.seq() + " no longer exists");
    }
    map.put(k.seq(), f.apply(map.get(k.seq())));
  }

  private static void removeEntry(java.util.Map<String, TreeMap<Integer, MapEntry>> maps, Args a, String what)
      throws CommandException {
    String name = a.get("name");
    TreeMap<Integer, MapEntry> map = maps.get(name);
    if (map == null) {
      throw fail(what + " " + name + " not found");
    }
    if (a.has("seq")) {
      if (map.remove(a.integer("seq")) == null) {
        throw fail(what + " " + name + " " + a.get("seq") + " not found");
      }
      if (map.isEmpty()) {
        maps.remove(name);
      }
    } else {
      maps.remove(name);
    }
  }

  private static void editPolicy(ConfigEdit c, UnaryOperator<IsakmpPolicy> f) {
    int prio = c.key();
    c.draft().isakmpPolicies.computeIfPresent(prio, (k, v) -> f.apply(v));
  }

  private interface KeysEdit {
    List<PresharedKey> apply(List<PresharedKey> keys) throws CommandException;
  }

  private static void editKeyring(ConfigEdit c, KeysEdit f) throws CommandException {
    String name = c.key();
    Keyring k = c.draft().keyrings.get(name);
    if (k == null) {
      throw fail("Keyring " + name + " no longer exists");
    }
    c.draft().keyrings.put(name, new Keyring(name, f.apply(k.keys())));
  }

  private static PresharedKey psk(Args a, Secret key) throws CommandException {
    if (a.has("host")) {
      return PresharedKey.forHostname(a.get("host"), key);
    }
    Ipv4Address addr = Ipv4Address.of(a.get("addr"));
    Ipv4Address mask = a.has("mask") ? Ipv4Address.of(a.get("mask")) : new Ipv4Address(-1);
    if (!mask.isNetmask()) {
      throw fail("Invalid netmask " + mask);
    }
    return PresharedKey.forAddress(addr, mask, key);
  }

  /** The list with {@code p} replacing any key for the same peer. */
  private static List<PresharedKey> withKey(List<PresharedKey> keys, PresharedKey p) {
    List<PresharedKey> out = new ArrayList<>(without(keys, p));
    out.add(p);
    return out;
  }

  private static List<PresharedKey> without(List<PresharedKey> keys, PresharedKey p) {
    return keys.stream().filter(k -> !k.peer().equals(p.peer())).toList();
  }
}
