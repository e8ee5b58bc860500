package io.jlns.ip;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;

/** Loads an interface of libc calls through JNA (the JDK has neither TUN devices nor raw sockets). */
final class Libc {
  private Libc() {}

  static <T extends Library> T load(Class<T> calls) throws IOException {
    try {
      return Native.load("c", calls);
    } catch (UnsatisfiedLinkError e) {
      throw new IOException("cannot load libc through JNA: " + e.getMessage(), e);
    }
  }
}
