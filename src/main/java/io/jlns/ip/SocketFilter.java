package io.jlns.ip;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A classic BPF socket filter (Linux {@code SO_ATTACH_FILTER}) on an IKE socket that drops the
 * datagrams opening a new IKE exchange (ISAKMP responder cookie zero, RFC 2408 section 3.1) from
 * given IPv4 source addresses, so the kernel discards a flood of forged Main Mode message 1s on
 * the full socket (on loopback, in the sender's own time) instead of the event loop reading,
 * copying and refusing each. Everything else passes: ESP, NAT keepalives, and every message of an
 * exchange under way (its responder cookie is set).
 *
 * <p>For a UDP socket the filter sees the datagram from its UDP header; the source address is
 * read through the network-header offset ({@code SKF_NET_OFF}). On a NAT-T socket (RFC 3948
 * section 2.2) an IKE message follows a four-byte zero non-ESP marker.
 */
public final class SocketFilter {
  /** The most addresses one program holds (the kernel allows 4,096 instructions). */
  public static final int MAX_ADDRESSES = 1024;
  private static final int SOL_SOCKET = 1;
  private static final int SO_ATTACH_FILTER = 26;
  private static final int SO_DETACH_FILTER = 27;
  private static final int ENOENT = 2;
  private static final int LD_W_ABS = 0x20;
  private static final int JEQ_K = 0x15;
  private static final int JA = 0x05;
  private static final int RET_K = 0x06;
  private static final int SKF_NET_OFF = -0x100000;
  private static final int UDP_HEADER = 8;
  private static final int NON_ESP_MARKER = 4;
  /** Each group of addresses has a drop of its own, so every jump stays within a byte. */
  private static final int GROUP = 128;

  private SocketFilter() {}

  interface LibC extends Library {
    int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;
  }

  /**
   * The program, as the kernel's {@code struct sock_filter} array (8 bytes an instruction, host
   * byte order): drop a datagram that opens an IKE exchange from one of {@code sources} (IPv4,
   * as ints), accept everything else; {@code natT}: the socket is UDP 4500.
   */
  public static byte[] dropNewExchangesFrom(int[] sources, boolean natT) {
    if (sources.length > MAX_ADDRESSES) {
      throw new IllegalArgumentException(sources.length + " addresses: at most " + MAX_ADDRESSES);
    }
    int groups = (sources.length + GROUP - 1) / GROUP;
    ByteBuffer b = ByteBuffer.allocate(8 * (7 + (natT ? 2 : 0) + sources.length + 2 * groups)).order(ByteOrder.nativeOrder());
    int cookie = UDP_HEADER + 8; // the responder cookie, after the initiator's
    int accept = natT ? 6 : 4; // index of the first "ret accept"
    int at = 0;
    if (natT) {
      // Not IKE (ESP has a non-zero SPI here): accept.
      at = put(b, at, LD_W_ABS, 0, 0, UDP_HEADER);
      at = put(b, at, JEQ_K, 0, accept - at - 1, 0);
      cookie += NON_ESP_MARKER;
    }
    at = put(b, at, LD_W_ABS, 0, 0, cookie);
    at = put(b, at, JEQ_K, 0, accept - at - 1, 0);
    at = put(b, at, LD_W_ABS, 0, 0, cookie + 4);
    at = put(b, at, JEQ_K, 1, 0, 0);
    at = put(b, at, RET_K, 0, 0, -1); // responder cookie set: an exchange under way
    at = put(b, at, LD_W_ABS, 0, 0, SKF_NET_OFF + 12);
    for (int g = 0; g < groups; g++) {
      int n = Math.min(GROUP, sources.length - g * GROUP);
      for (int i = 0; i < n; i++) {
        at = put(b, at, JEQ_K, n - i, 0, sources[g * GROUP + i]);
      }
      at = put(b, at, JA, 0, 0, 1);
      at = put(b, at, RET_K, 0, 0, 0);
    }
    put(b, at, RET_K, 0, 0, -1);
    return b.array();
  }

  private static int put(ByteBuffer b, int at, int code, int jt, int jf, int k) {
    b.putShort(at * 8, (short) code).put(at * 8 + 2, (byte) jt).put(at * 8 + 3, (byte) jf).putInt(at * 8 + 4, k);
    return at + 1;
  }

  /** Puts {@code program} on socket {@code fd} in place of any filter it had (atomically, for the kernel). */
  public static void attach(int fd, byte[] program) throws IOException {
    LibC libc = Libc.load(LibC.class);
    Memory code = new Memory(program.length);
    code.write(0, program, 0, program.length);
    Memory fprog = new Memory(16); // struct sock_fprog: unsigned short len; struct sock_filter *filter
    fprog.clear();
    fprog.setShort(0, (short) (program.length / 8));
    fprog.setPointer(8, code);
    try {
      libc.setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, fprog, 16);
    } catch (LastErrorException e) {
      throw new IOException("SO_ATTACH_FILTER: errno " + e.getErrorCode(), e);
    }
  }

  /** Takes any filter off socket {@code fd}. */
  public static void detach(int fd) throws IOException {
    LibC libc = Libc.load(LibC.class);
    Memory none = new Memory(4);
    none.setInt(0, 0);
    try {
      libc.setsockopt(fd, SOL_SOCKET, SO_DETACH_FILTER, none, 4);
    } catch (LastErrorException e) {
      if (e.getErrorCode() != ENOENT) {
        throw new IOException("SO_DETACH_FILTER: errno " + e.getErrorCode(), e);
      }
    }
  }
}
