package org.postroom.web.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * The Markdown administrators write (notices, help texts) as HTML a page may show: CommonMark with
 * raw HTML escaped and unsafe links dropped, then jsoup's sanitiser keeping only text markup and
 * http, https and mailto links (no images, scripts, styles or event attributes), whatever was
 * typed.
 */
@Named("markdown")
@ApplicationScoped
public class MarkdownText {

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
  private static final Safelist SAFE =
      Safelist.basic()
          .addTags("h1", "h2", "h3", "h4", "h5", "h6", "hr")
          .removeProtocols("a", "href", "ftp");
  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  /** Sanitised HTML for {@code markdown}; empty for none. */
  public String html(String markdown) {
    return toHtml(markdown);
  }

  public static String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String html = RENDERER.render(PARSER.parse(markdown));
    return Jsoup.clean(html, "", SAFE, COMPACT).strip();
  }
}
