package org.postroom.service.provisioning;

/** A provisioning change was written; once its transaction commits, the worker is woken. */
public record ProvisioningQueued(long changeId) {}
