package org.postroom.domain.sharedmailbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postroom.domain.account.Account;
import org.postroom.domain.account.AccountType;
import org.postroom.domain.account.Roles;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.mailbox.Mailbox;
import org.postroom.domain.mailbox.MailboxKind;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.domain.maildomain.TestPolicies;

class SharedMailboxRequestTest {

  private static final Instant NOW = Instant.parse("2026-09-01T09:00:00Z");

  private final MailDomain univB =
      new MailDomain("Univ-B.be", "nl", TestPolicies.sharedLikeUniversityB());
  private final Account staff = account("Staff1", AccountType.STAFF);
  private final Account student = account("student1", AccountType.STUDENT);

  private static Account account(String username, AccountType type) {
    return account(username, type, "univ-b.be");
  }

  private static Account account(String username, AccountType type, String domain) {
    return new Account(
        username, username, username + "@" + domain, type, "en", Set.of(Roles.USER), NOW);
  }

  private SharedMailboxRequest submitted() {
    return SharedMailboxRequest.submit(
        univB,
        staff,
        "Lab.Chem",
        "Lab = laboratory",
        "Chemistry lab",
        List.of(staff, student),
        NOW);
  }

  @Test
  void submitNormalizesTheAddressAndHoldsIt() {
    SharedMailboxRequest request = submitted();
    assertEquals(RequestState.SUBMITTED, request.getState());
    assertEquals("lab.chem@univ-b.be", request.getAddress());
    assertEquals("lab.chem", request.getLocalPart());
    assertEquals("staff1", request.getRequester().getUsername());
    assertEquals(2, request.getMembers().size());
  }

  @Test
  void submitRefusesWhatThePolicyForbidsAllAtOnce() {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                SharedMailboxRequest.submit(
                    univB, staff, "1-bad", null, " ", List.of(student), NOW));
    assertTrue(refused.hasKey("request.localPart.startLetter"));
    assertTrue(refused.hasKey("request.localPart.characters"));
    assertTrue(refused.hasKey("request.members.staffRequired"));
    assertTrue(refused.hasKey("request.purpose.required"));
  }

  @Test
  void membersBelongToTheDomainsInstitution() {
    Account outsider = account("outsider", AccountType.STAFF, "umail.example-a.nl");
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                SharedMailboxRequest.submit(
                    univB, staff, "lab", null, "Lab", List.of(staff, outsider), NOW));
    assertEquals(List.of("request.members.otherInstitution"), keys(refused));
    assertEquals(List.of("outsider"), refused.violations().get(0).args());
    assertTrue(staff.belongsTo(univB));
    assertEquals("univ-b.be", staff.homeDomainName());
  }

  private static List<String> keys(RuleViolationException refused) {
    return refused.violations().stream().map(v -> v.key()).toList();
  }

  @Test
  void submitRefusesOverlongTexts() {
    RuleViolationException refused =
        assertThrows(
            RuleViolationException.class,
            () ->
                SharedMailboxRequest.submit(
                    univB, staff, "lab", "x".repeat(1001), "p".repeat(2001), List.of(staff), NOW));
    assertEquals(2, refused.violations().size());
  }

  @Test
  void approveThenProvisionClosesTheRequest() {
    SharedMailboxRequest request = submitted();
    request.approve("helpdesk", NOW);
    assertEquals(RequestState.APPROVED, request.getState());
    Mailbox mailbox = Mailbox.shared(univB, request.getAddress(), request.getMembers(), NOW);
    request.provisioned(mailbox, NOW);
    assertEquals(RequestState.PROVISIONED, request.getState());
    assertEquals("helpdesk", request.getDecidedBy());
    assertEquals(NOW, request.getClosedAt());
    assertEquals(MailboxKind.SHARED, mailbox.getKind());
    assertEquals(5_000_000_000L, mailbox.getQuotaBytes());
    assertEquals("lab.chem@univ-b.be", mailbox.getLoginName());
    assertEquals(false, mailbox.isForwardAllowed());
  }

  @Test
  void provisionNeedsApproval() {
    SharedMailboxRequest request = submitted();
    Mailbox mailbox = Mailbox.shared(univB, request.getAddress(), request.getMembers(), NOW);
    assertTrue(
        assertThrows(RuleViolationException.class, () -> request.provisioned(mailbox, NOW))
            .hasKey("request.state.notApproved"));
  }

  @Test
  void rejectNeedsAReasonAndKeepsIt() {
    SharedMailboxRequest request = submitted();
    assertTrue(
        assertThrows(RuleViolationException.class, () -> request.reject("helpdesk", "  ", NOW))
            .hasKey("request.reason.required"));
    assertEquals(RequestState.SUBMITTED, request.getState());
    request.reject("helpdesk", " Use a distribution list ", NOW);
    assertEquals(RequestState.REJECTED, request.getState());
    assertEquals("Use a distribution list", request.getRejectionReason());
  }

  @Test
  void aDecidedRequestCannotBeDecidedOrCancelledAgain() {
    SharedMailboxRequest rejected = submitted();
    rejected.reject("helpdesk", "no", NOW);
    assertTrue(
        assertThrows(RuleViolationException.class, () -> rejected.approve("helpdesk2", NOW))
            .hasKey("request.state.decided"));
    assertTrue(
        assertThrows(RuleViolationException.class, () -> rejected.reject("helpdesk2", "again", NOW))
            .hasKey("request.state.decided"));
    assertTrue(
        assertThrows(RuleViolationException.class, () -> rejected.cancel(staff, NOW))
            .hasKey("request.state.decided"));
  }

  @Test
  void onlyTheRequesterCancelsAndOnlyWhileOpen() {
    SharedMailboxRequest request = submitted();
    assertTrue(
        assertThrows(RuleViolationException.class, () -> request.cancel(student, NOW))
            .hasKey("request.cancel.notRequester"));
    request.cancel(account("STAFF1", AccountType.STAFF), NOW);
    assertEquals(RequestState.CANCELLED, request.getState());
    assertNull(request.getDecidedBy());
  }

  @Test
  void noOneApprovesAMailboxTheyAskedForOrWouldBelongTo() {
    SharedMailboxRequest request = submitted();
    for (String insider : List.of(staff.getUsername(), student.getUsername())) {
      RuleViolationException refused =
          assertThrows(RuleViolationException.class, () -> request.approve(insider, NOW));
      assertTrue(refused.hasKey("request.ownRequest"), insider);
    }
    assertEquals(RequestState.SUBMITTED, request.getState());
    request.approve("helpdesk", NOW);
    assertEquals(RequestState.APPROVED, request.getState());
  }
}
