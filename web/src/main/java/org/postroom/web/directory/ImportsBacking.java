package org.postroom.web.directory;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.directory.ImportStatus;
import org.postroom.service.directory.RegistryCsv;
import org.postroom.service.directory.RegistryImportJobs;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;
import org.primefaces.model.file.UploadedFile;

/**
 * Registry imports for administrators: upload a registry file, follow its progress, pause, resume
 * or abandon it, and download the rejected lines.
 */
@Named
@ViewScoped
public class ImportsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS = Map.of("file", "upload:file");

  @Inject RegistryImportJobs jobs;

  private transient UploadedFile file;
  private TextSearchModel<ImportStatus> imports;

  @PostConstruct
  void init() {
    RegistryImportJobs service = jobs;
    imports =
        new TextSearchModel<>(
            text -> service.count(),
            (text, first, size) -> service.imports(first, size),
            row -> String.valueOf(row.id()));
  }

  public void upload() throws IOException {
    if (file == null || file.getSize() == 0) {
      Messages.error("upload:file", "import.file.empty");
      return;
    }
    if (file.getSize() > RegistryCsv.MAX_BYTES) {
      Messages.error("upload:file", "import.file.tooLarge", RegistryCsv.MAX_BYTES / 1_000_000);
      return;
    }
    try (InputStream in = file.getInputStream()) {
      jobs.start(file.getFileName(), in.readAllBytes());
      // post-redirect-get: a reload shows the import instead of posting the file again
      Messages.info("import.queued", file.getFileName());
      Messages.keepForRedirect();
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(external.getRequestContextPath() + "/admin/imports.xhtml");
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    }
  }

  public void pause(long id) {
    act(() -> jobs.pause(id), "import.pausing");
  }

  public void resume(long id) {
    act(() -> jobs.resume(id), "import.resumed");
  }

  public void abandon(long id) {
    act(() -> jobs.abandon(id), "import.abandoned");
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Messages.info(done);
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  /** Whether the page should keep polling: some import on this page is queued or running. */
  public boolean isAnyActive() {
    return jobs.anyActive();
  }

  public TextSearchModel<ImportStatus> getImports() {
    return imports;
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
