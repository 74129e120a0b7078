package org.postroom.web.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Facelets views build the same component tree whatever happens during a request: no JSTL tag
 * ({@code c:if}, {@code c:forEach}, …, evaluated when the tree is built), no {@code f:loadBundle}
 * and no include, decoration or template named by an expression — in the view or in any file it
 * includes, decorates or uses as template (followed by their literal paths). Such a view needs no
 * second build before it is rendered ({@link BuildOnceViewDeclarationLanguage}).
 */
public final class StaticViews {

  /**
   * What makes a tree depend on the state when it is built: a JSTL tag (under the prefix {@code c},
   * or the JSTL namespace under any other prefix), {@code f:loadBundle}, an include or template
   * named by an expression.
   */
  private static final Pattern BUILD_TIME =
      Pattern.compile(
          "<c:|<f:loadBundle|\\b(?:src|template)\\s*=\\s*\"[^\"]*[#$]\\{"
              + "|xmlns:(?!c\\s*=)\\w+\\s*=\\s*\"(?:jakarta\\.tags\\.core|[^\"]*/jstl/core)\"");

  /** The files a view is made of besides its own. */
  private static final Pattern INCLUDED =
      Pattern.compile("\\b(?:src|template)\\s*=\\s*\"([^\"]+)\"");

  private StaticViews() {}

  /**
   * Whether the view at {@code path} and everything it includes are static; {@code source} reads a
   * file of the web application (null if there is none: a view that cannot be read is not static).
   */
  public static boolean isStatic(String path, Function<String, InputStream> source) {
    return isStatic(path, source, new HashSet<>());
  }

  private static boolean isStatic(
      String path, Function<String, InputStream> source, Set<String> seen) {
    if (!seen.add(path)) {
      return true;
    }
    String text;
    try (InputStream in = source.apply(path)) {
      if (in == null) {
        return false;
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    text = text.replaceAll("(?s)<!--.*?-->", "");
    if (BUILD_TIME.matcher(text).find()) {
      return false;
    }
    Matcher included = INCLUDED.matcher(text);
    while (included.find()) {
      String target = included.group(1);
      if (target.endsWith(".xhtml") && !isStatic(resolve(path, target), source, seen)) {
        return false;
      }
    }
    return true;
  }

  /** The path of {@code target} named in {@code from}; an unreadable one is not found. */
  private static String resolve(String from, String target) {
    try {
      return URI.create(from).resolve(target).getPath();
    } catch (IllegalArgumentException e) {
      return "/" + target + " (unreadable)";
    }
  }
}
