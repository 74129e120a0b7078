package org.postroom.service.mailsystem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;

/** What reconcile takes for a shared mailbox's access list as Postroom made it, and for drift. */
class SharedGrantTest {

  private static final String ADDRESS = "team@univ-b.be";

  private static ACL acl(String name, String rights) {
    return new ACL(name, new Rights(rights));
  }

  @Test
  void theGroupWithTheMembersRightsAndTheGlobalEntriesAreAsMade() {
    assertTrue(
        DovecotMailSystem.grantedAsPostroomWants(
            new ACL[] {
              acl("#owner", "akxeilprwtscd"),
              acl("#postroom-master", "akxeilprwtscd"),
              acl("$" + ADDRESS, "lrwstipekxcd")
            },
            ADDRESS));
  }

  @Test
  void membersWhoMayGrantAGrantPostroomDidNotMakeOrNoGroupAreDrift() {
    assertFalse(
        DovecotMailSystem.grantedAsPostroomWants(
            new ACL[] {acl("$" + ADDRESS, "lrwstipekxa")}, ADDRESS),
        "members must not administer the access list");
    assertFalse(
        DovecotMailSystem.grantedAsPostroomWants(
            new ACL[] {acl("$" + ADDRESS, "lrwstipekx"), acl("someone@univ-b.be", "lr")}, ADDRESS),
        "a grant made behind Postroom's back");
    assertFalse(
        DovecotMailSystem.grantedAsPostroomWants(
            new ACL[] {acl("#owner", "akxeilprwtscd")}, ADDRESS),
        "the members' group is missing");
    assertFalse(
        DovecotMailSystem.grantedAsPostroomWants(new ACL[] {acl("$" + ADDRESS, "lr")}, ADDRESS),
        "the group cannot file mail");
  }
}
