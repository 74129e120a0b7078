package org.postroom.domain.incident;

import java.util.Arrays;
import java.util.List;

/**
 * The topics of a domain's public help, each on one of its pages, in the order the page shows them.
 * Each has a default text in every language the product speaks; an administrator may write the
 * domain's own.
 */
public enum HelpTopic {
  /** How to set up a mail program: IMAP or POP3, and why POP3 beside webmail loses mail. */
  SETUP(Page.GUIDE),
  /** What a forward means: a copy kept or not; onward delivery is not the institution's. */
  FORWARD(Page.GUIDE),
  /** Storage, and what to do near the limit. */
  STORAGE(Page.GUIDE),
  /** The largest message, and how to send something larger. */
  MESSAGE_SIZE(Page.GUIDE),
  /** Shared mailboxes: deleting affects every member. */
  SHARED(Page.GUIDE),
  /** The alumni address and its own password. */
  ALUMNI(Page.GUIDE),
  /** How to reach the helpdesk. */
  CONTACT(Page.GUIDE),
  /** What was lost, and what to do now (ask senders to resend, check forwards and replies). */
  LOST(Page.INCIDENT),
  /** How to back up one's mail with one's mail program. */
  BACKUP(Page.INCIDENT),
  /** Keep mail in an archive folder rather than the inbox. */
  ARCHIVE(Page.INCIDENT);

  /** The public pages of help: the everyday guide, and what to do after an incident. */
  public enum Page {
    GUIDE,
    INCIDENT
  }

  private final Page page;

  HelpTopic(Page page) {
    this.page = page;
  }

  public Page page() {
    return page;
  }

  /** The topics of one page, in order. */
  public static List<HelpTopic> on(Page page) {
    return Arrays.stream(values()).filter(t -> t.page == page).toList();
  }
}
