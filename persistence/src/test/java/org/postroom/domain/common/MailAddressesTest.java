package org.postroom.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MailAddressesTest {

  @Test
  void aPastedColumnOfAddressesGivesEachOne() {
    assertEquals(
        List.of("a@x.org", "B@Y.org", "c@z.org"),
        MailAddresses.splitPasted("a@x.org\r\nB@Y.org, c@z.org;\n\n"));
  }

  @Test
  void anAddressBookPasteKeepsTheAddressesAndDropsTheNames() {
    assertEquals(
        List.of("jan@x.org", "kari@y.no", "plain@z.de"),
        MailAddresses.splitPasted(
            "Jan Jansen <jan@x.org>, \"Nordmann, Kari\" <kari@y.no>; plain@z.de"));
  }

  @Test
  void aWordWithoutAtIsKeptForTheCallerToReportUnlessItIsANameBesideAnAddress() {
    assertEquals(List.of("a@x.org", "oops"), MailAddresses.splitPasted("a@x.org oops"));
    assertEquals(List.of(), MailAddresses.splitPasted("  \n "));
    assertEquals(List.of(), MailAddresses.splitPasted(null));
  }
}
