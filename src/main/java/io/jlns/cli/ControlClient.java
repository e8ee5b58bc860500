package io.jlns.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The CLI's end of the control socket. A reader thread takes every line the server sends: reply
 * lines wait for {@link #send}; monitor lines ({@code terminal monitor}) go to the monitor
 * consumer at once, even while the user is typing.
 */
public final class ControlClient implements CliLink, AutoCloseable {
  /** A reply: output lines, how the line ended, and the prompt to show next. */
  public record Reply(List<String> lines, Response.Status status, String prompt) {
    public String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
  }

  private static final String EOF = new String("end of stream");

  private final SocketChannel ch;
  private final PrintWriter out;
  private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
  private volatile Consumer<String> monitor = System.out::println;

  public ControlClient(Path socket) throws IOException {
    ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    BufferedReader in = new BufferedReader(new InputStreamReader(ChannelStreams.in(ch), StandardCharsets.UTF_8));
    out = new PrintWriter(new OutputStreamWriter(ChannelStreams.out(ch), StandardCharsets.UTF_8));
    Thread reader = new Thread(() -> read(in), "control-client");
    reader.setDaemon(true);
    reader.start();
  }

  /** Where monitor lines go (stdout unless set). */
  @Override
  public void onMonitor(Consumer<String> sink) {
    monitor = sink;
  }

  private void read(BufferedReader in) {
    try {
      String l;
      while ((l = in.readLine()) != null) {
        if (l.startsWith("! ")) {
          monitor.accept(l.substring(2));
        } else {
          replies.add(l);
        }
      }
    } catch (IOException e) {
      // the connection ended: send() reports it
    } finally {
      replies.add(EOF);
    }
  }

  @Override
  public Reply send(char op, String text) throws IOException {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("one line at a time");
    }
    out.print(op + " " + text + "\n");
    out.flush();
    List<String> lines = new ArrayList<>();
    while (true) {
      String l;
      try {
        l = replies.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted waiting for the server");
      }
      if (l == EOF) {
        replies.add(EOF);
        throw new IOException("the server closed the control connection");
      }
      if (l.startsWith("$ ")) {
        int sp = l.indexOf(' ', 2);
        Response.Status st = Response.Status.valueOf(l.substring(2, sp));
        return new Reply(lines, st, l.substring(sp + 1));
      }
      lines.add(l.length() > 2 ? l.substring(2) : "");
    }
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
