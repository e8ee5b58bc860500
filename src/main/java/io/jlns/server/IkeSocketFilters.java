package io.jlns.server;

import io.jlns.ike.Shunning;
import io.jlns.ip.SocketFilter;
import io.jlns.time.Scheduler;
import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDatagramChannel;
import java.io.IOException;
import java.util.Collection;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loop's IKE sockets (UDP 500 and 4500) kept filtered to the shunned addresses of admission
 * control ({@link Shunning}): at once when an address is shunned, and every quarter second (for
 * shuns that end) the loop compares the shared list's version
 * with the one its sockets carry and, when it changed, puts a new socket filter on each (or takes
 * it off). Runs on the loop that owns the sockets.
 */
final class IkeSocketFilters {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.ike");
  static final long CHECK_MILLIS = 250;
  private final Collection<Channel> ike;
  private final Collection<Channel> natT;
  private final LongFunction<Shunning.Snapshot> shunned;
  private final Scheduler scheduler;
  private long version;
  private boolean broken;

  IkeSocketFilters(Collection<Channel> ike, Collection<Channel> natT, LongFunction<Shunning.Snapshot> shunned,
      Scheduler scheduler) {
    this.ike = ike;
    this.natT = natT;
    this.shunned = shunned;
    this.scheduler = scheduler;
  }

  void start() {
    scheduler.schedule(CHECK_MILLIS, this::check);
  }

  private void check() {
    apply();
    scheduler.schedule(CHECK_MILLIS, this::check);
  }

  /** The sockets' filters brought up to date now (an address was just shunned, on this loop or another). */
  void apply() {
    Shunning.Snapshot s = shunned.apply(scheduler.nowMillis());
    if (s.version() != version && !broken) {
      version = s.version();
      filter(ike, s.addresses(), false);
      filter(natT, s.addresses(), true);
    }
  }

  private void filter(Collection<Channel> channels, int[] addresses, boolean natT) {
    for (Channel ch : channels) {
      if (!(ch instanceof EpollDatagramChannel e) || !ch.isOpen()
          || !(((java.net.InetSocketAddress) ch.localAddress()).getAddress() instanceof java.net.Inet4Address)) {
        continue; // not a Linux epoll IPv4 socket (the program reads an IPv4 header): refusals stay in the loop
      }
      try {
        int fd = e.fd().intValue();
        if (addresses.length == 0) {
          SocketFilter.detach(fd);
        } else {
          SocketFilter.attach(fd, SocketFilter.dropNewExchangesFrom(addresses, natT));
        }
      } catch (IOException | RuntimeException | LinkageError ex) {
        broken = true;
        LOG.warn("%CRYPTO-4-IKE_CAC_SHUN: cannot filter the IKE socket {} ({}): flooding addresses are refused by the"
            + " event loop instead", ch.localAddress(), ex.getMessage());
        return;
      }
    }
  }
}
