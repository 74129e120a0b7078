package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postroom.it.Caller.as;
import static org.postroom.it.Caller.asSignedIn;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditEntry;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.service.account.Accounts;
import org.postroom.service.delegation.DelegationService;
import org.postroom.service.directory.RegistryImportService;
import org.postroom.service.directory.RegistryRecord;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.identity.RoleService;
import org.postroom.service.maildomain.DomainService;
import org.postroom.service.maildomain.DomainSettings;
import org.postroom.service.security.CredentialService;
import org.postroom.service.sharedmailbox.NewSharedMailboxRequest;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;

/**
 * Domains and their policies through the real service as the demo administrator: validation at each
 * field, nothing kept of a refused change, concurrent edits, audit, roles — and that a changed
 * policy is what the workflows enforce next.
 */
@ExtendWith(ArquillianExtension.class)
class DomainServiceIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return Deployments.earWithTests(DomainServiceIT.class, RegistryPerson.class);
  }

  @Inject DomainService domains;
  @Inject SharedMailboxRequestService requests;
  @Inject CredentialService credentials;
  @Inject RegistryImportService imports;
  @Inject Accounts accounts;
  @Inject ForwardingService forwarding;
  @Inject DelegationService delegation;
  @Inject RoleService roles;

  private DomainSettings newDomain() throws Exception {
    DomainSettings wanted = DomainSettings.defaults();
    wanted.setName("T" + UUID.randomUUID().toString().substring(0, 8) + ".Example");
    return as(credentials, "admin", () -> domains.create(wanted));
  }

  private List<AuditEntry> history(String name) throws Exception {
    return as(credentials, "admin", () -> domains.history(name));
  }

  @Test
  void theReferenceInstitutionsAreDomainsWithTheirPolicies() throws Exception {
    DomainSettings a = as(credentials, "admin", () -> domains.settings("umail.example-a.nl"));
    assertEquals(AddressScheme.GENERATED_FROM_NAME, a.getAddressScheme());
    assertEquals(20, a.getLocalPartMaxLength());
    assertEquals(300L, a.getQuotaStudentMb());
    DomainSettings b = as(credentials, "admin", () -> domains.settings("UNIV-B.BE"));
    assertEquals(16, b.getSharedLocalPartMaxLength());
    assertEquals(5, b.getSharedMaxMembers());
    assertEquals(false, b.getSharedForwardAllowed());
    DomainSettings e = as(credentials, "admin", () -> domains.settings("provider-e.example"));
    assertEquals(12L, e.getMaxMessageSizeMb());
  }

  @Test
  void anAdministratorCreatesAndChangesADomainAndEveryStepIsAudited() throws Exception {
    DomainSettings created = newDomain();
    String name = created.getName();
    assertEquals(name.toLowerCase(), name);
    assertEquals("DOMAIN_CREATED", history(name).get(0).getAction());

    created.setQuotaStudentMb(400L);
    created.setForwardPolicy(ForwardPolicy.INTERNAL);
    DomainSettings changed = as(credentials, "admin", () -> domains.update(name, created));
    assertEquals(400L, changed.getQuotaStudentMb());
    assertEquals(created.getVersion() + 1, changed.getVersion());
    assertEquals(400L, as(credentials, "admin", () -> domains.settings(name)).getQuotaStudentMb());

    AuditEntry latest = history(name).get(0);
    assertEquals("DOMAIN_CHANGED", latest.getAction());
    assertEquals("admin", latest.getActor());
    assertEquals("quotaStudentMb: 1000 → 400; forwardPolicy: ANY → INTERNAL", latest.getDetail());

    DomainSettings same = as(credentials, "admin", () -> domains.update(name, changed));
    assertEquals(changed.getVersion(), same.getVersion());
    assertEquals(2, history(name).size(), "an unchanged save writes no audit entry");
  }

  @Test
  void everyBadValueIsReportedAtItsFieldAndNothingIsKept() throws Exception {
    DomainSettings settings = newDomain();
    String name = settings.getName();
    settings.setLocalPartMaxLength(65);
    settings.setQuotaStaffMb(0L);
    settings.setQuotaAlumniMb(Long.MAX_VALUE);
    settings.setQuotaWarningPercent(100);
    settings.setForwardPolicy(null);
    settings.setDefaultLanguage("fr");
    settings.setSharedMinMembers(6);
    settings.setSharedMaxMembers(5);
    settings.setQuotaExternalMb(800L);
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () -> as(credentials, "admin", () -> domains.update(name, settings)));
    assertEquals(
        List.of(
            "forwardPolicy",
            "localPartMaxLength",
            "quotaStaffMb",
            "quotaAlumniMb",
            "quotaWarningPercent",
            "sharedMaxMembers",
            "defaultLanguage"),
        refused.violations().stream().map(Violation::field).toList());
    assertEquals("policy.required", refused.violations().get(0).key());
    assertEquals("policy.rangeMb", refused.violations().get(2).key());

    DomainSettings kept = as(credentials, "admin", () -> domains.settings(name));
    assertEquals(
        1000L, kept.getQuotaExternalMb(), "the valid part of a refused change is not kept");
    assertEquals(settings.getVersion(), kept.getVersion());
    assertEquals(1, history(name).size());
  }

  @Test
  void aChangeOnStaleSettingsIsRefused() throws Exception {
    DomainSettings mine = newDomain();
    String name = mine.getName();
    DomainSettings theirs = as(credentials, "admin", () -> domains.settings(name));
    theirs.setLeavingGraceDays(60);
    as(credentials, "admin", () -> domains.update(name, theirs));

    mine.setClosedRetentionDays(10);
    RuleViolationException stale =
        assertThrows(
            RuleViolationException.class,
            () -> as(credentials, "admin", () -> domains.update(name, mine)));
    assertTrue(stale.hasKey("domain.concurrentChange"));
    DomainSettings now = as(credentials, "admin", () -> domains.settings(name));
    assertEquals(60, now.getLeavingGraceDays());
    assertEquals(90, now.getClosedRetentionDays());
  }

  @Test
  void namesMustBeHostNamesNotServedYet() throws Exception {
    for (String bad : new String[] {"univ-b.be", "UNIV-B.be ", "no_underscore.be", "single"}) {
      DomainSettings wanted = DomainSettings.defaults();
      wanted.setName(bad);
      RuleViolationException refused =
          assertThrows(
              RuleViolationException.class,
              () -> as(credentials, "admin", () -> domains.create(wanted)));
      assertEquals("name", refused.violations().get(0).field(), bad);
    }
  }

  @Test
  void onlyAdministratorsSeeOrChangeDomains() throws Exception {
    for (String user : new String[] {"helpdesk", "staff", "student"}) {
      assertThrows(
          EJBAccessException.class,
          () -> as(credentials, user, () -> domains.settings("univ-b.be")),
          user);
      assertThrows(
          EJBAccessException.class,
          () -> as(credentials, user, () -> domains.create(DomainSettings.defaults())),
          user);
    }
  }

  @Test
  void theChangedPolicyIsWhatTheRequestFormEnforcesNext() throws Exception {
    DomainSettings settings = newDomain();
    String name = settings.getName();
    // two staff members of the new domain's institution, from the registry
    String run = name.substring(1, 7);
    for (String who : List.of("a", "b")) {
      new RegistryPerson(
              "dom-" + run + who,
              "Kim",
              "Lab" + who,
              "d" + run + who,
              name,
              new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(1), null))
          .importAsAdmin(imports, credentials);
    }
    String requester = "d" + run + "a";
    NewSharedMailboxRequest twoMembers =
        new NewSharedMailboxRequest(
            name, "lab1", "", "Lab secretariat", List.of(requester, "d" + run + "b"));
    RuleViolationException closed =
        assertThrows(
            RuleViolationException.class,
            () -> asSignedIn(accounts, requester, () -> requests.submit(twoMembers)));
    assertTrue(closed.hasKey("request.domain.closed"), closed.getMessage());

    settings.setSharedRequestsEnabled(true);
    settings.setSharedMaxMembers(1);
    DomainSettings open = as(credentials, "admin", () -> domains.update(name, settings));
    try {
      RuleViolationException tooMany =
          assertThrows(
              RuleViolationException.class,
              () -> asSignedIn(accounts, requester, () -> requests.submit(twoMembers)));
      assertTrue(tooMany.hasKey("request.members.count"), tooMany.getMessage());
      assertEquals(List.of(1, 1), tooMany.violations().get(0).args());
      assertEquals(
          List.of(name),
          asSignedIn(accounts, requester, () -> requests.domainsOpenForRequests()).stream()
              .map(d -> d.name())
              .toList(),
          "offered to its own people");
      assertTrue(
          as(credentials, "staff", () -> requests.domainsOpenForRequests()).stream()
              .noneMatch(d -> d.name().equals(name)),
          "not to University B's staff");
    } finally {
      open.setSharedRequestsEnabled(false);
      as(credentials, "admin", () -> domains.update(name, open));
    }
  }

  /**
   * "Internal only" means the institution's own domains, not every domain Postroom serves: on a
   * shared Postroom another institution is outside.
   */
  @Test
  void anInternalOnlyDomainForwardsWithinItsInstitutionOnly() throws Exception {
    DomainSettings settings = newDomain();
    String name = settings.getName();
    settings.setForwardPolicy(ForwardPolicy.INTERNAL);
    as(credentials, "admin", () -> domains.update(name, settings));
    String run = name.substring(1, 7);
    String username = "f" + run;
    new RegistryPerson(
            "fwd-" + run,
            "Kim",
            "Forward",
            username,
            name,
            new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(1), null))
        .importAsAdmin(imports, credentials);

    RuleViolationException outside =
        assertThrows(
            RuleViolationException.class,
            () ->
                asSignedIn(
                    accounts,
                    username,
                    () -> {
                      forwarding.set(List.of("staff@univ-b.be"), true);
                      return null;
                    }));
    assertTrue(outside.hasKey("forward.outside"), outside.getMessage());
    assertEquals(List.of(), asSignedIn(accounts, username, () -> forwarding.current()).targets());

    asSignedIn(
        accounts,
        username,
        () -> {
          forwarding.set(List.of("colleague@" + name), true);
          return null;
        });
    assertEquals(
        List.of("colleague@" + name),
        asSignedIn(accounts, username, () -> forwarding.current()).targets());
  }

  /** Page sizes a client chooses are capped: a domain administrator's list too. */
  @Test
  void aDomainAdministratorsListNeverGivesMoreThanAPage() throws Exception {
    DomainSettings settings = newDomain();
    String name = settings.getName();
    String run = name.substring(1, 7);
    int many = DelegationService.MAX_PAGE_SIZE + 5;
    List<RegistryRecord> people = new ArrayList<>();
    for (int i = 0; i < many; i++) {
      people.add(
          new RegistryPerson(
                  "pg-" + run + "-" + i,
                  "Kim",
                  "Page" + i,
                  "p" + run + "x" + i,
                  name,
                  new AffiliationPeriod(AffiliationKind.STAFF, LocalDate.now().minusYears(1), null))
              .record());
    }
    assertEquals(many, as(credentials, "admin", () -> imports.importRecords(people)).created());
    String admin = "p" + run + "x0";
    as(
        credentials,
        "admin",
        () -> roles.grant(admin, Roles.DOMAIN_ADMIN, List.of(name), "a test of page sizes"));
    assertEquals(
        DelegationService.MAX_PAGE_SIZE,
        asSignedIn(accounts, admin, () -> delegation.mailboxes("", 0, 10_000)).size());
    assertEquals(many, asSignedIn(accounts, admin, () -> delegation.count("")));
  }
}
