package org.postroom.web.sharedmailbox;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.postroom.domain.maildomain.SharedMailboxPolicy;
import org.postroom.service.sharedmailbox.OpenDomain;
import org.postroom.service.sharedmailbox.SharedMailboxRequestService;
import org.postroom.web.common.Messages;

/**
 * What the forms that ask for a new address share: the domains open for requests (with their rules,
 * for the hints), the chosen domain, the wanted local part and the purpose; and where a filed
 * request leads.
 */
public abstract class NewAddressForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<OpenDomain> domains;
  private String domain;
  private String localPart;
  private String purpose;

  /** Reads the domains the caller may ask in; the first is chosen. */
  protected void loadDomains(SharedMailboxRequestService requests) {
    domains = requests.domainsOpenForRequests();
    if (!domains.isEmpty()) {
      domain = domains.get(0).name();
    }
  }

  /** The request is filed: its page shows it, with the confirmation. */
  public static void filed(long id) throws IOException {
    Messages.info("request.submitted");
    Messages.keepForRedirect();
    FacesContext faces = FacesContext.getCurrentInstance();
    faces
        .getExternalContext()
        .redirect(
            faces.getExternalContext().getRequestContextPath() + "/requests/view.xhtml?id=" + id);
  }

  public SharedMailboxPolicy getPolicy() {
    return domains.stream()
        .filter(d -> d.name().equals(domain))
        .findFirst()
        .map(OpenDomain::policy)
        .orElse(null);
  }

  public List<OpenDomain> getDomains() {
    return domains;
  }

  public String getDomain() {
    return domain;
  }

  public void setDomain(String domain) {
    this.domain = domain;
  }

  public String getLocalPart() {
    return localPart;
  }

  public void setLocalPart(String localPart) {
    this.localPart = localPart;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }
}
