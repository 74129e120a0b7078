package org.postroom.web.common;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewDeclarationLanguageFactory;
import jakarta.faces.view.ViewDeclarationLanguageWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds a static view's component tree once per request. On a postback Mojarra 4.0.13 (WildFly
 * 39's) builds the tree from its Facelets when it restores the view, then applies the Facelets to
 * it once more before rendering (a sixth of a form post's samples in the web load's profile) —
 * which for a view whose tree cannot change in between ({@link StaticViews}) reproduces the same
 * tree. This skips that second build when the same view was built earlier in the same request, as
 * Mojarra's opt-in {@code com.sun.faces.disableRefreshTransientBuild} does in the 4.0 releases
 * after those on Maven Central (mojarra#5753, #5812), under the same conditions: a non-transient
 * view, partial state saving (the default here), no components added programmatically (nothing of
 * Postroom does) and no build-time-dynamic content. A view with JSTL tags or dynamic includes is
 * built as before; so is any view an action navigated to (a new tree).
 */
public class BuildOnceViewDeclarationLanguage extends ViewDeclarationLanguageWrapper {

  private static final String BUILT = BuildOnceViewDeclarationLanguage.class.getName() + ".built";

  /** Whether each view id is static, read once from the application's files. */
  private static final Map<String, Boolean> STATIC = new ConcurrentHashMap<>();

  public BuildOnceViewDeclarationLanguage(ViewDeclarationLanguage wrapped) {
    super(wrapped);
  }

  @Override
  public void buildView(FacesContext context, UIViewRoot root) throws IOException {
    Map<Object, Object> request = context.getAttributes();
    if (request.get(BUILT) == root && !root.isTransient() && isStatic(context, root.getViewId())) {
      return;
    }
    super.buildView(context, root);
    request.put(BUILT, root);
  }

  private static boolean isStatic(FacesContext context, String viewId) {
    return STATIC.computeIfAbsent(
        viewId,
        id ->
            StaticViews.isStatic(
                id, path -> context.getExternalContext().getResourceAsStream(path)));
  }

  /** Hands out the wrapper for every view; registered in faces-config.xml. */
  public static class Factory extends ViewDeclarationLanguageFactory {

    public Factory(ViewDeclarationLanguageFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ViewDeclarationLanguage getViewDeclarationLanguage(String viewId) {
      ViewDeclarationLanguage language = getWrapped().getViewDeclarationLanguage(viewId);
      return language == null ? null : new BuildOnceViewDeclarationLanguage(language);
    }
  }
}
