package io.jlns.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * The logback appender (named in {@code logback.xml}) that hands every SLF4J event to the
 * {@link LogHub}: the IOS tag in the message ({@code %CRYPTO-4-...}) gives the severity, else
 * the SLF4J level does.
 */
public final class IosAppender extends AppenderBase<ILoggingEvent> {
  @Override
  protected void append(ILoggingEvent e) {
    String text = e.getFormattedMessage();
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      text = text + ": " + t.getClassName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      if (t.getStackTraceElementProxyArray().length > 0) {
        text = text + " at " + t.getStackTraceElementProxyArray()[0].getSTEAsString();
      }
    }
    LogHub.get().log(text, severity(e.getLevel()));
  }

  private static Severity severity(Level l) {
    if (l.isGreaterOrEqual(Level.ERROR)) {
      return Severity.ERRORS;
    }
    if (l.isGreaterOrEqual(Level.WARN)) {
      return Severity.WARNINGS;
    }
    return l.isGreaterOrEqual(Level.INFO) ? Severity.INFORMATIONAL : Severity.DEBUGGING;
  }
}
