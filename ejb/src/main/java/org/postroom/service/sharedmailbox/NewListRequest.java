package org.postroom.service.sharedmailbox;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.postroom.domain.address.SendPolicy;

/**
 * What a staff member fills in to ask for a distribution list.
 *
 * @param externals addresses outside the institution, as typed or pasted (one per item)
 * @param endsOn the last day of the conference or project, or null for a list without end
 */
public record NewListRequest(
    @NotNull String domain,
    String localPart,
    String purpose,
    @NotNull List<String> ownerUsernames,
    @NotNull List<String> memberUsernames,
    @NotNull List<String> externals,
    SendPolicy sendPolicy,
    LocalDate endsOn)
    implements Serializable {

  public NewListRequest {
    ownerUsernames = ownerUsernames == null ? List.of() : List.copyOf(ownerUsernames);
    memberUsernames = memberUsernames == null ? List.of() : List.copyOf(memberUsernames);
    externals = externals == null ? List.of() : List.copyOf(externals);
  }
}
