package org.postroom.web.client;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.postroom.service.client.OwnClientSetup;
import org.postroom.service.client.OwnClientSetup.MySetup;

/** The "set up your mail program" page: the person's own settings, printable. */
@Named
@ViewScoped
public class SetupBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject OwnClientSetup clients;

  private MySetup setup;

  @PostConstruct
  void init() {
    setup = clients.mine().orElse(null);
  }

  public MySetup getSetup() {
    return setup;
  }
}
