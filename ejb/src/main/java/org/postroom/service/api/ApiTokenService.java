package org.postroom.service.api;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.postroom.domain.account.Roles;
import org.postroom.domain.api.ApiScope;
import org.postroom.domain.api.ApiToken;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.NotFoundException;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.common.Secrets;
import org.postroom.domain.common.Violation;
import org.postroom.service.audit.AuditLog;

/**
 * The keys of the systems that call /api. Administrators make them (shown once), see them with
 * their last use, and revoke them; every call with one is counted on it and logged with its name. A
 * person's password and a browser session never open /api: a token is the only way in.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApiTokenService {

  public static final AuditSubject SUBJECT = AuditSubject.API_TOKEN;

  /** The longest a token may live: a forgotten key should not open the API for ever. */
  public static final int MAX_YEARS = 2;

  /** The most tokens the page lists, newest first: an institution has a handful. */
  public static final int LIST_MAX = 500;

  private static final Logger LOG = Logger.getLogger(ApiTokenService.class.getName());

  @PersistenceContext(unitName = "postroom")
  EntityManager em;

  @Resource SessionContext context;
  @Inject AuditLog audit;
  @Inject TokenUsage usage;

  /** A token just made, with its secret: shown to the administrator once, then gone. */
  public record Issued(ApiTokenRow token, String secret) {}

  /**
   * The tokens, with the calls this node has counted so far written first (other nodes' lag ≤ 10
   * s).
   */
  public List<ApiTokenRow> list() {
    usage.write();
    Instant now = Instant.now();
    return em.createQuery(
            "select t from ApiToken t order by t.createdAt desc, t.id desc", ApiToken.class)
        .setMaxResults(LIST_MAX)
        .getResultStream()
        .map(t -> ApiTokenRow.of(t, now))
        .toList();
  }

  /**
   * Makes a token: a name not in use (at most {@value ApiToken#NAME_MAX} characters, no control
   * characters), a scope, and a last day of validity within {@value #MAX_YEARS} years.
   */
  public Issued create(String name, ApiScope scope, LocalDate lastDay) {
    String clean = name == null ? "" : name.strip();
    Instant now = Instant.now();
    LocalDate today = LocalDate.now(ZoneId.systemDefault());
    List<Violation> problems = new java.util.ArrayList<>();
    if (clean.isEmpty()) {
      problems.add(Violation.of("name", "apiTokens.name.required"));
    } else if (clean.length() > ApiToken.NAME_MAX
        || clean.chars().anyMatch(c -> Character.isISOControl(c))) {
      problems.add(Violation.of("name", "apiTokens.name.invalid", ApiToken.NAME_MAX));
    } else if (byName(clean).isPresent()) {
      problems.add(Violation.of("name", "apiTokens.name.taken", clean));
    }
    if (scope == null) {
      problems.add(Violation.of("scope", "apiTokens.scope.required"));
    }
    if (lastDay == null || lastDay.isBefore(today) || lastDay.isAfter(today.plusYears(MAX_YEARS))) {
      problems.add(Violation.of("expires", "apiTokens.expires.invalid", MAX_YEARS));
    }
    if (!problems.isEmpty()) {
      throw new RuleViolationException(problems);
    }
    Instant expires = lastDay.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
    ApiToken.Issued issued = ApiToken.issue(clean, scope, expires, caller(), now);
    em.persist(issued.token());
    em.flush();
    audit.record(
        now,
        caller(),
        AuditAction.API_TOKEN_CREATED,
        SUBJECT,
        issued.token().getId(),
        clean + " (" + scope + ", until " + lastDay + ")");
    LOG.info(() -> "API token " + clean + " (" + scope + ") created by " + caller());
    return new Issued(ApiTokenRow.of(issued.token(), now), issued.secret());
  }

  /** Revokes a token at once: its next call is refused, on every node. */
  public ApiTokenRow revoke(long id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null) {
      throw new NotFoundException("apiTokens.notFound");
    }
    Instant now = Instant.now();
    if (token.revoke(caller(), now)) {
      audit.record(now, caller(), AuditAction.API_TOKEN_REVOKED, SUBJECT, id, token.getName());
      LOG.info(() -> "API token " + token.getName() + " revoked by " + caller());
    }
    return ApiTokenRow.of(token, now);
  }

  /**
   * The caller a secret stands for, if it is a valid token (not revoked, not expired), with whether
   * its scope covers the path under /api; the call is counted on the token ({@link TokenUsage}), so
   * that checking a token only reads.
   */
  @PermitAll
  public Optional<ApiCaller> caller(String secret, String apiPath) {
    if (secret == null || secret.isBlank() || secret.length() > 200) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    Optional<ApiToken> token =
        em.createQuery("select t from ApiToken t where t.secretSha256 = :hash", ApiToken.class)
            .setParameter("hash", Secrets.sha256(secret.strip()))
            .getResultStream()
            .findFirst()
            .filter(t -> t.isValidAt(now));
    token.ifPresent(t -> usage.used(t.getId(), now));
    return token.map(t -> new ApiCaller(t.getName(), t.getScope().covers(apiPath)));
  }

  private Optional<ApiToken> byName(String name) {
    return em.createQuery("select t from ApiToken t where lower(t.name) = :name", ApiToken.class)
        .setParameter("name", name.toLowerCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  private String caller() {
    return context.getCallerPrincipal().getName();
  }
}
