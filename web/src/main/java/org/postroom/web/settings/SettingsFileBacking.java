package org.postroom.web.settings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.settings.SettingsFile;
import org.postroom.service.settings.SettingsTransfer;
import org.postroom.web.common.Messages;
import org.primefaces.model.file.UploadedFile;

/**
 * Restoring settings from a file a person downloaded before: their own, or an account's by the
 * helpdesk. Says what changed, or that nothing had to; a refused file changes nothing and shows
 * every reason.
 */
@Named
@RequestScoped
public class SettingsFileBacking {

  @Inject SettingsTransfer transfer;

  private UploadedFile file;

  /**
   * Restores the caller's settings ({@code username} empty), back on their mailbox page; or, for
   * the helpdesk, an account's, back on the account's page. Both pages then show what is set.
   */
  public String restore(String username) {
    if (username == null || username.isBlank()) {
      return apply(null) ? "/mailbox?faces-redirect=true" : null;
    }
    return apply(username)
        ? "/helpdesk/account?faces-redirect=true&username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
        : null;
  }

  private boolean apply(String username) {
    SettingsFile settings = read();
    if (settings == null) {
      Messages.error("settingsFile:file", "settings.file.invalid");
      return false;
    }
    try {
      List<SettingsTransfer.Part> changed =
          username == null
              ? transfer.restoreOwn(settings)
              : transfer.restoreFor(username, settings);
      if (changed.isEmpty()) {
        Messages.info("settings.restore.nothing");
      } else {
        Messages.info(
            "settings.restore.done",
            changed.stream()
                .map(p -> Messages.text("settings.part." + p.name()))
                .collect(Collectors.joining(", ")));
      }
      Messages.keepForRedirect();
      return true;
    } catch (RuleViolationException refused) {
      Messages.error(null, "settings.restore.refused");
      Messages.show(refused, Map.of());
      return false;
    }
  }

  private SettingsFile read() {
    if (file == null || file.getSize() == 0 || file.getSize() > SettingsJson.MAX_BYTES) {
      return null;
    }
    try (InputStream in = file.getInputStream()) {
      return SettingsJson.read(in.readNBytes(SettingsJson.MAX_BYTES + 1)).orElse(null);
    } catch (IOException unreadable) {
      return null;
    }
  }

  public UploadedFile getFile() {
    return file;
  }

  public void setFile(UploadedFile file) {
    this.file = file;
  }
}
