package io.jlns.vty;

import io.jlns.cli.CliContext;
import io.jlns.config.Config;
import io.jlns.config.Ipv4Address;
import io.jlns.config.Management;
import io.jlns.config.SecretHasher;
import io.jlns.config.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.sshd.common.io.IoAcceptor;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;

/**
 * The SSH vty lines (Apache MINA SSHD): served while some {@code line vty} has {@code transport
 * input ssh}, on {@code ip ssh server port} (22 by default) of every address. Logins are the
 * configuration's usernames ({@code login local}); a user of privilege 15 lands in privileged
 * EXEC. {@code access-class} refuses other sources at the TCP accept, {@code login block-for}
 * puts the box in quiet mode after repeated failures, {@code exec-timeout} ends idle sessions. The
 * RSA host key is generated once and kept beside the configuration.
 */
public final class VtyServer implements AutoCloseable {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' EEE MMM d yyyy", Locale.ENGLISH);

  private final CliContext ctx;
  private final Path hostKey;
  /** The public key a session's user offered and the chain holds, until the session is authenticated. */
  private static final org.apache.sshd.common.AttributeRepository.AttributeKey<String> KEY_USED =
      new org.apache.sshd.common.AttributeRepository.AttributeKey<>();
  private final Consumer<String> log;
  private final LoginGuard guard = new LoginGuard(System::currentTimeMillis, null);
  private final BitSet busy = new BitSet();
  private volatile Config config;
  private SshServer sshd;
  private int port;
  private long lastRefusalLog;
  /** The last {@code crypto key generate} carried out. */
  private long keySerial;

  public VtyServer(CliContext ctx, Path hostKey, Consumer<String> log) {
    this.ctx = ctx;
    this.hostKey = hostKey;
    this.log = log;
  }

  /** Starts, stops or moves the server as the configuration says. */
  public synchronized void apply(Config c) {
    config = c;
    Management m = c.management();
    guard.apply(m.loginBlock() == null ? null : new LoginGuard.Policy(m.loginBlock().blockSeconds(), m.loginBlock().attempts(),
        m.loginBlock().withinSeconds()));
    if (m.keyRequest() != null && m.keyRequest().serial() != keySerial) {
      keySerial = m.keyRequest().serial();
      int bits = m.keyRequest().bits();
      Thread t = new Thread(() -> newHostKey(bits), "jlns-ssh-keygen");
      t.setDaemon(true);
      t.start();
    }
    boolean want = m.sshEnabled();
    if (sshd != null && (!want || port != m.ssh().port())) {
      stop();
    }
    if (want && sshd == null) {
      start(m);
    } else if (sshd != null) {
      properties(sshd, m);
    }
  }

  /** {@code crypto key generate rsa}: off the CLI's thread (a 4096-bit key takes seconds); open sessions keep their key. */
  private void newHostKey(int bits) {
    try {
      var p = HostKeys.regenerate(hostKey, bits, log);
      synchronized (this) {
        if (sshd != null) {
          sshd.setKeyPairProvider(p);
          publishKey(sshd);
        }
      }
    } catch (IOException | RuntimeException e) {
      log.accept("%SSH-3-KEYGEN: no new host key (the old one stays): " + e.getMessage());
    }
  }

