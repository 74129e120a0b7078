package org.postroom.web.help;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.help.PasswordHelpService;
import org.postroom.web.common.Messages;

/** The public "forgot password" form: the same answer whoever is named. */
@Named
@RequestScoped
public class ForgotPasswordBacking {

  private static final Map<String, String> FIELDS =
      Map.of(
          "identity", "forgot:identity", "contact", "forgot:contact", "message", "forgot:message");

  @Inject PasswordHelpService help;

  private String identity;
  private String contact;
  private String message;

  /**
   * Files the request and answers with post-redirect-get, so that reloading the answer does not
   * file it again.
   */
  public void send() throws IOException {
    try {
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      // the client's address, as the connection or a trusted proxy tells it (wildfly-config)
      help.ask(
          identity, contact, message, ((HttpServletRequest) external.getRequest()).getRemoteAddr());
      external.redirect(external.getRequestContextPath() + "/password/forgot.xhtml?sent=true");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  /** Whether the page shows the answer (the same whoever was named) instead of the form. */
  public boolean isSent() {
    return "true"
        .equals(
            FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("sent"));
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public String getContact() {
    return contact;
  }

  public void setContact(String contact) {
    this.contact = contact;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
