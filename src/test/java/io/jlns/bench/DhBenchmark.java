package io.jlns.bench;

import io.jlns.crypto.DiffieHellman;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Diffie-Hellman a responder does for each Main Mode (message 3): a fresh key pair and the
 * shared secret with the initiator's public value. Its rate with every core busy ({@code -t N})
 * bounds the connects per second a server can take on this machine: {@code bench/scale-bench.sh}
 * puts jlns's connects/s next to it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DhBenchmark {
  @Param({"2", "14"})
  public int group;

  private final SecureRandom random = new SecureRandom();
  private byte[] peer;
  private DiffieHellman.Group g;

  @Setup
  public void setUp() {
    g = DiffieHellman.Group.of(group);
    peer = new DiffieHellman(g, random).publicValue();
  }

  @Benchmark
  public byte[] responderKeyExchange() {
    return new DiffieHellman(g, random).sharedSecret(peer);
  }
}
