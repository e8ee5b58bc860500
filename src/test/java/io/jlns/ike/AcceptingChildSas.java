package io.jlns.ike;

import java.util.ArrayList;
import java.util.List;

/**
 * A harness for tests of phase 1 and its admission: it records what the responder sends and
 * accepts every ESP SA pair without keeping it (the ESP side is not under test there).
 */
abstract class AcceptingChildSas implements TestInitiator.Harness, IkeResponder.ChildSas {
  final List<TestInitiator.Sent> sent = new ArrayList<>();

  @Override
  public List<TestInitiator.Sent> sent() {
    return sent;
  }

  @Override
  public boolean install(ChildSa sa) {
    return true;
  }

  @Override
  public void activate(int inboundSpi) {}

  @Override
  public void remove(int inboundSpi, String reason) {}
}
