package org.postroom.web.directory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.postroom.service.directory.AccountRow;
import org.postroom.service.directory.DirectoryService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The helpdesk's account search: one text over name, username and address, paged in the database.
 */
@Named
@ViewScoped
public class AccountSearchBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DirectoryService directory;

  private LazyDataModel<AccountRow> accounts;

  @PostConstruct
  void init() {
    DirectoryService service = directory;
    accounts =
        new LazyDataModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) service.count(text(filterBy));
          }

          @Override
          public List<AccountRow> load(
              int first,
              int pageSize,
              Map<String, SortMeta> sortBy,
              Map<String, FilterMeta> filterBy) {
            return service.search(text(filterBy), first, pageSize);
          }

          @Override
          public String getRowKey(AccountRow row) {
            return row.username() + "|" + row.address();
          }
        };
  }

  private static String text(Map<String, FilterMeta> filterBy) {
    FilterMeta global = filterBy.get("globalFilter");
    return global == null || global.getFilterValue() == null
        ? null
        : global.getFilterValue().toString();
  }

  public LazyDataModel<AccountRow> getAccounts() {
    return accounts;
  }
}
