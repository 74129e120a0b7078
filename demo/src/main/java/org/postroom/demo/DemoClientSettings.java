package org.postroom.demo;

import static org.postroom.domain.client.Protocol.IMAP;
import static org.postroom.domain.client.Protocol.POP3;
import static org.postroom.domain.client.Protocol.SMTP;
import static org.postroom.domain.client.Security.SSL;
import static org.postroom.domain.client.Security.STARTTLS;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.postroom.domain.client.ClientEndpoint;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.MailServer;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.service.maildomain.MailDomains;

/**
 * The reference institutions' published client settings (PRODUCT.md), as the demo's domains'
 * servers: University A's IMAP 993 and SMTP 25 with STARTTLS, University B's 143 and 587,
 * University C's many hosts and ports, University D's alumni server, and hosting provider E's two
 * servers with SSL only (the member organisation's Mia Jansen lives on the second).
 */
final class DemoClientSettings {

  /** University B: members log in to a shared mailbox with its address and their own password. */
  private static final boolean SHARED_BY_LOGIN = true;

  private static final boolean SHARED_AS_FOLDER = false;

  private DemoClientSettings() {}

  static void seed(EntityManager em, MailDomains domains) {
    if (em.createQuery("select count(s) from MailServer s", Long.class).getSingleResult() > 0) {
      return;
    }
    server(
        em,
        domains,
        "umail.example-a.nl",
        0,
        "mail.example-a.nl",
        LoginFormat.USERNAME,
        SHARED_AS_FOLDER,
        null,
        e(IMAP, "imap.example-a.nl", 993, SSL, null),
        e(SMTP, "smtp.example-a.nl", 25, STARTTLS, "Or your provider's SMTP server"));
    server(
        em,
        domains,
        "univ-b.be",
        0,
        "mail.univ-b.be",
        LoginFormat.ADDRESS,
        SHARED_BY_LOGIN,
        "https://webmail.univ-b.be",
        e(IMAP, "imap.univ-b.be", 143, STARTTLS, null),
        e(SMTP, "smtp.univ-b.be", 587, STARTTLS, null));
    server(
        em,
        domains,
        "univ-c.example",
        0,
        "mail.univ-c.example",
        LoginFormat.ADDRESS,
        SHARED_AS_FOLDER,
        "https://webmail.univ-c.example",
        e(IMAP, "imap.univ-c.example", 143, STARTTLS, null),
        e(IMAP, "imap.univ-c.example", 993, SSL, null),
        e(POP3, "pop.univ-c.example", 110, STARTTLS, null),
        e(POP3, "pop.univ-c.example", 995, SSL, null),
        e(SMTP, "smtp.univ-c.example", 587, STARTTLS, "Preferred"),
        e(SMTP, "smtp.univ-c.example", 465, SSL, null),
        e(SMTP, "mx.univ-c.example", 25, STARTTLS, "Discouraged: often blocked by networks"));
    server(
        em,
        domains,
        "alumni.univ-d.no",
        0,
        "mail.alumni.univ-d.no",
        LoginFormat.USERNAME,
        SHARED_AS_FOLDER,
        null,
        e(IMAP, "imap.alumni.univ-d.no", 993, SSL, null),
        e(SMTP, "smtp.alumni.univ-d.no", 587, STARTTLS, null));
    for (String domain : List.of("provider-e.example", "member-e.example")) {
      for (int n = 1; n <= 2; n++) {
        server(
            em,
            domains,
            domain,
            n - 1,
            "mail" + n + ".provider-e.example",
            LoginFormat.ADDRESS,
            SHARED_AS_FOLDER,
            "https://webmail" + n + ".provider-e.example",
            e(IMAP, "mail" + n + ".provider-e.example", 993, SSL, null),
            e(POP3, "mail" + n + ".provider-e.example", 995, SSL, null),
            e(SMTP, "mail" + n + ".provider-e.example", 465, SSL, null));
      }
    }
    em.flush();
    MailServer second =
        em.createQuery(
                "select s from MailServer s where s.domain.name = 'member-e.example'"
                    + " and s.position = 1",
                MailServer.class)
            .getSingleResult();
    em.createQuery("select m from Mailbox m where m.address = :a", Mailbox.class)
        .setParameter("a", "mia.jansen@member-e.example")
        .getResultStream()
        .forEach(mailbox -> mailbox.liveOn(second));
  }

  private static void server(
      EntityManager em,
      MailDomains domains,
      String domainName,
      int position,
      String name,
      LoginFormat login,
      boolean sharedLogin,
      String webmail,
      ClientEndpoint... endpoints) {
    MailDomain domain = domains.byName(domainName).orElseThrow();
    MailServer server = new MailServer(domain, position);
    server.describe(name, login, sharedLogin, webmail, List.of(endpoints));
    em.persist(server);
  }

  private static ClientEndpoint e(
      org.postroom.domain.client.Protocol protocol,
      String host,
      int port,
      org.postroom.domain.client.Security security,
      String note) {
    return new ClientEndpoint(protocol, host, port, security, note);
  }
}
