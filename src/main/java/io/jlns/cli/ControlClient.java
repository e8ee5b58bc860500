package io.jlns.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI's end of the control socket. */
public final class ControlClient implements AutoCloseable {
  /** A reply: output lines, how the line ended, and the prompt to show next. */
  public record Reply(List<String> lines, Response.Status status, String prompt) {
    public String text() {
      return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
  }

  private final SocketChannel ch;
  private final BufferedReader in;
  private final PrintWriter out;

  public ControlClient(Path socket) throws IOException {
    ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(socket));
    in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
    out = new PrintWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8));
  }

  public Reply send(char op, String text) throws IOException {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("one line at a time");
    }
    out.print(op + " " + text + "\n");
    out.flush();
    List<String> lines = new ArrayList<>();
    String l;
    while ((l = in.readLine()) != null) {
      if (l.startsWith("$ ")) {
        int sp = l.indexOf(' ', 2);
        Response.Status st = Response.Status.valueOf(l.substring(2, sp));
        return new Reply(lines, st, l.substring(sp + 1));
      }
      lines.add(l.length() > 2 ? l.substring(2) : "");
    }
    throw new IOException("the server closed the control connection");
  }

  @Override
  public void close() throws IOException {
    ch.close();
  }
}
