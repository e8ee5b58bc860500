package io.jlns.bench;

import io.jlns.crypto.EspCipher;
import io.jlns.crypto.EspIntegrity;
import io.jlns.esp.EspCrypto;
import io.jlns.esp.EspSa;
import java.net.InetSocketAddress;
import java.util.Arrays;
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
 * ESP per packet, one core: {@code encrypt} is what the send path does (copy the payload in,
 * sequence number, padding, encryption, ICV), {@code decrypt} the receive path (copy out of the
 * socket buffer, anti-replay check and update, ICV, decryption, padding check). Run by
 * {@code bench/run.sh}, which puts the figures next to {@code openssl speed} in BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EspBenchmark {
  /** cipher/bits/integrity, as the transform sets name them. */
  @Param({"esp-3des esp-sha-hmac", "esp-aes esp-sha-hmac", "esp-aes 256 esp-sha-hmac", "esp-aes 256 esp-sha256-hmac",
      "esp-gcm", "esp-gcm 256"})
  public String transform;

  @Param({"64", "1400"})
  public int size;

  private static final int RING = 1024;
  private final byte[] payload = new byte[2048];
  private final byte[] buf = new byte[2048];
  private byte[][] packets;
  private int[] lengths;
  private int next;
  private EspSa sender;
  private EspSa receiver;
  private EspCipher cipher;
  private EspIntegrity integrity;
  private int bits;

  @Setup
  public void setUp() {
    String[] t = transform.split(" ");
    cipher = switch (t[0]) {
      case "esp-3des" -> EspCipher.TRIPLE_DES_CBC;
      case "esp-aes" -> EspCipher.AES_CBC;
      default -> EspCipher.AES_GCM_16;
    };
    bits = t.length > 1 && t[1].matches("\\d+") ? Integer.parseInt(t[1]) : 128;
    String auth = t[t.length - 1];
    integrity = switch (auth) {
      case "esp-sha-hmac" -> EspIntegrity.HMAC_SHA1_96;
      case "esp-sha256-hmac" -> EspIntegrity.HMAC_SHA256_128;
      default -> EspIntegrity.NONE;
    };
    Arrays.fill(payload, (byte) 0x5a);
    sender = sa();
    packets = new byte[RING][];
    lengths = new int[RING];
    EspSa s = sa();
    for (int i = 0; i < RING; i++) {
      byte[] b = new byte[2048];
      System.arraycopy(payload, 0, b, 8 + s.outbound().ivLength(), size);
      lengths[i] = s.seal(17, b, 0, size);
      packets[i] = b;
    }
    receiver = sa();
  }

  private EspSa sa() {
    byte[] enc = new byte[cipher.keymatLength(bits)];
    Arrays.fill(enc, (byte) 1);
    byte[] auth = new byte[integrity.keyLength()];
    Arrays.fill(auth, (byte) 2);
    return new EspSa(0x100, 0x100, new EspCrypto(cipher, integrity, enc, auth, new byte[16]),
        new EspCrypto(cipher, integrity, enc, auth, new byte[16]), 64, 0, new InetSocketAddress(4500), null);
  }

  @Benchmark
  public int encrypt() {
    System.arraycopy(payload, 0, buf, 8 + sender.outbound().ivLength(), size);
    int len = sender.seal(17, buf, 0, size);
    if (len < 0) {
      // Past 2^32 - 1 packets or the volume limit: a fresh SA, as a rekey would give.
      sender = sa();
      len = sender.seal(17, buf, 0, size);
    }
    return len;
  }

  @Benchmark
  public int decrypt() {
    int i = next++ & (RING - 1);
    if (i == 0 && next > 1) {
      // The ring starts again at sequence 1: a new SA, or anti-replay would (rightly) refuse it.
      receiver = sa();
    }
    System.arraycopy(packets[i], 0, buf, 0, lengths[i]);
    int[] r = result;
    if (receiver.open(buf, 0, lengths[i], r, 0) != EspCrypto.Result.OK) {
      throw new IllegalStateException("benchmark packet refused");
    }
    return r[0];
  }

  private final int[] result = new int[2];
}
