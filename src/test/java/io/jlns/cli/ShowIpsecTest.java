package io.jlns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IPsec show and clear commands over a fixed snapshot, in IOS layout. */
class ShowIpsecTest {
  private final List<String> cleared = new ArrayList<>();
  private final IpsecView ipsec = new IpsecView() {
    @Override
    public List<IsakmpSa> isakmpSas() {
      return List.of(new IsakmpSa(1001, "198.51.100.1", 4500, "198.51.100.2", 4500, "QM_IDLE", "3des", "sha", 2, 3540, true, true,
          "10.0.0.11"));
    }

    @Override
    public List<IpsecSa> ipsecSas() {
      return List.of(new IpsecSa(1001, "CRYPT_MAP", "198.51.100.1", 4500, "198.51.100.2", 4500, "198.51.100.1", 17, 1701,
          "10.0.0.11", 17, 1701, 0x5EE78C89, 0xC3182326, "esp-3des esp-sha-hmac", "Transport UDP-Encaps", false, 0, 8, 4607998,
          595, 64, 22, 21, 1, 2, 0, 1024, 1458));
    }

    @Override
    public List<DemuxClient> natDemux() {
      return List.of(new DemuxClient("198.51.100.2", 4500, 1024, 1701, List.of(0x5EE78C89)));
    }

    @Override
    public CallAdmission callAdmission() {
      return new CallAdmission(0, 1000, 250, 12, 2, 4011, 0, 3999, 0, 2, 1, 1024, 250, 0, 1, 1);
    }

    @Override
    public void clearCallAdmission() {
      cleared.add("call admission");
    }

    @Override
    public int clearIpsec(String peer) {
      cleared.add("sa " + peer);
      return 1;
    }

    @Override
    public int clearIsakmp(Integer connId) {
      cleared.add("isakmp " + connId);
      return connId == null || connId == 1001 ? 1 : 0;
    }
  };
  private final VpdnView vpdn = new VpdnView() {
    @Override
    public List<Tunnel> tunnels() {
      return List.of(new Tunnel(2687, 18276, "lac", "198.51.100.2", 1024, "est", 1, 5000));
    }
  };
  private final Sessions s = new Sessions(Sessions.seed(), null, ipsec, vpdn);
  private final ExecSession cli = s.session();

  private String run(String line) {
    cli.execute("enable");
    return cli.execute(line).output();
  }

  @Test
  void callAdmissionStatisticsShowTheLimitsAndWhichOneRefused() {
    String out = run("show crypto call admission statistics");
    assertThat(out).contains("Crypto Call Admission Control Statistics",
        "Max IKE SAs:                0 Max in nego:      1000 per address:     250",
        "Total IKE SA Count:        12 active:             10 negotiating:       2",
        "Incoming IKE Requests:   8010 accepted:         4011 rejected:       3999",
        "Rejected IKE Requests:   3999 in-nego limit:       0 per address:    3999 SA limit: 0",
        "DH workers:                 2 queued:       1/1024   computed:        250 queue full: 0",
        "Flooding addresses:         1 shunned now:         1 (new exchanges dropped in the kernel for 30 s)");
    run("clear crypto call admission statistics");
    assertThat(cleared).containsExactly("call admission");
  }

  @Test
  void isakmpSaListsStateAndConnId() {
    assertThat(run("show crypto isakmp sa")).contains("dst             src             state          conn-id status",
        "198.51.100.1    198.51.100.2    QM_IDLE           1001 ACTIVE");
    assertThat(run("sh cry isa sa detail")).contains("1001  198.51.100.1    198.51.100.2", "3des sha    psk  2  00:59:00 DN");
  }

  @Test
  void anIsakmpSaJlnsInitiatedListsThePeerAsDestination() {
    String out = ShowIpsec.isakmp(List.of(new IpsecView.IsakmpSa(1002, "198.51.100.1", 4500, "198.51.100.2", 4500, "QM_IDLE",
        "3des", "sha", 2, 60, true, true, "10.0.0.11", true)), false);
    assertThat(out).contains("198.51.100.2    198.51.100.1    QM_IDLE           1002 ACTIVE");
  }

  @Test
  void ipsecSaShowsCountersSpisAndTheDemuxPort() {
    String out = run("show crypto ipsec sa");
    assertThat(out).contains("interface: FastEthernet0/0", "local  ident (addr/mask/prot/port): (198.51.100.1/255.255.255.255/17/1701)",
        "remote ident (addr/mask/prot/port): (10.0.0.11/255.255.255.255/17/1701)", "current_peer 198.51.100.2 port 4500",
        "NAT demux: L2TP port 1701 of this peer is seen as port 1024", "#pkts encaps: 22, #pkts encrypt: 22, #pkts digest: 22",
        "#pkts decaps: 21, #pkts decrypt: 21, #pkts verify: 21", "current outbound spi: 0xC3182326(3273138982)",
        "spi: 0x5EE78C89(1592233097)", "in use settings ={Transport UDP-Encaps, }",
        "sa timing: remaining key lifetime (k/sec): (4607998/595)", "replay detection support: Y  replay window size: 64");
    assertThat(run("show crypto ipsec sa detail")).contains("##pkts replay failed (rcv): 1", "#pkts verify failed: 2");
    assertThat(run("show crypto ipsec sa peer 203.0.113.1")).doesNotContain("current_peer");
    assertThat(run("show crypto ipsec sa map CRYPT_MAP")).contains("current_peer 198.51.100.2");
  }

  @Test
  void natDemuxListsClientsWithTheirTunnel() {
    assertThat(run("show crypto nat demux")).contains("NAT demux: 1 client",
        "198.51.100.2:4500      1024      1701        0x5EE78C89               2687");
  }

  @Test
  void clearCommandsReachTheIpsecLayerAndAreLogged() {
    run("clear crypto sa peer 198.51.100.2");
    run("clear crypto isakmp");
    assertThat(cli.execute("clear crypto isakmp 7").output()).contains("No ISAKMP SA with conn-id 7");
    assertThat(cleared).containsExactly("sa 198.51.100.2", "isakmp null", "isakmp 7");
    assertThat(s.log).contains("%CRYPTO-6-CLEAR: clear crypto sa peer 198.51.100.2: 1 SA pair(s) deleted",
        "%CRYPTO-6-CLEAR: clear crypto isakmp: 1 ISAKMP SA(s) deleted");
  }
}
