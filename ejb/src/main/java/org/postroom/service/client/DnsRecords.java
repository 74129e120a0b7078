package org.postroom.service.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postroom.domain.client.Security;

/**
 * The DNS records a domain publishes so that mail programs find its settings: the {@code
 * autoconfig.} and {@code autodiscover.} names of the portal, Autodiscover's SRV record, and RFC
 * 6186's SRV records (with RFC 8314's {@code _submissions}) from the domain's first server, one per
 * endpoint in order of preference; a service the server does not offer is published as "not
 * offered" (target {@code .}).
 */
public final class DnsRecords {

  private DnsRecords() {}

  /** One record as a zone file line would have it. */
  public record Record(String name, String type, String value) implements java.io.Serializable {

    public String line() {
      return name + " " + type + " " + value;
    }
  }

  public static List<Record> of(String domain, String portalHost, ClientSetup server) {
    List<Record> records = new ArrayList<>();
    String portal = portalHost + ".";
    records.add(new Record("autoconfig." + domain + ".", "CNAME", portal));
    records.add(new Record("autodiscover." + domain + ".", "CNAME", portal));
    records.add(new Record("_autodiscover._tcp." + domain + ".", "SRV", "0 0 443 " + portal));
    Map<String, List<ClientSetup.Endpoint>> services = new LinkedHashMap<>();
    for (String service :
        List.of("_imaps", "_imap", "_pop3s", "_pop3", "_submissions", "_submission")) {
      services.put(service, new ArrayList<>());
    }
    for (ClientSetup.Endpoint endpoint : server.endpoints()) {
      services.get(service(endpoint)).add(endpoint);
    }
    services.forEach(
        (service, endpoints) -> {
          String name = service + "._tcp." + domain + ".";
          if (endpoints.isEmpty()) {
            records.add(new Record(name, "SRV", "0 0 0 ."));
          }
          for (int i = 0; i < endpoints.size(); i++) {
            ClientSetup.Endpoint e = endpoints.get(i);
            records.add(new Record(name, "SRV", i * 10 + " 1 " + e.port() + " " + e.host() + "."));
          }
        });
    return records;
  }

  /**
   * The RFC 6186 service of an endpoint: TLS from the start is {@code _imaps}, {@code _pop3s},
   * {@code _submissions}; STARTTLS (or nothing) the plain names.
   */
  static String service(ClientSetup.Endpoint endpoint) {
    boolean implicitTls = endpoint.security() == Security.SSL;
    return switch (endpoint.protocol()) {
      case IMAP -> implicitTls ? "_imaps" : "_imap";
      case POP3 -> implicitTls ? "_pop3s" : "_pop3";
      case SMTP -> implicitTls ? "_submissions" : "_submission";
    };
  }
}
