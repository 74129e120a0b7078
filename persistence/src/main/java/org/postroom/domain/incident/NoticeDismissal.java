package org.postroom.domain.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person hid a notice for themselves (never an outage). */
@Entity
@Table(name = "notice_dismissal")
public class NoticeDismissal implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Which notice, for whom. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "notice_id", nullable = false)
    private long noticeId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    protected Key() {}

    public Key(long noticeId, long accountId) {
      this.noticeId = noticeId;
      this.accountId = accountId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.noticeId == noticeId && k.accountId == accountId;
    }

    @Override
    public int hashCode() {
      return Objects.hash(noticeId, accountId);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "dismissed_at", nullable = false)
  private Instant dismissedAt;

  protected NoticeDismissal() {}

  public NoticeDismissal(long noticeId, long accountId, Instant now) {
    this.key = new Key(noticeId, accountId);
    this.dismissedAt = now;
  }
}
