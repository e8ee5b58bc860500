package io.jlns.ike;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the IKE responders of all event loops share, each piece safe across threads: admission
 * control (one set of limits for the whole server), which responder owns each ISAKMP SA (by
 * responder cookie: the kernel's SO_REUSEPORT hash sends a client's UDP 500 and UDP 4500 to
 * different loops, so a message may arrive where its SA is not), and the conn-id numbering.
 */
public final class IkeShared {
  final Admission admission = new Admission();
  final Shunning shunning = new Shunning();
  private final java.util.List<Runnable> shunListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<Long, IkeResponder> owners = new ConcurrentHashMap<>();
  private final AtomicInteger connIds = new AtomicInteger(1001);

  /** Claims a responder cookie for {@code owner}; false when another SA has it. */
  boolean claim(long rcookie, IkeResponder owner) {
    return owners.putIfAbsent(rcookie, owner) == null;
  }

  IkeResponder owner(long rcookie) {
    return owners.get(rcookie);
  }

  void moveTo(long rcookie, IkeResponder owner) {
    owners.put(rcookie, owner);
  }

  void forget(long rcookie, IkeResponder owner) {
    owners.remove(rcookie, owner);
  }

  /** ISAKMP SAs of every loop, established and in negotiation. */
  int total() {
    return owners.size();
  }

  int nextConnId() {
    return connIds.getAndIncrement();
  }

  /** What {@code show crypto call admission statistics} shows, for the whole server. */
  public AdmissionView admissionView() {
    return admission.view(total(), shunning);
  }

  /** {@code listener} runs (on the thread that shunned) each time an address is newly shunned. */
  public void onShun(Runnable listener) {
    shunListeners.add(listener);
  }

  void shunned() {
    shunListeners.forEach(Runnable::run);
  }

  /** The addresses whose new IKE exchanges the IKE sockets' filters drop at {@code now} (see {@link Shunning}). */
  public Shunning.Snapshot shunned(long now) {
    return shunning.current(now);
  }

  /** {@code clear crypto call admission statistics}. */
  public void clearAdmissionStatistics() {
    admission.clearStatistics();
    shunning.clearStatistics();
  }
}
