package io.jlns.l2tp;

import io.jlns.l2tp.message.Avp;
import io.jlns.l2tp.message.AvpType;
import java.nio.charset.StandardCharsets;

/** The Result Code AVP (RFC 2661 section 4.4.2): result, error code, and a message for people. */
public final class ResultCode {
  private ResultCode() {}

  // StopCCN result codes
  public static final int STOP_GENERAL_REQUEST = 1;
  public static final int STOP_GENERAL_ERROR = 2;
  public static final int STOP_NOT_AUTHORIZED = 4;
  public static final int STOP_BAD_VERSION = 5;
  public static final int STOP_SHUTTING_DOWN = 6;
  public static final int STOP_FSM_ERROR = 7;
  // CDN result codes
  public static final int CDN_LOST_CARRIER = 1;
  public static final int CDN_GENERAL_ERROR = 2;
  public static final int CDN_ADMINISTRATIVE = 3;
  public static final int CDN_NO_FACILITIES_TEMPORARY = 4;
  // error codes
  public static final int ERROR_NONE = 0;
  public static final int ERROR_BAD_LENGTH = 2;
  public static final int ERROR_BAD_VALUE = 3;
  public static final int ERROR_NO_RESOURCES = 4;
  public static final int ERROR_BAD_SESSION = 5;
  public static final int ERROR_UNKNOWN_MANDATORY_AVP = 8;

  public static Avp avp(int result, int error, String message) {
    byte[] msg = message == null ? new byte[0] : message.getBytes(StandardCharsets.UTF_8);
    byte[] v = new byte[4 + msg.length];
    v[0] = (byte) (result >> 8);
    v[1] = (byte) result;
    v[2] = (byte) (error >> 8);
    v[3] = (byte) error;
    System.arraycopy(msg, 0, v, 4, msg.length);
    return Avp.of(AvpType.RESULT_CODE, v);
  }

  /** "result 2 error 6: text" for logs. */
  public static String describe(Avp a) {
    byte[] v = a.value();
    if (v.length < 2) {
      return "malformed result code";
    }
    int result = (v[0] & 0xff) << 8 | (v[1] & 0xff);
    StringBuilder b = new StringBuilder("result " + result);
    if (v.length >= 4) {
      b.append(" error ").append((v[2] & 0xff) << 8 | (v[3] & 0xff));
    }
    if (v.length > 4) {
      b.append(": ").append(new String(v, 4, v.length - 4, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?"));
    }
    return b.toString();
  }
}
