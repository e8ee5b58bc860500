package io.jlns.log;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where every log and debug line goes, as on IOS: the console (stdout, hence journald), the
 * logging buffer ({@code show logging}), the terminals that typed {@code terminal monitor}, and
 * further sinks (syslog hosts), each with its own severity threshold. A line is stamped once
 * ({@code service timestamps}, {@code service sequence-numbers}) and handed to each; nothing here
 * blocks on a slow terminal or collector (monitors and sinks take lines into bounded queues).
 * One hub per process ({@link #get()}), as the loggers that feed it are.
 */
public final class LogHub {
  /** The local destinations' thresholds (null: off) and the stamps: what the running configuration says. */
  public record Settings(Severity console, Severity monitor, Severity buffered, int bufferSize, Timestamps logStamps,
      Timestamps debugStamps, boolean sequenceNumbers) {
    public static final Settings DEFAULTS = new Settings(Severity.DEBUGGING, Severity.DEBUGGING, Severity.DEBUGGING,
        4096, Timestamps.DEFAULT, Timestamps.DEFAULT, false);
  }

  /**
   * One line: its sequence number, time, severity, whether {@code debug} made it, the text as
   * logged ({@code %SYS-5-CONFIG_I: ...}), and as the local destinations show it (stamped).
   */
  public record Line(long seq, Instant at, Severity severity, boolean debug, String text, String stamped) {}

  /** A further destination (syslog). Called with the hub's lock held: it must only queue. */
  public interface Sink {
    void accept(Line line);

    /** Its part of {@code show logging}. */
    String status();
  }

  private static final Pattern IOS = Pattern.compile("^%[A-Z0-9_]+-([0-7])-[A-Z0-9_]+:");
  private static volatile LogHub current = new LogHub(Clock.systemUTC());

  private final Clock clock;
  private final Instant started;
  private volatile Settings settings = Settings.DEFAULTS;
  private final ArrayDeque<String> buffer = new ArrayDeque<>();
  private long bufferChars;
  private long sequence;
  private final AtomicLong consoleLogged = new AtomicLong();
  private final AtomicLong monitorLogged = new AtomicLong();
  private final AtomicLong bufferLogged = new AtomicLong();
  private final List<Monitor> monitors = new CopyOnWriteArrayList<>();
  private final List<Sink> sinks = new CopyOnWriteArrayList<>();

  public LogHub(Clock clock) {
    this.clock = clock;
    this.started = clock.instant();
  }

  public static LogHub get() {
    return current;
  }

  /** Makes {@code hub} the process's hub (the server at start, tests with a clock of their own). */
  public static void install(LogHub hub) {
    current = hub;
  }

  public Settings settings() {
    return settings;
  }

  public void apply(Settings s) {
    synchronized (this) {
      settings = s;
      trim();
    }
  }

  public void addSink(Sink s) {
    sinks.add(s);
  }

  public void removeSink(Sink s) {
    sinks.remove(s);
  }

  /** The severity an event line states in its IOS tag ({@code %SYS-5-...}), else {@code otherwise}. */
  public static Severity severityOf(String text, Severity otherwise) {
    Matcher m = IOS.matcher(text);
    return m.find() ? Severity.of(m.group(1).charAt(0) - '0') : otherwise;
  }

  /** A log line (the IOS tag in its text gives the severity, else {@code otherwise}). */
  public void log(String text, Severity otherwise) {
    publish(severityOf(text, otherwise), false, text);
  }

  /** A {@code debug} line: severity debugging, stamped by {@code service timestamps debug}. */
  public void debug(String text) {
    publish(Severity.DEBUGGING, true, text);
  }

  private void publish(Severity sev, boolean debug, String text) {
    Settings s = settings;
    Instant at = clock.instant();
    synchronized (this) {
      long seq = ++sequence;
      String stamp = (debug ? s.debugStamps() : s.logStamps()).format(at, started);
      StringBuilder b = new StringBuilder(text.length() + 40);
      if (s.sequenceNumbers()) {
        b.append(String.format("%06d: ", seq));
      }
      if (!stamp.isEmpty()) {
        b.append(stamp).append(": ");
      }
      String stamped = b.append(text).toString();
      Line line = new Line(seq, at, sev, debug, text, stamped);
      if (within(sev, s.console())) {
        consoleLogged.incrementAndGet();
        System.out.println(stamped);
      }
      if (within(sev, s.buffered())) {
        bufferLogged.incrementAndGet();
        buffer.addLast(stamped);
        bufferChars += stamped.length() + 1;
        trim();
      }
      if (within(sev, s.monitor())) {
        for (Monitor m : monitors) {
          if (m.offer(stamped)) {
            monitorLogged.incrementAndGet();
          }
        }
      }
      for (Sink k : sinks) {
        k.accept(line);
      }
    }
  }

  private static boolean within(Severity sev, Severity threshold) {
    return threshold != null && sev.ordinal() <= threshold.ordinal();
  }

  private void trim() {
    Settings s = settings;
    long max = s.buffered() == null ? 0 : s.bufferSize();
    while (bufferChars > max && !buffer.isEmpty()) {
      bufferChars -= buffer.removeFirst().length() + 1;
    }
  }

  /** {@code clear logging}. */
  public synchronized void clearBuffer() {
    buffer.clear();
    bufferChars = 0;
  }

  /** What {@code show logging} prints: the counters, the sinks, then the buffer. */
  public synchronized Status status() {
    List<String> sinkStatus = new ArrayList<>();
    sinks.forEach(k -> sinkStatus.add(k.status()));
    return new Status(settings, consoleLogged.get(), monitorLogged.get(), bufferLogged.get(), monitors.size(),
        sinkStatus, List.copyOf(buffer));
  }

  public record Status(Settings settings, long console, long monitor, long buffered, int monitors, List<String> sinks,
      List<String> buffer) {}

  /** A terminal that typed {@code terminal monitor}: lines wait in a bounded queue for its writer thread. */
  public Monitor monitor(String line) {
    Monitor m = new Monitor(line);
    monitors.add(m);
    return m;
  }

  public final class Monitor implements AutoCloseable {
    /** Lines a terminal may fall behind by before the oldest are lost (counted). */
    static final int QUEUE = 2048;

    private final String line;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean closed;

    private Monitor(String line) {
      this.line = line;
    }

    public String line() {
      return line;
    }

    boolean offer(String s) {
      if (queue.offer(s)) {
        return true;
      }
      lost.incrementAndGet();
      return false;
    }

    /** The next line, or null after {@code timeoutMillis} or once closed. */
    public String next(long timeoutMillis) throws InterruptedException {
      return closed ? null : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Lines dropped because the terminal fell behind; reset by the read. */
    public long takeLost() {
      return lost.getAndSet(0);
    }

    public boolean closed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
      monitors.remove(this);
    }
  }
}
