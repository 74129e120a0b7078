package org.postroom.domain.account;

import java.util.List;

/** The security roles, as used in {@code @RolesAllowed} and stored per account. */
public final class Roles {

  public static final String USER = "user";
  public static final String STAFF = "staff";
  public static final String HELPDESK = "helpdesk";
  public static final String DOMAIN_ADMIN = "domain-admin";
  public static final String ADMIN = "admin";

  public static final List<String> ALL = List.of(USER, STAFF, HELPDESK, DOMAIN_ADMIN, ADMIN);

  /**
   * The roles an administrator grants in Postroom (the others follow the registry); an account that
   * starts leaving, closes or is kept as alumnus loses them.
   */
  public static final List<String> GRANTED = List.of(HELPDESK, DOMAIN_ADMIN, ADMIN);

  private Roles() {}
}
