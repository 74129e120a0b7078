package org.postroom.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.security.PasswordChangeService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.NewPassword;

/** Changing one's own password, with a strength meter on the new one. */
@Named
@ViewScoped
public class PasswordChangeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of("current", "change:current", "password", "change:password", "repeat", "change:repeat");

  @Inject PasswordChangeService passwords;

  private boolean owned;
  private String current;
  private final NewPassword newPassword = new NewPassword();
  private int strength;

  @PostConstruct
  void init() {
    owned = passwords.ownsPassword();
    newPassword.setMinLength(passwords.minPasswordLength());
  }

  /** The meter follows the new password as it is typed (zxcvbn's score, on the server). */
  public void measure() {
    strength = passwords.strength(newPassword.getPassword());
  }

  public void change() {
    try {
      passwords.change(current, newPassword.getPassword(), newPassword.getRepeat());
      // this session stands; the account's other sessions end at their next click
      PortalAuthenticationMechanism.renew();
      Messages.info("password.change.done");
      strength = 0;
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    } finally {
      current = null;
      newPassword.forget();
    }
  }

  public boolean isOwned() {
    return owned;
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public NewPassword getNewPassword() {
    return newPassword;
  }

  public int getStrength() {
    return strength;
  }
}
