package org.postroom.web.recovery;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.recovery.StateFile;
import org.postroom.service.recovery.StateTransfer;
import org.postroom.web.common.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Importing a state file on the Mail system page: what was imported, or why nothing was. The
 * importing administrator's own account is among those replaced, so the page then asks them to sign
 * in again with one of the file.
 */
@Named
@RequestScoped
public class StateFileBacking {

  @Inject StateTransfer transfer;

  private UploadedFile file;

  private boolean understood;

  public String importFile() {
    if (file == null || file.getSize() == 0) {
      Messages.error("stateFile:file", "state.import.none");
      return null;
    }
    if (!understood) {
      Messages.error("stateFile:understood", "state.import.notUnderstood");
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      StateFile.Imported imported = transfer.importFile(in);
      Messages.info("state.imported", imported.total(), imported.summary());
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    } catch (IOException unreadable) {
      Messages.error("stateFile:file", "state.import.invalid");
    }
    return null;
  }

  public boolean isUnderstood() {
    return understood;
  }

  public void setUnderstood(boolean understood) {
    this.understood = understood;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
