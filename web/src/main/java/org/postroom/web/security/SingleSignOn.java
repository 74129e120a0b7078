package org.postroom.web.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.util.Optional;
import org.postroom.service.common.Settings;
import org.postroom.web.common.BaseUrl;

/**
 * Sign-in with the institution's identity provider: OpenID Connect's authorization code flow, with
 * PKCE, a state bound to the browser's session and a nonce bound to the ID token, whose signature
 * (the provider's published keys), issuer, audience and lifetime are checked before a single claim
 * of it is believed. Configured per deployment: {@code POSTROOM_OIDC_ISSUER}, {@code
 * POSTROOM_OIDC_CLIENT_ID}, {@code POSTROOM_OIDC_CLIENT_SECRET} (environment), optionally {@code
 * POSTROOM_OIDC_CLAIM} (default {@code preferred_username}), {@code POSTROOM_OIDC_MATCH} ({@code
 * username} or {@code registry-id}) and {@code POSTROOM_OIDC_NAME} (the institution's name on the
 * login page). The provider's discovery document is read at the first sign-in, not at start, so
 * that Postroom starts while the provider is away.
 */
@Named
@ApplicationScoped
public class SingleSignOn {

  /** The address the provider sends the browser back to, under the application. */
  public static final String RETURN_PATH = "/session/sso/return";

  /** Session attribute: the sign-in under way ({@link Pending}). */
  static final String PENDING = "org.postroom.sso.pending";

  /**
   * Session attribute: the ID token of who signed in with the provider, to end that session too.
   */
  public static final String ID_TOKEN = "org.postroom.sso.idToken";

  private static final int TIMEOUT_MS = 5000;

  /** What the session keeps between leaving for the provider and coming back. */
  record Pending(String state, String nonce, String verifier) implements Serializable {}

  /** What the provider vouched for: the configured claim, and the token to end its session. */
  public record Vouched(String claim, String idToken) {}

  /** The provider refused, the person cancelled, or the answer was not to be trusted. */
  public static class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean unreachable;

    Failed(String message, Throwable cause) {
      this(message, cause, false);
    }

    Failed(String message, Throwable cause, boolean unreachable) {
      super(message, cause);
      this.unreachable = unreachable;
    }

