package io.jlns.cli;

import java.util.List;

/** What {@code show aaa servers}, {@code show radius statistics} and {@code test aaa} see of AAA. */
public interface AaaView {
  AaaView NONE = new AaaView() {
    @Override
    public List<Server> servers() {
      return List.of();
    }

    @Override
    public Accounting accounting() {
      return new Accounting(0, 0, 0, 0);
    }

    @Override
    public String test(String group, String user, String password) {
      return "% RADIUS is not running";
    }
  };

  /** One RADIUS server's port (authentication or accounting) as the client has used it. */
  record Server(String name, int port, boolean dead, long deadForMillis, int deadCount, long requests, long transmissions,
      long timeouts, long accepts, long rejects, long challenges, long accountingResponses, long badAuthenticators,
      long averageRttMillis, int outstanding) {}

  /** Accounting records waiting for a server, sent, lost (queue full or no server) and sent again. */
  record Accounting(long waiting, long sent, long lost, long retries) {}

  List<Server> servers();

  Accounting accounting();

  /** {@code test aaa group G USER PASSWORD new-code}: a PAP Access-Request, and what came back, as lines. */
  String test(String group, String user, String password);
}
