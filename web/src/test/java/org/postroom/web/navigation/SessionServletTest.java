package org.postroom.web.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The language switch returns to the page one was on, and never to another site. */
class SessionServletTest {

  @Test
  void returnsToAnAddressWithinPostroom() {
    assertEquals(
        "/requests/view.xhtml?id=5", SessionServlet.within("", "/requests/view.xhtml?id=5"));
    assertEquals(
        "/portal/mailbox.xhtml", SessionServlet.within("/portal", "/portal/mailbox.xhtml"));
  }

  @Test
  void anythingElseGoesToTheStartPage() {
    for (String back :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example/",
          "/\\evil.example",
          "/mailbox.xhtml\r\nSet-Cookie: x=1",
          "mailbox.xhtml"
        }) {
      assertEquals("/", SessionServlet.within("", back), String.valueOf(back));
    }
    assertEquals("/portal/", SessionServlet.within("/portal", "/other/page.xhtml"));
  }
}
