package org.postroom.service.forwarding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postroom.domain.common.Violation;
import org.postroom.domain.forwarding.ForwardRules;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.service.address.AddressGraph;
import org.postroom.service.mailbox.Mailboxes;

/**
 * What the database tells about forward targets: a mailbox's own addresses, the domains of its
 * institution, and loops through other Postroom forwards. Serves the forward itself and the filter
 * rules that forward a copy.
 */
@ApplicationScoped
public class ForwardTargets {

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Inject Mailboxes mailboxes;

  @Inject AddressGraph graph;

  /** The mailbox's address and aliases. */
  public Set<String> own(Mailbox mailbox) {
    return new HashSet<>(mailboxes.addressesOf(mailbox));
  }

  /**
   * The domains of the mailbox's own institution, where an "internal only" policy lets it forward:
   * its domain, that domain's alumni domain, and the domain whose alumni it keeps. Not every domain
   * Postroom serves: on a shared Postroom, another institution is outside.
   */
  public Set<String> institutionOf(Mailbox mailbox) {
    MailDomain domain = mailbox.getDomain();
    Set<String> names = new HashSet<>();
    names.add(domain.getName());
    if (domain.getAlumniDomain() != null) {
      names.add(domain.getAlumniDomain().getName());
    }
    names.addAll(
        em.createQuery("select d.name from MailDomain d where d.alumniDomain = :d", String.class)
            .setParameter("d", domain)
            .getResultList());
    return names;
  }

  /** The path of a loop the targets would close back to {@code own}, if any. */
  public Optional<List<String>> loop(List<String> targets, Set<String> own) {
    return graph.pathTo(targets, own);
  }

  /**
   * Every rule a filter rule's forward to {@code target} breaks, at {@code field}: the forward's
   * rules, plus none where the domain's administrator sets the forwards of its people.
   */
  public List<Violation> checkFilterTarget(Mailbox mailbox, String target, String field) {
    List<Violation> found = new ArrayList<>();
    if (mailbox.getDomain().getMailboxPolicy().getSettingsManagedBy()
        == SettingsManager.DOMAIN_ADMIN) {
      found.add(Violation.of(field, "filter.forward.byDomainAdmin"));
      return found;
    }
    Set<String> own = own(mailbox);
    Set<String> institution = institutionOf(mailbox);
    for (Violation broken :
        ForwardRules.check(mailbox, List.of(target), own, institution::contains)) {
      found.add(new Violation(field, broken.key(), broken.args()));
    }
    if (found.isEmpty()) {
      loop(List.of(target), own)
          .ifPresent(
              path ->
                  found.add(
                      Violation.of(
                          field,
                          "forward.loop",
                          mailbox.getAddress() + " → " + String.join(" → ", path))));
    }
    return found;
  }
}
