package io.jlns.server;

import io.netty.channel.EventLoop;

/**
 * One event loop and everything it owns: the clients whose UDP 4500 (or, without NAT, UDP 500)
 * the kernel's SO_REUSEPORT hash brings to this loop's sockets, each with its ISAKMP SA, ESP SAs,
 * NAT demux entry, L2TP tunnel and sessions and PPP. Only this loop touches them, so the packet
 * path takes no lock; other threads reach them by posting a task to {@link #loop}.
 */
record Shard(int index, EventLoop loop, L2tpRuntime l2tp, IpsecRuntime ipsec) {}
