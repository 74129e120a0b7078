package org.postroom.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.service.account.AddressChoice;
import org.postroom.service.account.AddressChoiceService;
import org.postroom.web.common.Messages;

/** Choosing one's own address, where the domain lets its people choose. */
@Named
@ViewScoped
public class AddressChoiceBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS = Map.of("localPart", "address:localPart");

  @Inject AddressChoiceService addresses;

  private AddressChoice choice;
  private String localPart;

  @PostConstruct
  void init() {
    choice = addresses.choice();
  }

  public void choose() {
    try {
      String address = addresses.choose(localPart);
      choice = addresses.choice();
      Messages.info("address.chosen", address);
    } catch (RuleViolationException refused) {
      choice = addresses.choice();
      Messages.show(refused, FIELDS);
    }
  }

  public AddressChoice getChoice() {
    return choice;
  }

  public String getLocalPart() {
    return localPart;
  }

  public void setLocalPart(String localPart) {
    this.localPart = localPart;
  }
}
