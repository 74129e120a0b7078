package org.postroom.web.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.postroom.web.common.Messages;

/**
 * The login form: one message for every failure, so that it does not tell which usernames exist.
 */
@Named
@RequestScoped
public class LoginBacking {

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;

  private String username;
  private String password;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams()
                .newAuthentication(true)
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username,
                        new Password(password == null ? "" : password))));
    switch (status) {
      case SEND_CONTINUE -> faces.responseComplete();
      case SUCCESS -> {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.changeSessionId(); // no session fixation: a new id once logged in
        String next =
            PortalAuthenticationMechanism.signedIn(
                request.getSession(), securityContext.getCallerPrincipal().getName());
        faces.responseComplete();
        external.redirect(external.getRequestContextPath() + next);
      }
      default -> {
        Object until =
            ((HttpServletRequest) external.getRequest())
                .getAttribute(AccountIdentityStore.THROTTLED_UNTIL);
        if (until instanceof java.time.Instant instant) {
          long minutes =
              Math.max(
                  1,
                  (java.time.Duration.between(java.time.Instant.now(), instant).toSeconds() + 59)
                      / 60);
          Messages.error("login:password", "login.throttled", minutes);
        } else {
          Messages.error("login:password", "login.failed");
        }
      }
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
