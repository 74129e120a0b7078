package org.postroom.web.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postroom.domain.common.ConflictException;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Violation;
import org.postroom.domain.incident.FeatureFrozenException;
import org.postroom.domain.maildomain.MailDomain;
import org.postroom.web.common.Messages;

/**
 * A broken rule as an API answer: 404 for a thing that does not exist ({@link NotFoundException}),
 * 409 for a change that lost a race ({@link ConflictException}), 503 with {@code Retry-After} for a
 * frozen feature ({@link FeatureFrozenException}), 400 otherwise; every violation with its text in
 * the caller's language (Accept-Language, English by default).
 */
@Provider
public class RuleViolationMapper implements ExceptionMapper<RuleViolationException> {

  /** When to ask again about a feature frozen until lifted: ten minutes. */
  static final long RETRY_OPEN_FREEZE = 600;

  @Context HttpHeaders headers;

  @Override
  public Response toResponse(RuleViolationException refused) {
    Locale locale = language();
    List<Map<String, Object>> violations =
        refused.violations().stream().map(v -> describe(v, locale)).toList();
    if (refused instanceof FeatureFrozenException frozen) {
      return Response.fromResponse(
              Problem.of(
                  Response.Status.SERVICE_UNAVAILABLE,
                  (String) violations.get(0).get("message"),
                  violations))
          .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(frozen, Instant.now()))
          .build();
    }
    Response.Status status = Response.Status.BAD_REQUEST;
    if (refused instanceof NotFoundException) {
      status = Response.Status.NOT_FOUND;
    } else if (refused instanceof ConflictException) {
      status = Response.Status.CONFLICT;
    }
    return Problem.of(status, (String) violations.get(0).get("message"), violations);
  }

  /**
   * Seconds until the freeze ends as planned (at least one); without a planned end, {@value
   * #RETRY_OPEN_FREEZE} seconds: a client asks again then, and sees whether it has been lifted.
   */
  static long retryAfterSeconds(FeatureFrozenException frozen, Instant now) {
    return frozen
        .endsAt()
        .map(end -> Math.max(1, Duration.between(now, end).toSeconds() + 1))
        .orElse(RETRY_OPEN_FREEZE);
  }

  private static Map<String, Object> describe(Violation violation, Locale locale) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("field", violation.field());
    described.put("key", violation.key());
    described.put("args", violation.args());
    described.put("message", Messages.format(locale, violation.key(), violation.args().toArray()));
    return described;
  }

  private Locale language() {
    for (Locale wanted : headers.getAcceptableLanguages()) {
      if (MailDomain.LANGUAGES.contains(wanted.getLanguage())) {
        return Locale.forLanguageTag(wanted.getLanguage());
      }
    }
    return Locale.ENGLISH;
  }
}
