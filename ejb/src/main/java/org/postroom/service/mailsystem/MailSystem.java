package org.postroom.service.mailsystem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Postroom's Sieve scripts of many mailboxes at once (reconcile's check): each address the server
   * answered for, with its script or empty when it has none; an address it could not be asked about
   * (unreachable, or refused) is left out. One {@link #sieve} each unless the server offers better.
   */
  default Map<String, Optional<String>> sieves(List<String> addresses) {
    Map<String, Optional<String>> found = new HashMap<>();
    for (String address : addresses) {
      try {
        found.put(address, sieve(address));
      } catch (MailServerUnavailableException | MailServerRefusedException notAsked) {
        // left out: the caller counts it as not checked
      }
    }
    return found;
  }

  /** Removes every message, folder and script of the mailbox; an empty one counts as done. */
  void deleteMailbox(String address)
      throws MailServerUnavailableException, MailServerRefusedException;
}
