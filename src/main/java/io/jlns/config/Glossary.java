package io.jlns.config;

import java.util.Map;

/** {@code ?} help for keywords shared by many commands, in IOS's words. */
final class Glossary {
  private Glossary() {}

  static void fill(Map<String, String> g) {
    g.put("no", "Negate a command or set its defaults");
    g.put("crypto", "Encryption module");
    g.put("isakmp", "Configure ISAKMP policy");
    g.put("ipsec", "Configure IPSEC policy");
    g.put("keyring", "Key ring commands");
    g.put("dynamic-map", "Specify a dynamic crypto map template");
    g.put("map", "Enter a crypto map");
    g.put("policy", "Set policy for an ISAKMP protection suite");
    g.put("key", "Set pre-shared key for remote peer");
    g.put("keepalive", "Set a keepalive interval for use with IOS peers");
    g.put("nat", "NAT traversal / NAT demultiplexing");
    g.put("security-association", "Security association parameters");
    g.put("lifetime", "security association lifetime");
    g.put("seconds", "Security association duration in seconds");
    g.put("kilobytes", "Volume-based key duration");
    g.put("transform-set", "Define transform and settings");
    g.put("address", "define shared key with IP address");
    g.put("hostname", "Set system's network name");
    g.put("interface", "Select an interface to configure");
    g.put("ip", "Global IP configuration subcommands");
    g.put("local", "Specify local options");
    g.put("pool", "IP Local address pool lists");
    g.put("username", "Establish User Name Authentication");
    g.put("enable", "Modify enable password parameters");
    g.put("secret", "Assign the privileged level secret");
    g.put("password", "Specify the password for the user");
    g.put("aaa", "Authentication, Authorization and Accounting.");
    g.put("vpdn", "Virtual Private Dialup Network");
    g.put("vpdn-group", "VPDN group configuration");
    g.put("set", "Set values for encryption/decryption");
    g.put("demux", "Enable L2TP--IPsec support for NAT and PAT Windows clients");
    g.put("pfs", "Specify pfs settings");
    g.put("peer", "Allowed Encryption/Decryption peer");
    g.put("l2tp", "L2TP parameters");
    g.put("tunnel", "L2TP tunnel commands");
    g.put("ppp", "Point-to-Point Protocol");
    g.put("description", "Interface specific description");
    g.put("shutdown", "Shutdown the selected interface");
    g.put("end", "Exit from configure mode");
    g.put("exit", "Exit from configure mode");
    g.put("mode", "encapsulation mode (transport/tunnel)");
    g.put("transport", "transport (payload encapsulation)");
    g.put("tunnel", "tunnel (datagram encapsulation)");
    g.put("esp-des", "ESP transform using DES cipher (56 bits)");
    g.put("esp-3des", "ESP transform using 3DES(EDE) cipher (168 bits)");
    g.put("esp-aes", "ESP transform using AES cipher");
    g.put("esp-gcm", "ESP transform using GCM cipher");
    g.put("esp-md5-hmac", "ESP transform using HMAC-MD5 auth");
    g.put("esp-sha-hmac", "ESP transform using HMAC-SHA auth");
    g.put("esp-sha256-hmac", "ESP transform using HMAC-SHA256 auth");
    g.put("esp-sha384-hmac", "ESP transform using HMAC-SHA384 auth");
    g.put("esp-sha512-hmac", "ESP transform using HMAC-SHA512 auth");
    g.put("128", "128 bit keys.");
    g.put("192", "192 bit keys.");
    g.put("256", "256 bit keys.");
  }
}