    /** The provider could not be reached at all (rather than refusing or being refused). */
    public boolean isUnreachable() {
      return unreachable;
    }
  }

  private volatile Provider provider;

  /** Whether this deployment offers sign-in with an identity provider. */
  public boolean isOffered() {
    return Settings.get("postroom.oidc.issuer").isPresent()
        && Settings.get("postroom.oidc.client.id").isPresent();
  }

  /** The institution's name as the login page shows it. */
  public String getName() {
    return Settings.get("postroom.oidc.name").orElse("");
  }

  /** Whether the claim names the registry id of the person rather than the username. */
  public boolean matchesRegistryId() {
    return "registry-id".equalsIgnoreCase(Settings.get("postroom.oidc.match").orElse("username"));
  }

  /**
   * Where to send the browser to sign in; what is needed to check the answer stays in its session.
   */
  public URI start(HttpServletRequest request) throws Failed {
    Provider p = provider();
    State state = new State();
    Nonce nonce = new Nonce();
    CodeVerifier verifier = new CodeVerifier();
    request
        .getSession()
        .setAttribute(
            PENDING, new Pending(state.getValue(), nonce.getValue(), verifier.getValue()));
    return new AuthenticationRequest.Builder(
            ResponseType.CODE, new Scope("openid", "profile"), p.clientId, returnUri(request))
        .endpointURI(p.metadata.getAuthorizationEndpointURI())
        .state(state)
        .nonce(nonce)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * The provider's answer, the browser back at {@link #RETURN_PATH}: the code is exchanged for
   * tokens over the back channel and the ID token checked. A sign-in is answered once only.
   */
  public Vouched finish(HttpServletRequest request) throws Failed {
    HttpSession session = request.getSession(false);
    Object stored = session == null ? null : session.getAttribute(PENDING);
    if (!(stored instanceof Pending pending)) {
      throw new Failed("no sign-in under way in this browser session", null);
    }
    session.removeAttribute(PENDING);
    try {
      Provider p = provider();
      String query = request.getQueryString();
      AuthorizationResponse answer =
          AuthorizationResponse.parse(
              URI.create(
                  returnUri(request) + (query == null || query.isEmpty() ? "" : "?" + query)));
      if (!new State(pending.state()).equals(answer.getState())) {
        throw new Failed("the answer's state is not this session's", null);
      }
      if (!answer.indicatesSuccess()) {
        throw new Failed(
            "the provider answered " + answer.toErrorResponse().getErrorObject().getCode(), null);
      }
      AuthorizationCode code = answer.toSuccessResponse().getAuthorizationCode();
      HTTPRequest exchange =
          new TokenRequest(
                  p.metadata.getTokenEndpointURI(),
                  new ClientSecretBasic(p.clientId, p.secret),
                  new AuthorizationCodeGrant(
                      code, returnUri(request), new CodeVerifier(pending.verifier())))
              .toHTTPRequest();
      exchange.setConnectTimeout(TIMEOUT_MS);
      exchange.setReadTimeout(TIMEOUT_MS);
      TokenResponse tokens = OIDCTokenResponseParser.parse(exchange.send());
      if (!tokens.indicatesSuccess()) {
        throw new Failed(
            "the token endpoint answered " + tokens.toErrorResponse().getErrorObject().getCode(),
            null);
      }
      OIDCTokens oidc = (OIDCTokens) tokens.toSuccessResponse().getTokens();
      JWT idToken = oidc.getIDToken();
      IDTokenClaimsSet claims = p.validator.validate(idToken, new Nonce(pending.nonce()));
      Object claim = claims.getClaim(claimName());
      return new Vouched(claim == null ? null : claim.toString(), idToken.serialize());
    } catch (Failed failed) {
      throw failed;
    } catch (Exception e) {
      throw new Failed("the sign-in could not be completed: " + e, e);
    }
  }

  /**
   * Where to send the browser after Postroom's session ended, so that the provider's ends too
   * (RP-initiated logout): empty when the session was not one of the provider's.
   */
  public Optional<URI> endSession(Object idToken, URI afterwards) {
    if (!(idToken instanceof String token) || !isOffered()) {
      return Optional.empty();
    }
    try {
      URI endpoint = provider().metadata.getEndSessionEndpointURI();
      return endpoint == null
          ? Optional.empty()
          : Optional.of(
              new LogoutRequest(endpoint, JWTParser.parse(token), afterwards, null).toURI());
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  private String claimName() {
    return Settings.get("postroom.oidc.claim").orElse("preferred_username");
  }

  private static URI returnUri(HttpServletRequest request) {
    return URI.create(BaseUrl.of(request) + RETURN_PATH);
  }

  /** The provider as its discovery document describes it, read once it is first needed. */
  private Provider provider() throws Failed {
    Provider p = provider;
    if (p == null) {
      try {
        Issuer issuer = new Issuer(Settings.get("postroom.oidc.issuer").orElseThrow());
        OIDCProviderMetadata metadata =
            OIDCProviderMetadata.resolve(issuer, TIMEOUT_MS, TIMEOUT_MS);
        ClientID clientId = new ClientID(Settings.get("postroom.oidc.client.id").orElseThrow());
        JWSAlgorithm algorithm =
            metadata.getIDTokenJWSAlgs() == null
                    || metadata.getIDTokenJWSAlgs().contains(JWSAlgorithm.RS256)
                ? JWSAlgorithm.RS256
                : metadata.getIDTokenJWSAlgs().get(0);
        IDTokenValidator validator =
            new IDTokenValidator(
                metadata.getIssuer(),
                clientId,
                algorithm,
                metadata.getJWKSetURI().toURL(),
                new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS));
        p =
            new Provider(
                metadata,
                clientId,
                new Secret(Settings.get("postroom.oidc.client.secret").orElse("")),
                validator);
        provider = p;
      } catch (Exception e) {
        throw new Failed("the identity provider cannot be reached: " + e, e, true);
      }
    }
    return p;
  }

  private record Provider(
      OIDCProviderMetadata metadata,
      ClientID clientId,
      Secret secret,
      IDTokenValidator validator) {}
}
