package org.postroom.web.incident;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.incident.NoticeService;
import org.postroom.service.incident.ShownNotice;
import org.postroom.web.common.LocaleBacking;
import org.postroom.web.common.TextSearchModel;
import org.primefaces.model.LazyDataModel;

/** The notices page: those that concern the reader, running and past, paged in the database. */
@Named
@ViewScoped
public class NoticeHistoryBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject NoticeService notices;
  @Inject LocaleBacking locale;

  private LazyDataModel<ShownNotice> rows;

  @PostConstruct
  void load() {
    rows =
        new TextSearchModel<>(
            text -> notices.countHistory(),
            (text, first, pageSize) -> notices.history(first, pageSize, locale.getLanguage()),
            notice -> String.valueOf(notice.id()));
  }

  public LazyDataModel<ShownNotice> getRows() {
    return rows;
  }
}
