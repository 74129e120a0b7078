package org.postroom.web.mailbox;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.delegation.DelegationService;
import org.postroom.service.forwarding.ForwardingService;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.vacation.VacationForm;
import org.postroom.service.vacation.VacationService;
import org.postroom.web.common.Messages;

/** A domain administrator's view of one mailbox of their domain (the address in the URL). */
@Named
@ViewScoped
public class DelegatedMailboxBacking extends MailboxSettingsBacking {

  private static final long serialVersionUID = 1L;

  @Inject DelegationService delegation;
  @Inject ForwardingService forwarding;
  @Inject VacationService vacations;

  private String address;

  private boolean notFound;

  /**
   * Reads the mailbox named in the URL; one outside the administrator's domains answers 404, as if
   * it did not exist, like every page one may not open.
   */
  public void load() throws IOException {
    notFound = false;
    init();
    if (notFound) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
    }
  }

  @Override
  protected MailboxOverview read() {
    try {
      return delegation.overview(address == null ? "" : address);
    } catch (NotFoundException missing) {
      notFound = true;
      return null;
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
      return null;
    }
  }

  @Override
  protected void forward(List<String> targets, boolean keepCopy) {
    forwarding.setFor(address, targets, keepCopy);
  }

  @Override
  protected void stopForwarding() {
    forwarding.clearFor(address);
  }

  @Override
  protected void reply(VacationForm form) {
    vacations.setFor(address, form);
  }

  @Override
  protected void stopReplying() {
    vacations.clearFor(address);
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }
}
