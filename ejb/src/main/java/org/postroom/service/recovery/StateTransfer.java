package org.postroom.service.recovery;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.postroom.domain.account.Roles;
import org.postroom.domain.audit.AuditAction;
import org.postroom.domain.audit.AuditSubject;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.audit.AuditLog;

/**
 * Disaster recovery of Postroom's own state, for administrators: the whole desired mail state as
 * one gzipped file ({@link StateFile}), and that file imported into a Postroom that serves no
 * domain yet. Both are audited. The file holds password hashes: it is a secret, kept like a
 * database backup.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class StateTransfer {

  private static final Logger LOG = Logger.getLogger(StateTransfer.class.getName());

  @Resource(lookup = "java:jboss/datasources/PostroomDS")
  DataSource data;

  @Resource SessionContext context;
  @Inject AuditLog audit;

  /**
   * Writes the state, gzipped, as one consistent snapshot: its own read-only transaction at
   * repeatable read, so that a change made while it runs is in the file whole or not at all. The
   * export is audited first, in a transaction of its own.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void export(OutputStream out) throws IOException {
    Instant now = Instant.now();
    context.getBusinessObject(StateTransfer.class).recordExport(now);
    try (Connection db = data.getConnection()) {
      db.setAutoCommit(false);
      db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      db.setReadOnly(true);
      try {
        GZIPOutputStream zipped = new GZIPOutputStream(out);
        StateFile.export(db, zipped, now);
        zipped.finish();
      } finally {
        db.rollback();
        db.setReadOnly(false);
        db.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("exporting the state: " + e.getMessage(), e);
    }
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void recordExport(Instant now) {
    audit.record(
        now,
        context.getCallerPrincipal().getName(),
        AuditAction.STATE_EXPORTED,
        AuditSubject.STATE,
        0,
        null);
  }

  /**
   * Replaces this Postroom's state with the file's (gzipped or not), all or nothing; refused with
   * the reason when the file is no state file, is of another schema version, or this Postroom
   * already serves a domain. Afterwards a reconcile puts the state on the mail servers.
   */
  public StateFile.Imported importFile(InputStream file) {
    Instant now = Instant.now();
    String admin = context.getCallerPrincipal().getName();
    StateFile.Imported imported;
    try (Connection db = data.getConnection()) {
      imported = StateFile.importInto(db, unzipped(file));
    } catch (SQLException e) {
      context.setRollbackOnly();
      LOG.warning("State import refused by the database: " + e.getMessage());
      throw RuleViolationException.of("state.import.database", String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw RuleViolationException.of("state.import.invalid");
    }
    String detail = imported.summary();
    audit.record(now, admin, AuditAction.STATE_IMPORTED, AuditSubject.STATE, 0, detail);
    LOG.info("State imported by " + admin + ": " + detail);
    return imported;
  }

  private static InputStream unzipped(InputStream file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(file);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    if (first == 0x1f && second == 0x8b) {
      return new GZIPInputStream(in);
    }
    return in;
  }
}
