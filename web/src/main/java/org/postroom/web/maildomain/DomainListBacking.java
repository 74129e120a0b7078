package org.postroom.web.maildomain;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.maildomain.DomainRow;
import org.postroom.service.maildomain.DomainService;
import org.postroom.web.common.TextSearchModel;

/** The administrator's list of mail domains, searched by name and paged in the database. */
@Named
@ViewScoped
public class DomainListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DomainService domains;

  private TextSearchModel<DomainRow> rows;

  @PostConstruct
  void init() {
    DomainService service = domains;
    rows = new TextSearchModel<>(service::count, service::domains, DomainRow::name);
  }

  public TextSearchModel<DomainRow> getRows() {
    return rows;
  }
}
