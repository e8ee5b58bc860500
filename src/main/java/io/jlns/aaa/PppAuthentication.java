package io.jlns.aaa;

import io.jlns.config.Config;
import io.jlns.ppp.AuthRequest;
import io.jlns.ppp.AuthResult;
import io.jlns.ppp.AuthService;
import io.jlns.ppp.Authorization;
import io.jlns.ppp.Credentials;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aaa authentication ppp default|LIST METHODS} (the list the template's {@code ppp
 * authentication ... LIST} names, else default): the methods tried in order, as IOS does. The
 * next method is tried only when one cannot decide (a local user that does not exist, RADIUS
 * servers that do not answer); a rejection ends the list. {@code none} lets anyone in. Without a
 * list, the local users decide. The attributes of an Access-Accept apply to the session when
 * {@code aaa authorization network default} names a server group, as on IOS.
 */
public final class PppAuthentication implements AuthService {
  private static final Logger LOG = LoggerFactory.getLogger("jlns.aaa");

  /** The RADIUS server groups: {@code done} may be called on any thread. */
  public interface Groups {
    void authenticate(String group, AuthRequest request, Consumer<AuthResult> done);
  }

  private final Supplier<Config> config;
  private final Credentials local;
  private final Groups groups;
  private final Executor loop;

  /** @param loop the thread of the sessions this serves: answers from servers are handed back to it */
  public PppAuthentication(Supplier<Config> config, Credentials local, Groups groups, Executor loop) {
    this.config = config;
    this.local = local;
    this.groups = groups;
    this.loop = loop;
  }

  @Override
  public void authenticate(AuthRequest request, Consumer<AuthResult> done) {
    Config c = config.get();
    List<String> methods = request.methodList() == null ? c.aaaPppMethods() : c.aaa().pppLists().get(request.methodList());
    if (methods == null) {
      LOG.warn("%AAA-4-NOLIST: {}: aaa authentication ppp {} is not defined: the default list applies", request.session(),
          request.methodList());
      methods = c.aaaPppMethods();
    }
    run(methods.isEmpty() ? List.of("local") : methods, 0, request, null, done);
  }

  private void run(List<String> methods, int i, AuthRequest r, String errors, Consumer<AuthResult> done) {
    if (i == methods.size()) {
      done.accept(AuthResult.reject(null, "no method could decide (" + errors + ")"));
      return;
    }
    String m = methods.get(i);
    if (m.equals("local") || m.equals("local-case")) {
      AuthResult res = AuthService.checkLocally(local, r);
      if (res.status() == AuthResult.Status.ERROR) {
        run(methods, i + 1, r, join(errors, "local: " + res.reason()), done);
      } else {
        done.accept(res);
      }
    } else if (m.equals("none") || m.equals("if-needed")) {
      done.accept(AuthResult.accept(null, Authorization.NONE));
    } else if (m.startsWith("group ")) {
      String group = m.substring(6);
      groups.authenticate(group, r, res -> loop.execute(() -> {
        if (res.status() == AuthResult.Status.ERROR) {
          LOG.info("%AAA-6-NEXT_METHOD: {}: user {}: {} ({}){}", r.session(), r.user(), m, res.reason(),
              i + 1 < methods.size() ? ", trying " + methods.get(i + 1) : "");
          run(methods, i + 1, r, join(errors, m + ": " + res.reason()), done);
        } else {
          done.accept(authorized(res));
        }
      }));
    } else {
      run(methods, i + 1, r, join(errors, m + ": unknown method"), done);
    }
  }

  /** The Access-Accept's attributes count only with {@code aaa authorization network default group ...}. */
  private AuthResult authorized(AuthResult res) {
    if (res.status() != AuthResult.Status.ACCEPT || res.authorization().equals(Authorization.NONE)) {
      return res;
    }
    boolean network = config.get().aaa().authorizationNetwork().stream().anyMatch(x -> x.startsWith("group "));
    return network ? res : new AuthResult(res.status(), res.message(), res.reason(), Authorization.NONE);
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }
}
