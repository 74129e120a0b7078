package org.postroom.service.incident;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.postroom.domain.incident.Feature;
import org.postroom.domain.incident.NoticeSeverity;
import org.postroom.domain.incident.NoticeText;
import org.postroom.domain.incident.ServiceNotice;
import org.postroom.domain.maildomain.MailDomain;

/**
 * A notice as a page shows it, in the reader's language: the text is Markdown, for the page to
 * render sanitised. {@code domains} is empty for a notice to all domains.
 */
public record ShownNotice(
    long id,
    NoticeSeverity severity,
    String title,
    String body,
    Instant startsAt,
    Instant endsAt,
    List<Feature> features,
    List<String> domains,
    boolean dismissible,
    String createdBy,
    String endedBy)
    implements Serializable {

  static ShownNotice of(ServiceNotice notice, String language, boolean dismissible) {
    NoticeText text = notice.textIn(language);
    return new ShownNotice(
        notice.getId(),
        notice.getSeverity(),
        text.getTitle(),
        text.getBody(),
        notice.getStartsAt(),
        notice.getEndsAt(),
        notice.getFeatures().stream().sorted().toList(),
        notice.getDomains().stream().map(MailDomain::getName).sorted().toList(),
        dismissible,
        notice.getCreatedBy(),
        notice.getEndedBy());
  }

  public boolean allDomains() {
    return domains.isEmpty();
  }
}
