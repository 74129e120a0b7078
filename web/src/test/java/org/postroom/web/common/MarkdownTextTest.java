package org.postroom.web.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** What administrators' Markdown becomes on a page: markup kept, anything active gone. */
class MarkdownTextTest {

  private static final Set<String> TEXT_MARKUP =
      Set.of(
          "body",
          "p",
          "a",
          "b",
          "blockquote",
          "br",
          "cite",
          "code",
          "dd",
          "dl",
          "dt",
          "em",
          "i",
          "li",
          "ol",
          "pre",
          "q",
          "small",
          "span",
          "strike",
          "strong",
          "sub",
          "sup",
          "u",
          "ul",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr");
  private static final Pattern SAFE_LINK = Pattern.compile("(?i)(https?:|mailto:)");

  @Test
  void markupAndSafeLinksAreKept() {
    assertEquals(
        "<p><strong>Saved</strong> forwards stay, see <a href=\"https://status.example/\""
            + " rel=\"nofollow\">status</a>.</p>",
        MarkdownText.toHtml("**Saved** forwards stay, see [status](https://status.example/)."));
    assertEquals(
        "<ul><li>one</li><li><em>two</em></li></ul>",
        MarkdownText.toHtml("- one\n- *two*").replace("\n", ""));
    assertTrue(
        MarkdownText.toHtml("[mail us](mailto:help@univ-b.be)")
            .contains("href=\"mailto:help@univ-b.be\""));
  }

  @Test
  void rawHtmlIsShownAsText() {
    String html = MarkdownText.toHtml("Look: <script>alert(1)</script> <b onclick=x()>bold</b>");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<b "), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void nothingEmptyIsRendered() {
    assertEquals("", MarkdownText.toHtml(null));
    assertEquals("", MarkdownText.toHtml("  \n "));
  }

  /** Any mix of Markdown, HTML and link syntax: no element or attribute that could run or load. */
  @Test
  void whateverIsTypedNothingActiveComesOut() {
    Gen<String> pieces =
        lists()
            .of(
                strings()
                    .basicLatinAlphabet()
                    .ofLengthBetween(0, 6)
                    .mix(
                        org.quicktheories.generators.Generate.pick(
                            List.of(
                                "<script>",
                                "</script>",
                                "<img src=x onerror=alert(1)>",
                                "<a href=\"",
                                "javascript:",
                                "JaVaScRiPt:",
                                "data:text/html,",
                                "vbscript:",
                                "](",
                                "[",
                                ")",
                                "<",
                                ">",
                                "\"",
                                "'",
                                "&#x6A;avascript:",
                                "<iframe",
                                "<svg onload=",
                                "style=",
                                "\n\n",
                                "<!--",
                                "-->",
                                "`",
                                "![x](",
                                "<style>",
                                "<object",
                                "<form action=",
                                " onmouseover=",
                                "&lt;",
                                "\\")),
                        50))
            .ofSizeBetween(0, 30)
            .map(list -> String.join("", list));
    qt().withExamples(2000)
        .forAll(pieces)
        .checkAssert(
            markdown -> {
              String html = MarkdownText.toHtml(markdown);
              for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                assertTrue(TEXT_MARKUP.contains(element.tagName()), () -> markdown + " -> " + html);
                for (Attribute attribute : element.attributes()) {
                  assertTrue(
                      attribute.getKey().equals("rel")
                          || attribute.getKey().equals("href")
                              && element.tagName().equals("a")
                              && SAFE_LINK.matcher(attribute.getValue()).lookingAt(),
                      () -> markdown + " -> " + html);
                }
              }
            });
  }
}
