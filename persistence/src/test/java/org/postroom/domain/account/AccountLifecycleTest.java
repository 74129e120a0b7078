package org.postroom.domain.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postroom.domain.directory.AffiliationKind;
import org.postroom.domain.directory.AffiliationPeriod;
import org.postroom.domain.directory.Person;
import org.postroom.domain.directory.PersonName;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.TestPolicies;

class AccountLifecycleTest {

  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
  private static final LocalDate END = LocalDate.of(2026, 6, 30);
  private static final int GRACE = 30;

  private final MailDomain domain =
      new MailDomain(
          "univ-d.no", "en", MailboxPolicy.standard(), TestPolicies.sharedLikeUniversityB());

  private Account studentUntil(LocalDate lastDay) {
    Person person = new Person("r1", new PersonName("Kari", null, null, "Nordmann"), NOW);
    person.replaceAffiliations(
        List.of(new AffiliationPeriod(AffiliationKind.STUDENT, LocalDate.of(2022, 9, 1), lastDay)),
        NOW);
    return Account.forPerson(person, "kari", domain, AccountType.STUDENT, "kari@univ-d.no", NOW);
  }

  @Test
  void anAccountLeavesWhenItsLastAffiliationHasEndedAndClosesAfterTheGracePeriod() {
    Account account = studentUntil(END);
    assertEquals(Optional.empty(), account.advance(END, GRACE, false), "still affiliated");
    LocalDate noticed = END.plusDays(3);
    assertEquals(Optional.of(AccountState.LEAVING), account.advance(noticed, GRACE, false));
    assertEquals(Optional.of(noticed.plusDays(GRACE)), account.closesOn(GRACE));
    assertTrue(account.canLogIn());
    assertEquals(Optional.empty(), account.advance(noticed.plusDays(GRACE - 1), GRACE, false));
    assertEquals(
        Optional.of(AccountState.CLOSED), account.advance(noticed.plusDays(GRACE), GRACE, false));
    assertFalse(account.canLogIn());
    assertEquals(Optional.empty(), account.advance(noticed.plusDays(400), GRACE, false));
  }

  @Test
  void aLeavingAccountLosesEveryGrantedRoleAndKeepsWhatTheRegistryGives() {
    Account account = studentUntil(END);
    account.grant(Roles.HELPDESK);
    account.grant(Roles.ADMIN);
    assertTrue(account.holds(Roles.ADMIN));
    account.advance(END.plusDays(1), GRACE, false);
    assertEquals(AccountState.LEAVING, account.getState());
    assertEquals(java.util.Set.of(Roles.USER), account.getRoles());
    // back again: granted roles are granted anew, not restored
    assertFalse(account.revoke(Roles.HELPDESK));
  }

  @Test
  void anAlumnusKeepsTheAccountAndTheHomeMailboxRetentionStillRuns() {
    Account account = studentUntil(END);
    account.advance(END.plusDays(1), GRACE, true);
    LocalDate closing = END.plusDays(1 + GRACE);
    assertEquals(Optional.of(AccountState.ALUMNI), account.advance(closing, GRACE, true));
    assertTrue(account.canLogIn());
    assertFalse(account.retentionOver(closing.plusDays(89), 90));
    assertTrue(account.retentionOver(closing.plusDays(90), 90));
  }

  @Test
  void aLeavingAccountWhosePersonIsAffiliatedAgainIsActiveAgain() {
    Account account = studentUntil(END);
    account.advance(END.plusDays(1), GRACE, false);
    account
        .getPerson()
        .replaceAffiliations(
            List.of(
                new AffiliationPeriod(AffiliationKind.STUDENT, LocalDate.of(2022, 9, 1), END),
                new AffiliationPeriod(AffiliationKind.STAFF, END.plusDays(5), null)),
            NOW);
    assertEquals(Optional.of(AccountState.ACTIVE), account.advance(END.plusDays(5), GRACE, false));
    assertEquals(Optional.empty(), account.closesOn(GRACE));
  }

  @Test
  void accountsThatAreNotTheRegistrysDoNotMove() {
    Account local =
        new Account("helpdesk", "Hanna", "h@univ-b.be", AccountType.STAFF, "en", List.of(), NOW);
    assertEquals(Optional.empty(), local.advance(END.plusYears(5), GRACE, false));
    assertEquals(AccountState.ACTIVE, local.getState());
  }
}
