package org.postroom.web.help;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.help.HelpRequestRow;
import org.postroom.service.help.PasswordHelpService;
import org.postroom.web.common.BaseUrl;
import org.postroom.web.common.Messages;
import org.postroom.web.common.TextSearchModel;

/** The helpdesk's open help requests: send a reset link, or close. */
@Named
@ViewScoped
public class HelpQueueBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PasswordHelpService help;

  private TextSearchModel<HelpRequestRow> requests;

  @PostConstruct
  void init() {
    PasswordHelpService service = help;
    requests =
        new TextSearchModel<>(
            text -> service.countOpen(),
            (text, first, size) -> service.open(first, size),
            row -> String.valueOf(row.id()));
  }

  public void sendLink(HelpRequestRow row) {
    try {
      help.sendResetLink(row.id(), row.version(), resetPage());
      Messages.info("help.linkSent", row.recoveryAddress());
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  public void close(HelpRequestRow row) {
    try {
      help.close(row.id(), row.version());
      Messages.info("help.closed");
    } catch (RuleViolationException refused) {
      Messages.show(refused, Map.of());
    }
  }

  /**
   * The reset page's address: {@code POSTROOM_BASE_URL} when set (behind a proxy), else as the
   * helpdesk reached Postroom.
   */
  private static String resetPage() {
    return BaseUrl.of(
            (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest())
        + "/password/reset.xhtml";
  }

  public TextSearchModel<HelpRequestRow> getRequests() {
    return requests;
  }
}
