package io.jlns.ip;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;

/**
 * Linux scheduling niceness of the calling thread (setpriority(2) on its thread id): a worker
 * that computes Diffie-Hellman at a higher niceness than the packet loops yields the CPU to them
 * as soon as a packet wakes one, so a burst of key exchanges never delays connected clients'
 * traffic. Raising niceness needs no privilege.
 */
public final class ThreadNiceness {
  private static final int PRIO_PROCESS = 0;
  private static final long SYS_GETTID = 186; // x86_64

  private ThreadNiceness() {}

  interface LibC extends Library {
    long syscall(long number) throws LastErrorException;

    int setpriority(int which, int who, int prio) throws LastErrorException;
  }

  /** Sets the calling thread's niceness; false where that is not possible (not Linux x86_64, no JNA). */
  public static boolean set(int niceness) {
    if (!"amd64".equals(System.getProperty("os.arch")) || !System.getProperty("os.name", "").startsWith("Linux")) {
      return false;
    }
    try {
      LibC libc = Libc.load(LibC.class);
      int tid = (int) libc.syscall(SYS_GETTID);
      libc.setpriority(PRIO_PROCESS, tid, niceness);
      return true;
    } catch (Exception | LinkageError e) {
      return false;
    }
  }
}
