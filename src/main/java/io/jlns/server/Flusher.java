package io.jlns.server;

import io.jlns.log.Drops;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;

/**
 * One flush per loop iteration instead of one per datagram: what the loop writes while it handles
 * a batch of received datagrams is flushed together after the batch, so Netty's epoll transport
 * sends it with one sendmmsg(2) call where it was one sendto(2) each. A channel whose socket
 * buffer is full takes nothing more (dropped and counted): its outbound queue stays bounded.
 * Belongs to one loop.
 */
final class Flusher {
  private final EventLoop loop;
  private final Drops drops;
  private final List<Channel> dirty = new ArrayList<>(4);
  private boolean scheduled;
  private final Runnable flushAll = this::flushAll;

  Flusher(EventLoop loop, Drops drops) {
    this.loop = loop;
    this.drops = drops;
  }

  /** Writes {@code msg} (taking it); releases it, counted, when the channel is full. */
  void write(Channel ch, Object msg) {
    if (!ch.isWritable()) {
      io.netty.util.ReferenceCountUtil.release(msg);
      drops.count("send-buffer-full");
      return;
    }
    ch.write(msg, ch.voidPromise());
    if (!dirty.contains(ch)) {
      dirty.add(ch);
    }
    if (!scheduled) {
      scheduled = true;
      loop.execute(flushAll);
    }
  }

  private void flushAll() {
    scheduled = false;
    for (int i = 0; i < dirty.size(); i++) {
      dirty.get(i).flush();
    }
    dirty.clear();
  }
}
