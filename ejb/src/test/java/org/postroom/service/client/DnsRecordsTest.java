package org.postroom.service.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postroom.domain.client.LoginFormat;
import org.postroom.domain.client.Protocol;
import org.postroom.domain.client.Security;
import org.postroom.service.client.ClientSetup.Endpoint;

class DnsRecordsTest {

  @Test
  void universityCsServersBecomeSrvRecordsInOrderOfPreference() {
    ClientSetup c =
        new ClientSetup(
            "univ-c.example",
            "mail.univ-c.example",
            LoginFormat.ADDRESS,
            false,
            null,
            List.of(
                new Endpoint(Protocol.IMAP, "imap.univ-c.example", 143, Security.STARTTLS, null),
                new Endpoint(Protocol.IMAP, "imap.univ-c.example", 993, Security.SSL, null),
                new Endpoint(Protocol.SMTP, "smtp.univ-c.example", 587, Security.STARTTLS, null),
                new Endpoint(Protocol.SMTP, "smtp.univ-c.example", 465, Security.SSL, null),
                new Endpoint(Protocol.SMTP, "mx.univ-c.example", 25, Security.STARTTLS, null)));
    assertEquals(
        List.of(
            "autoconfig.univ-c.example. CNAME postroom.univ-c.example.",
            "autodiscover.univ-c.example. CNAME postroom.univ-c.example.",
            "_autodiscover._tcp.univ-c.example. SRV 0 0 443 postroom.univ-c.example.",
            "_imaps._tcp.univ-c.example. SRV 0 1 993 imap.univ-c.example.",
            "_imap._tcp.univ-c.example. SRV 0 1 143 imap.univ-c.example.",
            "_pop3s._tcp.univ-c.example. SRV 0 0 0 .",
            "_pop3._tcp.univ-c.example. SRV 0 0 0 .",
            "_submissions._tcp.univ-c.example. SRV 0 1 465 smtp.univ-c.example.",
            "_submission._tcp.univ-c.example. SRV 0 1 587 smtp.univ-c.example.",
            "_submission._tcp.univ-c.example. SRV 10 1 25 mx.univ-c.example."),
        DnsRecords.of("univ-c.example", "postroom.univ-c.example", c).stream()
            .map(DnsRecords.Record::line)
            .toList());
  }
}
