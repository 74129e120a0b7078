package org.postroom.web.help;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
  private boolean sent;

  public void send() {
    try {
      help.ask(identity, contact, message);
      sent = true;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public boolean isSent() {
    return sent;
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
