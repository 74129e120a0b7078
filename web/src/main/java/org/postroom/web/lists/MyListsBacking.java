package org.postroom.web.lists;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.postroom.service.address.ListOwners;
import org.postroom.service.address.OwnedList;

/** The distribution lists the signed-in person owns. */
@Named
@ViewScoped
public class MyListsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ListOwners owners;

  private List<OwnedList> lists;

  @PostConstruct
  void init() {
    lists = owners.mine();
  }

  public List<OwnedList> getLists() {
    return lists;
  }
}
