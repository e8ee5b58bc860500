package io.jlns.aaa.radius;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.SessionUsage;
import io.jlns.ppp.TerminateCause;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounting-Requests (RFC 2866, Gigawords of RFC 2869) and the causes of the seed's endings. */
class AccountingRequestsTest {
  private static final AuthRequest.Caller CALLER = new AuthRequest.Caller(new InetSocketAddress("198.51.100.7", 4500), null,
      3, "6B0E447A00000003");
  private static final AccessRequests.Nas NAS = new AccessRequests.Nas(0, "lns1");

  @Test
  void aStopCarriesTimeCountersWithGigawordsAndItsCause() {
    long in = (5L << 32) + 1234;
    SessionUsage u = new SessionUsage("Virtual-Access3", "alice", 0x14000064, CALLER, 1_000, 3_601_000, in, 99, 7, 8,
        List.of(new byte[] {'g'}));
    RadiusPacket p = new RadiusPacket(Radius.ACCOUNTING_REQUEST, 1, new byte[16],
        AccountingRequests.delayed(AccountingRequests.session(AccountingRequests.STOP, u, TerminateCause.LOST_CARRIER, NAS,
            1_700_000_000L), 4));
    assertThat(p.first(Radius.ACCT_STATUS_TYPE).integer()).isEqualTo(2);
    assertThat(p.first(Radius.ACCT_SESSION_ID).text()).isEqualTo("6B0E447A00000003");
    assertThat(p.first(Radius.ACCT_SESSION_TIME).integer()).isEqualTo(3600);
    assertThat(p.first(Radius.ACCT_INPUT_OCTETS).integer()).isEqualTo(1234);
    assertThat(p.first(Radius.ACCT_INPUT_GIGAWORDS).integer()).isEqualTo(5);
    assertThat(p.first(Radius.ACCT_OUTPUT_OCTETS).integer()).isEqualTo(99);
    assertThat(p.first(Radius.ACCT_INPUT_PACKETS).integer()).isEqualTo(7);
    assertThat(p.first(Radius.ACCT_OUTPUT_PACKETS).integer()).isEqualTo(8);
    assertThat(p.first(Radius.ACCT_TERMINATE_CAUSE).integer()).isEqualTo(2);
    assertThat(p.first(Radius.ACCT_DELAY_TIME).integer()).isEqualTo(4);
    assertThat(p.first(Radius.FRAMED_IP_ADDRESS).integer()).isEqualTo(0x14000064L);
    assertThat(p.first(Radius.CLASS).value()).containsExactly('g');
    assertThat(p.first(Radius.CALLING_STATION_ID).text()).isEqualTo("198.51.100.7:4500");
    assertThat(p.first(Radius.EVENT_TIMESTAMP).integer()).isEqualTo(1_700_000_000L);
    RadiusPacket start = new RadiusPacket(Radius.ACCOUNTING_REQUEST, 1, new byte[16],
        AccountingRequests.session(AccountingRequests.START, u, null, NAS, 1L));
    assertThat(start.first(Radius.ACCT_SESSION_TIME)).isNull();
    assertThat(start.first(Radius.ACCT_TERMINATE_CAUSE)).isNull();
  }

  @Test
  void theSeedsEndingsHaveTheirCauses() {
    assertThat(TerminateCause.of("LCP terminated by the peer")).isEqualTo(TerminateCause.USER_REQUEST);
    assertThat(TerminateCause.of("the LAC disconnected the call (CDN result 1)")).isEqualTo(TerminateCause.USER_REQUEST);
    assertThat(TerminateCause.of("the LAC closed the tunnel (StopCCN result 1)")).isEqualTo(TerminateCause.USER_REQUEST);
    assertThat(TerminateCause.of("LCP keepalive timeout")).isEqualTo(TerminateCause.LOST_CARRIER);
    assertThat(TerminateCause.of("no acknowledgement from the peer (retransmissions exhausted)"))
        .isEqualTo(TerminateCause.LOST_CARRIER);
    assertThat(TerminateCause.of("cleared by the administrator (clear interface Virtual-Access3)"))
        .isEqualTo(TerminateCause.ADMIN_RESET);
    assertThat(TerminateCause.of("session timeout (3600 s)")).isEqualTo(TerminateCause.SESSION_TIMEOUT);
    assertThat(TerminateCause.of("idle timeout (600 s)")).isEqualTo(TerminateCause.IDLE_TIMEOUT);
  }
}
