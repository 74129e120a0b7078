package org.postroom.service.mailsystem;

/** The mail server answered and refused the change, with its reason. */
public class MailServerRefusedException extends Exception {

  private static final long serialVersionUID = 1L;

  public MailServerRefusedException(String message) {
    super(message);
  }

  public MailServerRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
