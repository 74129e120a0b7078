package org.postroom.web.client;

import java.util.List;
import java.util.stream.Stream;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup;
import org.postroom.service.client.ClientSetup.Endpoint;

/** The reference institutions' published client settings (PRODUCT.md), for the format tests. */
final class ReferenceSettings {

  private ReferenceSettings() {}

  static final ClientSetup UNIVERSITY_A =
      new ClientSetup(
          "umail.example-a.nl",
          "mail.example-a.nl",
          LoginFormat.USERNAME,
          false,
          null,
          List.of(
              new Endpoint(Protocol.IMAP, "imap.example-a.nl", 993, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "smtp.example-a.nl", 25, Security.STARTTLS, null)));

  static final ClientSetup UNIVERSITY_B =
      new ClientSetup(
          "univ-b.be",
          "mail.univ-b.be",
          LoginFormat.ADDRESS,
          true,
          "https://webmail.univ-b.be",
          List.of(
              new Endpoint(Protocol.IMAP, "imap.univ-b.be", 143, Security.STARTTLS, null),
              new Endpoint(Protocol.SMTP, "smtp.univ-b.be", 587, Security.STARTTLS, null)));

  /** Several hosts, every port, notes; a webmail address with characters XML escapes. */
  static final ClientSetup UNIVERSITY_C =
      new ClientSetup(
          "univ-c.example",
          "mail.univ-c.example",
          LoginFormat.ADDRESS,
          false,
          "https://webmail.univ-c.example/?lang=en&skin=plain",
          List.of(
              new Endpoint(Protocol.IMAP, "imap.univ-c.example", 143, Security.STARTTLS, null),
              new Endpoint(Protocol.IMAP, "imap.univ-c.example", 993, Security.SSL, null),
              new Endpoint(Protocol.POP3, "pop.univ-c.example", 110, Security.STARTTLS, null),
              new Endpoint(Protocol.POP3, "pop.univ-c.example", 995, Security.SSL, null),
              new Endpoint(
                  Protocol.SMTP, "smtp.univ-c.example", 587, Security.STARTTLS, "Preferred"),
              new Endpoint(Protocol.SMTP, "smtp.univ-c.example", 465, Security.SSL, null),
              new Endpoint(
                  Protocol.SMTP, "mx.univ-c.example", 25, Security.STARTTLS, "<Discouraged>")));

  static final ClientSetup UNIVERSITY_D_ALUMNI =
      new ClientSetup(
          "alumni.univ-d.no",
          "mail.alumni.univ-d.no",
          LoginFormat.USERNAME,
          false,
          null,
          List.of(
              new Endpoint(Protocol.IMAP, "imap.alumni.univ-d.no", 993, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "smtp.alumni.univ-d.no", 587, Security.STARTTLS, null)),
          // "username without the domain", and every alumni address is username@alumni.univ-d.no
          true);

  static final ClientSetup PROVIDER_E =
      new ClientSetup(
          "member-e.example",
          "mail1.provider-e.example",
          LoginFormat.ADDRESS,
          false,
          "https://webmail1.provider-e.example",
          List.of(
              new Endpoint(Protocol.IMAP, "mail1.provider-e.example", 993, Security.SSL, null),
              new Endpoint(Protocol.POP3, "mail1.provider-e.example", 995, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "mail1.provider-e.example", 465, Security.SSL, null)));

  /** The provider's second server: SSL only, POP3 listed before IMAP, no webmail given. */
  static final ClientSetup PROVIDER_E_SECOND =
      new ClientSetup(
          "member-e.example",
          "mail2.provider-e.example",
          LoginFormat.ADDRESS,
          false,
          null,
          List.of(
              new Endpoint(Protocol.POP3, "mail2.provider-e.example", 995, Security.SSL, null),
              new Endpoint(Protocol.IMAP, "mail2.provider-e.example", 993, Security.SSL, null),
              new Endpoint(Protocol.SMTP, "mail2.provider-e.example", 465, Security.SSL, null)));

  static Stream<ClientSetup> all() {
    return Stream.of(UNIVERSITY_A, UNIVERSITY_B, UNIVERSITY_C, UNIVERSITY_D_ALUMNI, PROVIDER_E);
  }
}
