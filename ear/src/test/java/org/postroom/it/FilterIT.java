package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.run;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.sieve.FilterDestination;
import org.postroom.domain.sieve.FilterField;
import org.postroom.domain.sieve.FilterMatch;
import org.postroom.domain.sieve.FilterRule;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.service.filter.FilterRuleRow;
import org.postroom.service.filter.FilterService;
import org.postroom.service.mailbox.TrashService;
import org.postroom.service.security.CredentialService;

/**
 * Filter rules and the trash through the services, as the demo people: each rule change writes the
 * mailbox's one Sieve script anew; a person reaches only their own rules; a copy forwarded by a
 * rule follows the forward's rules and the domain's delegation; at most 50 rules. The trash choice
 * is what Dovecot's userdb view answers.
 */
@ExtendWith(ArquillianExtension.class)
class FilterIT {

  private static final String EMPLOYEE = "j.de.groot@umail.example-a.nl";

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(FilterIT.class, Caller.class);
  }

  @Inject FilterService filters;
  @Inject TrashService trash;
  @Inject CredentialService credentials;

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  private static FilterSpec subject(String text, String folder, String forwardTo) {
    return new FilterSpec(
        FilterField.SUBJECT,
        null,
        FilterMatch.CONTAINS,
        text,
        null,
        FilterDestination.FOLDER,
        folder,
        false,
        forwardTo,
        true);
  }

  private String script(String address) {
    List<String> scripts =
        em.createQuery(
                "select s.script from MailboxSieve s, Mailbox m"
                    + " where m.id = s.mailboxId and m.address = :a",
                String.class)
            .setParameter("a", address)
            .getResultList();
    return scripts.isEmpty() ? null : scripts.get(0);
  }

  private static List<String> keys(RuleViolationException refused) {
    return refused.violations().stream().map(v -> v.field() + ":" + v.key()).toList();
  }

  @Test
  void rulesAreWrittenInOrderIntoTheMailboxsScript() throws Exception {
    long first =
        as(credentials, "employee", () -> filters.add(subject("[debate]", "Lists/Debates", null)));
    long second =
        as(
            credentials,
            "employee",
            () -> filters.add(subject("invoice", "Finance", "Archive@Partner.example")));
    String script = script(EMPLOYEE);
    assertTrue(script.indexOf("\"[debate]\"") < script.indexOf("\"invoice\""), script);
    assertTrue(script.contains("redirect :copy \"archive@partner.example\";"), script);

    run(credentials, "employee", () -> filters.move(second, true));
    script = script(EMPLOYEE);
    assertTrue(script.indexOf("\"invoice\"") < script.indexOf("\"[debate]\""), script);
    List<FilterRuleRow> rows = as(credentials, "employee", () -> filters.list());
    List<Long> ids = rows.stream().map(FilterRuleRow::id).toList();
    assertTrue(ids.indexOf(second) < ids.indexOf(first));

    run(credentials, "employee", () -> filters.enable(second, false));
    assertFalse(script(EMPLOYEE).contains("invoice"), "a rule switched off is not in the script");

    RuleViolationException self =
        assertThrows(
            RuleViolationException.class,
            () -> as(credentials, "employee", () -> filters.add(subject("x", "X", EMPLOYEE))));
    assertEquals(List.of("forwardTo:forward.self"), keys(self));

    RuleViolationException notHers =
        assertThrows(
            RuleViolationException.class,
            () -> run(credentials, "member", () -> filters.remove(first)));
    assertEquals(List.of(Violation.of(null, "filter.notFound")), notHers.violations());

    run(
        credentials,
        "employee",
        () -> {
          filters.remove(first);
          filters.remove(second);
        });
    String after = script(EMPLOYEE);
    assertTrue(after == null || !after.contains("filter rule"), after);
  }

  @Test
  void whereTheWebmasterSetsForwardsARuleSendsNoCopies() throws Exception {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                as(
                    credentials,
                    "member",
                    () -> filters.add(subject("x", "X", "someone@partner.example"))));
    assertEquals(List.of("forwardTo:filter.forward.byDomainAdmin"), keys(refused));
    long id = as(credentials, "member", () -> filters.add(subject("report", "Reports", null)));
    assertTrue(script("mia.jansen@member-e.example").contains("\"Reports\""));
    run(credentials, "member", () -> filters.remove(id));
  }

  @Test
  void aMailboxHasAtMostFiftyRules() throws Exception {
    List<Long> added = new ArrayList<>();
    int existing = as(credentials, "member", () -> filters.list().size());
    for (int i = existing; i < FilterRule.MAX_PER_MAILBOX; i++) {
      String folder = "Bulk/" + i;
      added.add(as(credentials, "member", () -> filters.add(subject("bulk", folder, null))));
    }
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () -> as(credentials, "member", () -> filters.add(subject("one", "More", null))));
    assertEquals(List.of("null:filter.tooMany"), keys(refused));
    run(
        credentials,
        "member",
        () -> {
          for (long id : added) {
            filters.remove(id);
          }
        });
    assertEquals(existing, as(credentials, "member", () -> filters.list().size()));
  }

  @Test
  void theTrashChoiceIsWhatDovecotsUserdbAnswers() throws Exception {
    assertNull(autoexpunge(EMPLOYEE), "University A keeps deleted mail in the trash");
    run(credentials, "employee", () -> trash.keepDeleted(false));
    assertEquals("1s", autoexpunge(EMPLOYEE));
    run(credentials, "employee", () -> trash.keepDeleted(null));
    assertNull(autoexpunge(EMPLOYEE));
  }

  private String autoexpunge(String address) {
    Object value =
        em.createNativeQuery("select trash_autoexpunge from mail_userdb where mail_user = ?1")
            .setParameter(1, address)
            .getSingleResult();
    return value == null ? null : value.toString();
  }
}
