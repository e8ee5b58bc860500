package io.jlns.ike;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A harness that records what the responder sends and keeps the ESP SA pairs it installs, as the
 * data plane would: pending until activated, then installed until removed (with the reason).
 */
abstract class RecordingChildSas implements TestInitiator.Harness, IkeResponder.ChildSas {
  final List<TestInitiator.Sent> sent = new ArrayList<>();
  final Map<Integer, ChildSa> installed = new HashMap<>();
  final Map<Integer, ChildSa> pending = new HashMap<>();
  final List<String> removed = new ArrayList<>();

  @Override
  public List<TestInitiator.Sent> sent() {
    return sent;
  }

  @Override
  public boolean install(ChildSa sa) {
    pending.put(sa.inboundSpi(), sa);
    return true;
  }

  @Override
  public void activate(int inboundSpi) {
    ChildSa sa = pending.remove(inboundSpi);
    if (sa != null) {
      installed.put(inboundSpi, sa);
    }
  }

  @Override
  public void remove(int inboundSpi, String reason) {
    installed.remove(inboundSpi);
    pending.remove(inboundSpi);
    if (removed.size() < 1000) {
      removed.add(Integer.toHexString(inboundSpi) + ": " + reason);
    }
  }
}
