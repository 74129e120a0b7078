package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.address.DistributionList;
import org.postroom.domain.address.SendPolicy;
import org.postroom.service.address.AliasesAndLists;
import org.postroom.service.address.ListLifecycle;
import org.postroom.service.security.CredentialService;

/**
 * The nightly life of distribution lists with an end date, through the real services: the owner of
 * a list that ends within two weeks is mailed once; a list whose end has passed closes and its
 * owner is told until when it is kept; a list closed longer than the retention period is removed
 * with its members; a new end date reopens a closed list.
 */
@ExtendWith(ArquillianExtension.class)
class ListLifecycleIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(ListLifecycleIT.class);
  }

  @Inject AliasesAndLists lists;
  @Inject ListLifecycle lifecycle;
  @Inject CredentialService credentials;
  @Resource UserTransaction tx;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  private String newList(String name, LocalDate endsOn) throws Exception {
    String address = name + UUID.randomUUID().toString().substring(0, 6) + "@univ-b.be";
    as(
        credentials,
        "helpdesk",
        () -> {
          lists.createList(address, "A conference", List.of("guest@conference.example"));
          lists.configureList(address, SendPolicy.MEMBERS, endsOn, List.of("staff"));
          return null;
        });
    return address;
  }

  private DistributionList list(String address) {
    em.clear();
    return em.createQuery(
            "select l from DistributionList l where l.address = :a", DistributionList.class)
        .setParameter("a", address)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  @Test
  void ownersAreRemindedEndedListsCloseAndOldClosedListsGo() throws Exception {
    LocalDate today = LocalDate.now();
    String ending = newList("ending", today.plusDays(5));
    String later = newList("later", today.plusDays(60));
    String ended = newList("ended", today.minusDays(1));
    String old = newList("old", today.minusDays(200));
    as(
        credentials,
        "helpdesk",
        () -> {
          lists.closeList(old);
          return null;
        });
    tx.begin();
    em.createNativeQuery("update distribution_list set closed_at = ? where address = ?")
        .setParameter(1, Instant.now().minus(ListLifecycle.retention()).minus(Duration.ofDays(1)))
        .setParameter(2, old)
        .executeUpdate();
    tx.commit();

    ListLifecycle.Report first = as(credentials, "admin", () -> lifecycle.run(today));
    assertTrue(
        first.reminded() >= 2 && first.closed() >= 1 && first.removed() >= 1, first.toString());

    assertNotNull(list(ending).getRemindedAt());
    assertNull(list(ending).getClosedAt());
    assertNull(list(later).getRemindedAt(), "60 days ahead: not yet");
    Inbox.Mail reminder =
        Inbox.await(
            "staff@univ-b.be", "The distribution list " + ending + " ends on " + today.plusDays(5));
    assertTrue(
        reminder.body().contains("Ask for a later end date on the list's page in Postroom"),
        reminder.body());

    assertNotNull(list(ended).getClosedAt());
    Inbox.Mail closed =
        Inbox.await("staff@univ-b.be", "The distribution list " + ended + " has closed");
    assertTrue(
        closed.body().contains("kept until " + today.plusDays(ListLifecycle.retention().toDays())),
        closed.body());
    assertNull(list(old), "removed after the retention period");

    // again the same day: nobody is reminded twice, nothing closes twice
    as(credentials, "admin", () -> lifecycle.run(today));
    long reminders =
        Inbox.read("staff@univ-b.be").stream()
            .filter(m -> m.subject().contains("The distribution list " + ending + " ends on"))
            .count();
    assertEquals(1, reminders);

    // a new end date reopens the closed list, and asks to remind again
    as(
        credentials,
        "helpdesk",
        () -> {
          lists.configureList(ended, SendPolicy.MEMBERS, today.plusDays(30), List.of("staff"));
          return null;
        });
    assertNull(list(ended).getClosedAt());
    assertNull(list(ended).getRemindedAt());
  }
}
