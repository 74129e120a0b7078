package org.postroom.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * The not-found page also answers for pages one may not open (403): it then says 404, so that the
 * status code does not reveal that the page exists.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

  public void answerNotFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Object uri =
        faces.getExternalContext().getRequestMap().get(RequestDispatcher.ERROR_REQUEST_URI);
    boolean api =
        uri != null
            && uri.toString()
                .startsWith(faces.getExternalContext().getRequestContextPath() + "/api/");
    // other systems are told plainly that they lack the role
    if (!api && !faces.getExternalContext().isResponseCommitted()) {
      faces.getExternalContext().setResponseStatus(404);
    }
  }
}
