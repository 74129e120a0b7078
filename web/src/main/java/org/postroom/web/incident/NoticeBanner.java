package org.postroom.web.incident;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postroom.service.incident.NoticeService;
import org.postroom.service.incident.ShownNotice;
import org.postroom.web.common.LocaleBacking;

/** The service notices every page shows above its title, read once per request. */
@Named
@RequestScoped
public class NoticeBanner {

  private static final Logger LOG = Logger.getLogger(NoticeBanner.class.getName());

  @Inject NoticeService notices;
  @Inject LocaleBacking locale;

  private List<ShownNotice> running;

  public List<ShownNotice> getRunning() {
    if (running == null) {
      try {
        running = notices.running(locale.getLanguage());
      } catch (RuntimeException e) {
        // the error pages show the banner too: a database that is away must not break them
        LOG.log(Level.WARNING, "No service notices shown", e);
        running = List.of();
      }
    }
    return running;
  }
}
