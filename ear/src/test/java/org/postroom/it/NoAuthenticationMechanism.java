package org.postroom.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The test WAR's own (empty) authentication mechanism. Jakarta Security installs itself in every
 * web module of the EAR once the portal's WAR has a mechanism bean, but the test WAR cannot see
 * that bean; this one answers there and leaves the Arquillian runner open, as before.
 */
@ApplicationScoped
public class NoAuthenticationMechanism implements HttpAuthenticationMechanism {

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return context.doNothing();
  }
}
