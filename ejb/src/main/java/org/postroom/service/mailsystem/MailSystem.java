package org.postroom.service.mailsystem;

import java.util.Optional;

/**
 * The port to the mail server (Dovecot): what cannot be expressed as rows the server reads itself.
 * Every change is idempotent: applying it to a mail server that already has the result counts as
 * done. Each method either succeeds, or throws {@link MailServerUnavailableException} (the server
 * could not be asked) or {@link MailServerRefusedException} (it said no, and why).
 */
public interface MailSystem {

  /** Whether a real mail server is attached, for the admin UI and the user's view of a change. */
  MailSystemStatus status();

  /**
   * Makes the shared mailbox's storage and grants its members' group (named after its address, the
   * mail server learns the members from the portal's views) full access to it.
   */
  void createSharedMailbox(String address)
      throws MailServerUnavailableException, MailServerRefusedException;

  /**
   * Whether the shared mailbox's access on the mail server is as Postroom made it: its group has
   * the members' rights, and nobody has a grant Postroom did not make.
   */
  boolean hasSharedGrant(String address)
      throws MailServerUnavailableException, MailServerRefusedException;

  /** Puts Postroom's Sieve script of the mailbox and makes it the active one. */
  void putSieve(String address, String script)
      throws MailServerUnavailableException, MailServerRefusedException;

  /** Removes Postroom's Sieve script of the mailbox; none there counts as done. */
  void deleteSieve(String address)
      throws MailServerUnavailableException, MailServerRefusedException;

  /** Postroom's Sieve script of the mailbox as the mail server has it, if any. */
  Optional<String> sieve(String address)
      throws MailServerUnavailableException, MailServerRefusedException;

  /** Removes every message, folder and script of the mailbox; an empty one counts as done. */
  void deleteMailbox(String address)
      throws MailServerUnavailableException, MailServerRefusedException;
}
