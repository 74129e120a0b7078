package org.postroom.web.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StaticViewsTest {

  private static Function<String, InputStream> files(Map<String, String> files) {
    return path ->
        files.containsKey(path)
            ? new ByteArrayInputStream(files.get(path).getBytes(StandardCharsets.UTF_8))
            : null;
  }

  @Test
  void aViewIsStaticOnlyIfEverythingItIncludesIsStatic() {
    Map<String, String> files =
        Map.of(
            "/layout.xhtml",
                "<f:view locale=\"#{l.locale}\"><ui:insert name=\"content\"/></f:view>",
            "/part.xhtml", "<h:outputText value=\"#{p}\" rendered=\"#{not empty p}\"/>",
            "/loop.xhtml", "<c:forEach items=\"#{b.items}\" var=\"i\"><p>#{i}</p></c:forEach>",
            "/a/plain.xhtml",
                "<ui:composition template=\"/layout.xhtml\"><ui:include src=\"../part.xhtml\"/>"
                    + "<!-- <c:if test=\"#{x}\"> in a comment changes nothing --></ui:composition>",
            "/a/looping.xhtml",
                "<ui:composition template=\"/layout.xhtml\"><ui:include src=\"/loop.xhtml\"/>"
                    + "</ui:composition>",
            "/a/chosen.xhtml", "<ui:include src=\"#{b.page}\"/>",
            "/a/bundle.xhtml", "<f:loadBundle basename=\"x\" var=\"m\"/>",
            "/a/cycle.xhtml", "<ui:include src=\"/a/cycle.xhtml\"/>",
            "/a/jstl.xhtml",
                "<ui:composition xmlns:j=\"jakarta.tags.core\"><j:if test=\"#{x}\"/>"
                    + "</ui:composition>");
    Function<String, InputStream> source = files(files);
    assertTrue(StaticViews.isStatic("/a/plain.xhtml", source));
    assertTrue(StaticViews.isStatic("/a/cycle.xhtml", source));
    assertFalse(StaticViews.isStatic("/a/looping.xhtml", source), "JSTL in an include");
    assertFalse(StaticViews.isStatic("/a/chosen.xhtml", source), "an include by expression");
    assertFalse(StaticViews.isStatic("/a/bundle.xhtml", source));
    assertFalse(StaticViews.isStatic("/a/jstl.xhtml", source), "JSTL under another prefix");
    assertFalse(StaticViews.isStatic("/a/missing.xhtml", source), "unread is not static");
  }

  /** Postroom's own pages: the two that build fields per language with c:forEach are not static. */
  @Test
  void postroomsPagesAreStaticButThoseWithJstl() throws Exception {
    Path webapp = Path.of("src/main/webapp");
    Function<String, InputStream> source =
        path -> {
          try {
            Path file = webapp.resolve(path.substring(1));
            return Files.exists(file) ? Files.newInputStream(file) : null;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    try (Stream<Path> views = Files.walk(webapp)) {
      views
          .filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("WEB-INF"))
          .forEach(
              p -> {
                String view = "/" + webapp.relativize(p).toString().replace('\\', '/');
                boolean jstl =
                    view.equals("/admin/help.xhtml") || view.equals("/admin/notices.xhtml");
                if (jstl) {
                  assertFalse(StaticViews.isStatic(view, source), view);
                } else {
                  assertTrue(StaticViews.isStatic(view, source), view);
                }
              });
    }
  }
}
