package io.jlns.ppp;

/**
 * What PPP tells accounting (RADIUS Accounting-Requests, RFC 2866): a session's start once IPCP
 * is up, its updates, its stop with the cause. Called on the session's thread; an implementation
 * that sends hands the usage to its own.
 */
public interface Accounting {
  Accounting NONE = new Accounting() {
    @Override
    public void start(SessionUsage u) {}

    @Override
    public void interim(SessionUsage u) {}

    @Override
    public void stop(SessionUsage u, TerminateCause cause) {}

    @Override
    public int interimSeconds() {
      return 0;
    }
  };

  void start(SessionUsage u);

  void interim(SessionUsage u);

  void stop(SessionUsage u, TerminateCause cause);

  /** Seconds between updates when AAA gave no Acct-Interim-Interval ({@code aaa accounting update periodic}); 0: none. */
  int interimSeconds();
}
