package org.postroom.web.help;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.help.PasswordHelpService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.NewPassword;

/** The page a reset link opens: a new password, typed twice. */
@Named
@ViewScoped
public class ResetPasswordBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of("password", "reset:password", "repeat", "reset:repeat");

  @Inject PasswordHelpService help;

  private String token;
  private String username;
  private final NewPassword newPassword = new NewPassword();
  private boolean done;

  public void load() {
    if (username == null && !done) {
      username = help.linkFor(token).orElse(null);
      newPassword.setMinLength(help.minPasswordLength(token));
    }
  }

  public void save() {
    try {
      help.reset(token, newPassword.getPassword(), newPassword.getRepeat());
      done = true;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    } finally {
      newPassword.forget();
    }
  }

  public boolean isDone() {
    return done;
  }

  public String getUsername() {
    return username;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public NewPassword getNewPassword() {
    return newPassword;
  }
}
