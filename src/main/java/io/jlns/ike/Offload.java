package io.jlns.ike;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where the costly part of IKE runs (the Diffie-Hellman of Main Mode and the key derivation
 * after it): off the event loop that carries the packets of connected clients. {@code work}
 * runs on some other thread and must touch no SA; {@code done} gets its result back on the
 * SA's own loop.
 */
public interface Offload {
  /** False when no room is left (the work is not run; the peer's retransmission tries again). */
  <T> boolean submit(Supplier<T> work, Consumer<T> done);

  /** Work done at once on the caller's thread: for tests and tools with no loop to protect. */
  Offload INLINE = new Offload() {
    @Override
    public <T> boolean submit(Supplier<T> work, Consumer<T> done) {
      done.accept(work.get());
      return true;
    }
  };
}
