package io.jlns.ike;

import java.util.LinkedHashMap;
import java.util.Map;

/** The phase 1 keys Wireshark needs to decrypt IKEv1: each ISAKMP SA's initiator cookie and encryption key. */
public final class WiresharkKeys {
  private WiresharkKeys() {}

  /** On the responder's loop: the SAs whose keys are derived (Main Mode message 3 on), initiator cookie to key. */
  public static Map<Long, byte[]> ikev1(IkeResponder r) {
    Map<Long, byte[]> out = new LinkedHashMap<>();
    for (IkeSa s : r.sas.values()) {
      if (s.encKey != null) {
        out.put(s.icookie, s.encKey.clone());
      }
    }
    return out;
  }

  /** The phase 1 encryption key of the SA with these cookies, or null (none, or not derived yet). */
  public static byte[] key(IkeResponder r, long icookie, long rcookie) {
    IkeSa s = r.sas.get(rcookie);
    if (s == null || s.icookie != icookie) {
      // An SA jlns initiated is kept under its initiator cookie.
      s = r.sas.get(icookie);
    }
    return s == null || s.encKey == null || s.icookie != icookie || s.rcookie != rcookie ? null : s.encKey.clone();
  }
}
