package org.postroom.service.incident;

import java.io.Serializable;
import org.postroom.domain.maildomain.ForwardPolicy;
import org.postroom.service.client.ClientSetup;

/**
 * The facts a domain's public guide states, from the same data as its policies and its mail
 * programs' autoconfiguration: nothing that names a person.
 *
 * @param setup the domain's first mail server as mail programs are told it; null when none is
 *     described yet
 * @param alumniDomain where its people may keep an alumni address; null when it offers none
 */
public record DomainGuide(
    String domain,
    String defaultLanguage,
    ClientSetup setup,
    long maxMessageBytes,
    long studentQuotaBytes,
    long staffQuotaBytes,
    int quotaWarningPercent,
    ForwardPolicy forwardPolicy,
    boolean sharedRequests,
    String alumniDomain)
    implements Serializable {}
