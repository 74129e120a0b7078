package org.postroom.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The SMTP server the test server sends its notifications to (GreenMail on 127.0.0.1, ports of the
 * tests' own), up for the whole test run and stopped at its end, also when tests fail. Tests read
 * what arrived over IMAP, as a mail client would ({@link Inbox}).
 */
public class MailCatcher implements LauncherSessionListener {

  private GreenMail greenMail;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("it.smtp.port") == null) {
      return;
    }
    greenMail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(
                  Integer.getInteger("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(
                  Integer.getInteger("it.imap.port"), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
    greenMail.getManagers().getUserManager().setAuthRequired(false);
    greenMail.start();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (greenMail != null) {
      greenMail.stop();
    }
  }
}
