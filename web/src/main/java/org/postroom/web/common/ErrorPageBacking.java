package org.postroom.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The not-found page also answers for pages one may not open (403): it then says 404, so that the
 * status code does not reveal that the page exists.
 */
@Named
@RequestScoped
public class ErrorPageBacking {

  public void answerNotFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!faces.getExternalContext().isResponseCommitted()) {
      faces.getExternalContext().setResponseStatus(404);
    }
  }
}
