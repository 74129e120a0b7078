package org.postroom.service.mailsystem;

/**
 * The mail server could not be reached or dropped the connection: nothing is wrong with the change
 * itself, so it is not counted against the change's retry budget; the worker pauses instead.
 */
public class MailServerUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  public MailServerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
