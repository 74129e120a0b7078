package org.postroom.web.directory;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.directory.AccountDetail;
import org.postroom.service.directory.DirectoryService;

/** One account for the helpdesk: affiliations, mailboxes and history. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;

  private String username;
  private AccountDetail detail;

  /** Loads the account named in the URL; an unknown one is a 404. */
  public void load() throws IOException {
    try {
      detail = directory.detail(username == null ? "" : username);
    } catch (RuleViolationException unknown) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, null);
      faces.responseComplete();
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public AccountDetail getDetail() {
    return detail;
  }
}
