package org.postroom.web.alumni;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.alumni.AlumniOffer;
import org.postroom.service.alumni.AlumniService;
import org.postroom.web.common.Messages;
import org.postroom.web.common.NewPassword;
import org.postroom.web.security.PortalAuthenticationMechanism;

/** Ordering an alumni address: the offer, a recovery address and a password of one's own. */
@Named
@ViewScoped
public class AlumniBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "current",
          "alumni:current",
          "recovery",
          "alumni:recovery",
          "password",
          "alumni:password",
          "repeat",
          "alumni:repeat");

  @Inject AlumniService alumni;

  private AlumniOffer offer;
  private String recovery;
  private boolean asksCurrent;

  /** Never kept beyond the request that used it. */
  private transient String current;

  private final NewPassword newPassword = new NewPassword();

  @PostConstruct
  void init() {
    offer = alumni.offer();
    newPassword.setMinLength(alumni.minPasswordLength());
    asksCurrent = offer.eligible() && alumni.asksCurrentPassword();
  }

  public void order() {
    try {
      String address =
          alumni.order(current, recovery, newPassword.getPassword(), newPassword.getRepeat());
      // the new password ends the account's other sessions, not this one
      PortalAuthenticationMechanism.renew();
      offer = alumni.offer();
      Messages.info("alumni.ordered", address);
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    } finally {
      current = null;
      newPassword.forget();
    }
  }

  public AlumniOffer getOffer() {
    return offer;
  }

  public String getRecovery() {
    return recovery;
  }

  public void setRecovery(String recovery) {
    this.recovery = recovery;
  }

  public boolean isAsksCurrent() {
    return asksCurrent;
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
}
