package org.postroom.domain.provisioning;

import java.io.Serializable;

/** What reconcile found on one page of mailboxes. */
public record ReconcileFindings(
    int checked,
    int inStep,
    int pending,
    int missingGrants,
    int missingScripts,
    int differingScripts,
    int strayScripts,
    int unreachable)
    implements Serializable {}
