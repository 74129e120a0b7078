package org.postroom.domain.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/** A notice's title and text in one language; the text is Markdown, sanitised when shown. */
@Embeddable
public class NoticeText implements Serializable {

  private static final long serialVersionUID = 1L;

  @Column(nullable = false, length = ServiceNotice.TITLE_MAX)
  private String title;

  @Column(nullable = false, length = ServiceNotice.BODY_MAX)
  private String body;

  protected NoticeText() {}

  public NoticeText(String title, String body) {
    this.title = title;
    this.body = body;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }
}
