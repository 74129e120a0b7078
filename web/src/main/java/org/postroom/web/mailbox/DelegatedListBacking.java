package org.postroom.web.mailbox;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.delegation.DelegatedRow;
import org.postroom.service.delegation.DelegationService;
import org.postroom.web.common.TextSearchModel;

/** The domain administrator's mailboxes, searched and paged in the database. */
@Named
@ViewScoped
public class DelegatedListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DelegationService delegation;

  private String domain;
  private TextSearchModel<DelegatedRow> mailboxes;

  @PostConstruct
  void init() {
    domain = delegation.domain();
    mailboxes =
        new TextSearchModel<>(delegation::count, delegation::mailboxes, DelegatedRow::address);
  }

  public String getDomain() {
    return domain;
  }

  public TextSearchModel<DelegatedRow> getMailboxes() {
    return mailboxes;
  }
}
