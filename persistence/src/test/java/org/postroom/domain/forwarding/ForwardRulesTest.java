package org.postroom.domain.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.MailAddresses;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.maildomain.AddressScheme;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.MailboxPolicy;
import org.postroom.domain.maildomain.SettingsManager;
import org.postroom.domain.maildomain.TestPolicies;

class ForwardRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Predicate<String> SERVED = Set.of("uni.example", "alumni.example")::contains;
  private static final Set<String> OWN = Set.of("ann@uni.example", "a.smith@uni.example");

  private static MailDomain domain(ForwardPolicy forwards) {
    MailboxPolicy policy =
        new MailboxPolicy(
            AddressScheme.USERNAME,
            64,
            MailboxPolicy.MB,
            MailboxPolicy.MB,
            MailboxPolicy.MB,
            MailboxPolicy.MB,
            90,
            forwards,
            MailboxPolicy.MB,
            true,
            SettingsManager.USER,
            30,
            90,
            10);
    return new MailDomain("uni.example", "en", policy, TestPolicies.sharedLikeUniversityB());
  }

  private static Mailbox personal(ForwardPolicy forwards) {
    Account ann =
        new Account(
            "ann", "Ann", "ann@home.example", AccountType.STAFF, "en", Set.of(Roles.USER), NOW);
    return Mailbox.personal(domain(forwards), "ann@uni.example", "ann@uni.example", ann, NOW);
  }

  private static List<String> keys(Mailbox mailbox, String... targets) {
    return ForwardRules.check(mailbox, ForwardRules.normalize(List.of(targets)), OWN, SERVED)
        .stream()
        .map(Violation::key)
        .toList();
  }

  @Test
  void targetsAreKeptInLowerCaseWithoutBlanksAndRepeats() {
    assertEquals(
        List.of("bob@ext.example", "carol@uni.example"),
        ForwardRules.normalize(
            List.of(" Bob@Ext.Example ", "", "carol@uni.example", "bob@ext.example")));
  }

  @Test
  void wellFormedAddressesPass() {
    assertEquals(
        List.of(),
        keys(personal(ForwardPolicy.ANY), "bob@ext.example", "o'neil+tag@mail.ext.example"));
  }

  @Test
  void malformedAddressesAreRefusedEachWithItsOwnMessage() {
    List<String> hostile =
        List.of(
            "bob",
            "bob@",
            "@ext.example",
            "bob@ext",
            "bob@@ext.example",
            "Bob <bob@ext.example>",
            "bob@ext.example, eve@evil.example",
            "bob@ext.example\r\nBcc: eve@evil.example",
            "\"bob\"@ext.example",
            "bob..x@ext.example",
            "bób@ext.example",
            "bob@-ext.example",
            "x".repeat(65) + "@ext.example",
            "bob@" + "a".repeat(250) + ".example");
    for (String target : hostile) {
      assertFalse(MailAddresses.isWellFormed(MailAddresses.normalize(target)), target);
      assertEquals(List.of("forward.malformed"), keys(personal(ForwardPolicy.ANY), target), target);
    }
  }

  @Test
  void theMailboxItselfAndItsAliasesAreRefused() {
    assertEquals(List.of("forward.self"), keys(personal(ForwardPolicy.ANY), "ANN@uni.example"));
    assertEquals(List.of("forward.self"), keys(personal(ForwardPolicy.ANY), "a.smith@uni.example"));
  }

  @Test
  void anInternalPolicyRefusesDomainsPostroomDoesNotServe() {
    Mailbox mailbox = personal(ForwardPolicy.INTERNAL);
    assertEquals(List.of(), keys(mailbox, "bob@alumni.example"));
    assertEquals(List.of("forward.outside"), keys(mailbox, "bob@gmail.example"));
  }

  @Test
  void noForwardWhereThePolicyOrTheMailboxKindForbidsIt() {
    assertEquals(
        List.of("forward.notAllowed"), keys(personal(ForwardPolicy.NONE), "bob@ext.example"));
    Mailbox shared = Mailbox.shared(domain(ForwardPolicy.ANY), "lab@uni.example", List.of(), NOW);
    assertEquals(List.of("forward.shared"), keys(shared, "bob@ext.example"));
  }

  @Test
  void oneToFiveTargets() {
    assertEquals(List.of("forward.noTarget"), keys(personal(ForwardPolicy.ANY)));
    assertEquals(
        List.of("forward.tooMany"),
        keys(
            personal(ForwardPolicy.ANY),
            "a@x.example",
            "b@x.example",
            "c@x.example",
            "d@x.example",
            "e@x.example",
            "f@x.example"));
  }

  @Test
  void aRefusedForwardLeavesTheMailboxAsItWas() {
    Mailbox mailbox = personal(ForwardPolicy.ANY);
    mailbox.forwardTo(List.of("bob@ext.example"), true, OWN, SERVED);
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () -> mailbox.forwardTo(List.of("bob", "ann@uni.example"), false, OWN, SERVED));
    assertEquals(2, refused.violations().size());
    assertEquals(List.of("bob@ext.example"), mailbox.getForwardTargets());
    assertTrue(mailbox.isForwardKeepCopy());
    mailbox.stopForwarding();
    assertEquals(List.of(), mailbox.getForwardTargets());
    assertFalse(mailbox.isForwardKeepCopy());
  }
}
