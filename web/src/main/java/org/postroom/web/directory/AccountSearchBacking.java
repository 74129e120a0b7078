package org.postroom.web.directory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.directory.AccountRow;
import org.postroom.service.directory.DirectoryService;
import org.postroom.web.common.TextSearchModel;

/**
 * The helpdesk's account search: one text over name, username and address, paged in the database.
 */
@Named
@ViewScoped
public class AccountSearchBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;

  private TextSearchModel<AccountRow> accounts;

  @PostConstruct
  void init() {
    DirectoryService service = directory;
    accounts =
        TextSearchModel.large(
            service::count,
            service::search,
            (text, row, direction, size) ->
                service.searchNextTo(text, row == null ? null : row.username(), direction, size),
            row -> row.username() + "|" + row.address());
  }

  public TextSearchModel<AccountRow> getAccounts() {
    return accounts;
  }
}