  /** {@code show ip ssh} shows the host key a client will be offered. */
  private static void publishKey(SshServer s) {
    String line;
    try {
      line = org.apache.sshd.common.config.keys.PublicKeyEntry.toString(s.getKeyPairProvider().loadKeys(null).iterator().next()
          .getPublic());
    } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
      line = null;
    }
    String key = line;
    io.jlns.cli.ShowSsh.hostKey(() -> key);
  }

  /** The port it listens on, 0 when off. */
  public synchronized int port() {
    return sshd == null ? 0 : sshd.getPort();
  }

  private void start(Management m) {
    SshServer s = SshServer.setUpDefaultServer();
    s.setPort(m.ssh().port());
    s.setKeyPairProvider(HostKeys.provider(hostKey, HostKeys.DEFAULT_BITS));
    properties(s, m);
    s.setPasswordAuthenticator(this::authenticate);
    s.setPublickeyAuthenticator(this::authenticateKey);
    s.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
      @Override
      public void sessionEvent(org.apache.sshd.common.session.Session session, Event event) {
        String k = session.getAttribute(KEY_USED);
        if (event == Event.Authenticated && k != null && session instanceof ServerSession ss) {
          int localPort = ss.getIoSession().getLocalAddress() instanceof InetSocketAddress l ? l.getPort() : 0;
          log.accept("%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: " + ss.getUsername() + "] [Source: " + source(ss)
              + "] [localport: " + localPort + "] [publickey " + k + "] at " + now());
        }
      }
    });
    s.setShellFactory(channel -> shell(channel.getServerSession(), null));
    s.setCommandFactory((channel, command) -> shell(channel.getServerSession(), command));
    s.setIoServiceEventListener(new IoServiceEventListener() {
      @Override
      public void connectionAccepted(IoAcceptor acceptor, SocketAddress local, SocketAddress remote, SocketAddress service)
          throws IOException {
        admit(remote);
      }
    });
    try {
      s.start();
      sshd = s;
      port = m.ssh().port();
      publishKey(s);
      log.accept("%SSH-5-ENABLED: SSH 2.0 has been enabled on TCP port " + s.getPort() + " (host key " + hostKey + ")");
    } catch (IOException e) {
      log.accept("%SSH-3-LISTEN: cannot listen on TCP port " + m.ssh().port() + ": " + e.getMessage() + " (use 'ip ssh server "
          + "port' for a port above 1023 when not root)");
    }
  }

  private static void properties(SshServer s, Management m) {
    CoreModuleProperties.AUTH_TIMEOUT.set(s, Duration.ofSeconds(m.ssh().timeoutSeconds()));
    // IOS's retries count the attempts after the first; SSH counts every request (the 'none' probe too).
    CoreModuleProperties.MAX_AUTH_REQUESTS.set(s, m.ssh().retries() + 2);
    int idle = m.vtys().values().stream().filter(Management.Vty::ssh).mapToInt(Management.Vty::execTimeoutSeconds).max()
        .orElse(0);
    CoreModuleProperties.IDLE_TIMEOUT.set(s, idle == 0 ? Duration.ZERO : Duration.ofSeconds(idle));
    CoreModuleProperties.SERVER_IDENTIFICATION.set(s, "jlns");
  }

  /** TCP accept: the access-class of the SSH lines and a free line, or the connection is closed at once. */
  private void admit(SocketAddress remote) throws IOException {
    Config c = config;
    String src = remote instanceof InetSocketAddress r ? r.getAddress().getHostAddress() : remote.toString();
    Management.Vty vty = c.management().vtys().values().stream().filter(Management.Vty::ssh).findFirst().orElse(null);
    String why = null;
    if (vty == null) {
      why = "no vty line takes SSH";
    } else if (vty.accessClass() != null) {
      Management.AccessList acl = c.management().accessLists().get(vty.accessClass());
      java.util.Optional<Ipv4Address> a = Ipv4Address.parse(src);
      if (acl == null || a.isEmpty() || !acl.permits(a.get())) {
        why = "access-class " + vty.accessClass() + " does not permit it" + (acl == null ? " (no such access list)" : "");
      }
    }
    if (why == null && freeLine(c) < 0) {
      why = "all " + c.management().lineCount() + " vty lines are in use";
    }
    if (why != null) {
      refused(src, why);
      throw new IOException("refused: " + why);
    }
  }

  private synchronized void refused(String src, String why) {
    long now = System.currentTimeMillis();
    if (now - lastRefusalLog >= 1000) {
      lastRefusalLog = now;
      log.accept("%SSH-4-REFUSED: SSH connection from " + src + " refused: " + why);
    }
  }

  private int freeLine(Config c) {
    for (Management.Vty v : c.management().vtys().values()) {
      if (v.ssh()) {
        int n = busy.nextClearBit(v.first());
        if (n <= v.last()) {
          return n;
        }
      }
    }
    return -1;
  }

  private boolean authenticate(String user, String password, ServerSession session) {
    Config c = config;
    String src = source(session);
    int localPort = session.getIoSession().getLocalAddress() instanceof InetSocketAddress l ? l.getPort() : 0;
    if (guard.quietEnded()) {
      log.accept("%SEC_LOGIN-5-QUIET_MODE_OFF: Quiet Mode is OFF, because block period timed out at " + now());
    }
    long quiet = guard.quietSecondsLeft();
    if (quiet > 0) {
      log.accept("%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: " + user + "] [Source: " + src + "] [localport: " + localPort
          + "] [Reason: quiet mode, " + quiet + " s left (login block-for)] at " + now());
      return false;
    }
    User u = c.users().get(user);
    boolean lineLocal = c.management().vtys().values().stream().anyMatch(v -> v.ssh() && v.loginLocal());
    boolean ok = u != null && (lineLocal || c.aaaNewModel()) && SecretHasher.verify(u.credential(), password);
    if (ok) {
      log.accept("%SEC_LOGIN-5-LOGIN_SUCCESS: Login Success [user: " + user + "] [Source: " + src + "] [localport: " + localPort
          + "] at " + now());
      return true;
    }
    String reason = !lineLocal && !c.aaaNewModel() ? "no 'login local' on the SSH vty lines" : "Login Authentication Failed";
    log.accept("%SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: " + user + "] [Source: " + src + "] [localport: " + localPort
        + "] [Reason: " + reason + "] at " + now());
    if (guard.failed()) {
      Management.LoginBlock b = c.management().loginBlock();
      log.accept("%SEC_LOGIN-1-QUIET_MODE_ON: Still timeleft for watching failures is " + b.withinSeconds() + " secs, [user: "
          + user + "] [Source: " + src + "] [localport: " + localPort + "] [Reason: Login Authentication Failed] at " + now()
          + ": every login refused for " + b.blockSeconds() + " s");
    }
    return false;
  }

  /**
   * Public-key login ({@code ip ssh pubkey-chain}): the key's MD5, as IOS keeps it, among the
   * user's. A key not there is only a probe (clients offer each key they have before the
   * password), so it neither logs a failure nor counts toward {@code login block-for}; quiet
   * mode refuses keys too.
   */
  private boolean authenticateKey(String user, java.security.PublicKey key, ServerSession session) {
    if (guard.quietSecondsLeft() > 0) {
      return false;
    }
    String fp = org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(org.apache.sshd.common.digest.BuiltinDigests.md5, key);
    String md5 = fp == null ? "" : fp.replaceFirst("^MD5:", "").replace(":", "");
    if (!config.management().hasKey(user, md5)) {
      return false;
    }
    // Asked first without a signature ("would this key do?"), then with one, before SSHD checks it: the
    // login is logged once the session is authenticated (see start()).
    session.setAttribute(KEY_USED, org.apache.sshd.common.config.keys.KeyUtils.getKeyType(key) + " " + md5.toUpperCase(
        java.util.Locale.ROOT));
    return true;
  }

  private org.apache.sshd.server.command.Command shell(ServerSession session, String command) {
    Config c = config;
    int n;
    synchronized (this) {
      n = freeLine(c);
      if (n < 0) {
        n = busy.nextClearBit(0);
      }
      busy.set(n);
    }
    int lineNo = n;
    User u = c.users().get(session.getUsername());
    Management.Vty vty = c.management().vtys().values().stream().filter(v -> v.first() <= lineNo && lineNo <= v.last())
        .findFirst().orElse(null);
    int privilege = Math.max(u == null ? 1 : u.privilege(), vty == null ? 1 : vty.privilege());
    String name = session.getUsername() + " on vty" + lineNo + " (" + source(session) + ")";
    io.jlns.cli.Terminals.Line term = io.jlns.cli.Terminals.open("vty", lineNo, session.getUsername(), source(session), () -> {
      try {
        session.close();
      } catch (IOException e) {
        // closing
      }
    });
    return new VtyShell(ctx, name, privilege >= 15, command, term, () -> {
      io.jlns.cli.Terminals.close(term);
      synchronized (this) {
        busy.clear(lineNo);
      }
    });
  }

  private static String source(ServerSession s) {
    return s.getIoSession().getRemoteAddress() instanceof InetSocketAddress r ? r.getAddress().getHostAddress() : "?";
  }

  private static String now() {
    return AT.format(ZonedDateTime.now(ZoneOffset.UTC));
  }

  private void stop() {
    try {
      sshd.stop(true);
    } catch (IOException e) {
      // closing anyway
    }
    sshd = null;
    io.jlns.cli.ShowSsh.hostKey(() -> null);
    log.accept("%SSH-5-DISABLED: SSH has been disabled (no vty line has 'transport input ssh')");
  }

  @Override
  public synchronized void close() {
    io.jlns.cli.ShowSsh.hostKey(() -> null);
    if (sshd != null) {
      try {
        sshd.stop(true);
      } catch (IOException e) {
        // exiting anyway
      }
      sshd = null;
    }
  }
}
