package org.postroom.web.filter;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postroom.domain.common.RuleViolationException;
import org.postroom.domain.sieve.FilterDestination;
import org.postroom.domain.sieve.FilterField;
import org.postroom.domain.sieve.FilterMatch;
import org.postroom.domain.sieve.FilterRule;
import org.postroom.domain.sieve.FilterSpec;
import org.postroom.service.filter.FilterRuleRow;
import org.postroom.service.filter.FilterService;
import org.postroom.service.mailbox.MailboxOverview;
import org.postroom.service.mailbox.MyMailboxService;
import org.postroom.service.mailbox.ScriptDelivery;
import org.postroom.web.common.Messages;

/**
 * The filter page: the person's rules in order, each movable, switchable and removable, and one
 * form that adds a rule or changes the one being edited. A refused rule shows its messages at the
 * fields and changes nothing.
 */
@Named
@ViewScoped
public class FilterBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final Map<String, String> FIELDS =
      Map.of(
          "field", "rule:field",
          "headerName", "rule:headerName",
          "value", "rule:value",
          "sizeKb", "rule:sizeKb",
          "folder", "rule:folder",
          "forwardTo", "rule:forwardTo");

  @Inject FilterService filters;
  @Inject MyMailboxService mailboxes;

  private boolean hasMailbox;
  private List<FilterRuleRow> rules = List.of();
  private ScriptDelivery delivery;

  private Long editing;
  private FilterField field = FilterField.SUBJECT;
  private String headerName;
  private FilterMatch match = FilterMatch.CONTAINS;
  private String value;
  private Long sizeKb;
  private FilterDestination destination = FilterDestination.FOLDER;
  private String folder;
  private boolean markRead;
  private String forwardTo;
  private boolean stop = true;

  @PostConstruct
  void init() {
    MailboxOverview overview = mailboxes.overview().orElse(null);
    hasMailbox = overview != null;
    load();
  }

  private void load() {
    rules = hasMailbox ? filters.list() : List.of();
    delivery = hasMailbox ? filters.delivery() : null;
  }

  /** Where the latest change of the rules (or the vacation reply) stands on the mail server. */
  public ScriptDelivery getDelivery() {
    return delivery;
  }

  public void save() {
    FilterSpec spec =
        new FilterSpec(
            field,
            headerName,
            match,
            value,
            sizeKb,
            destination,
            folder,
            markRead,
            forwardTo,
            stop);
    try {
      if (editing == null) {
        filters.add(spec);
        Messages.info("filter.added");
      } else {
        filters.change(editing, spec);
        Messages.info("filter.changed");
      }
      clear();
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    } finally {
      load();
    }
  }

  /** Fills the form with a rule to change it. */
  public void edit(FilterRuleRow row) {
    FilterSpec spec = row.spec();
    editing = row.id();
    field = spec.field();
    headerName = spec.headerName();
    match = spec.match() == null ? FilterMatch.CONTAINS : spec.match();
    value = spec.value();
    sizeKb = spec.sizeKb();
    destination = spec.destination();
    folder = spec.folder();
    markRead = spec.markRead();
    forwardTo = spec.forwardTo();
    stop = spec.stop();
  }

  /** Empties the form for a new rule. */
  public void clear() {
    editing = null;
    field = FilterField.SUBJECT;
    headerName = null;
    match = FilterMatch.CONTAINS;
    value = null;
    sizeKb = null;
    destination = FilterDestination.FOLDER;
    folder = null;
    markRead = false;
    forwardTo = null;
    stop = true;
  }

  public void toggle(FilterRuleRow row) {
    act(() -> filters.enable(row.id(), !row.enabled()), row.enabled() ? "filter.off" : "filter.on");
  }

  public void up(FilterRuleRow row) {
    act(() -> filters.move(row.id(), true), null);
  }

  public void down(FilterRuleRow row) {
    act(() -> filters.move(row.id(), false), null);
  }

  public void remove(FilterRuleRow row) {
    act(() -> filters.remove(row.id()), "filter.removed");
    if (row.id() == (editing == null ? -1 : editing)) {
      clear();
    }
  }

  private void act(Runnable change, String doneKey) {
    try {
      change.run();
      if (doneKey != null) {
        Messages.info(doneKey);
      }
    } catch (RuleViolationException refused) {
      Messages.show(refused, FIELDS);
    } finally {
      load();
    }
  }

  /** A rule as one sentence in the page's language. */
  public String describe(FilterRuleRow row) {
    FilterSpec spec = row.spec();
    String condition =
        switch (spec.field()) {
          case SIZE_OVER -> Messages.text("filter.says.size", spec.sizeKb());
          case HEADER ->
              Messages.text(
                  "filter.says.header." + spec.match().name().toLowerCase(Locale.ROOT),
                  spec.headerName(),
                  spec.value());
          default ->
              Messages.text(
                  "filter.says."
                      + spec.field().name().toLowerCase(Locale.ROOT)
                      + "."
                      + spec.match().name().toLowerCase(Locale.ROOT),
                  spec.value());
        };
    StringBuilder said = new StringBuilder(condition);
    if (spec.forwardTo() != null) {
      said.append(' ').append(Messages.text("filter.says.forward", spec.forwardTo()));
    }
    said.append(' ')
        .append(
            switch (spec.destination()) {
              case FOLDER -> Messages.text("filter.says.folder", spec.folder());
              case TRASH -> Messages.text("filter.says.trash");
              case INBOX -> Messages.text("filter.says.inbox");
            });
    if (spec.markRead()) {
      said.append(' ').append(Messages.text("filter.says.read"));
    }
    if (spec.stop()) {
      said.append(' ').append(Messages.text("filter.says.stop"));
    }
    return said.toString();
  }

  public FilterField[] getFields() {
    return FilterField.values();
  }

  public FilterMatch[] getMatches() {
    return FilterMatch.values();
  }

  public FilterDestination[] getDestinations() {
    return FilterDestination.values();
  }

  public int getMaxRules() {
    return FilterRule.MAX_PER_MAILBOX;
  }

  public int getValueMax() {
    return FilterSpec.VALUE_MAX;
  }

  public int getFolderMax() {
    return FilterSpec.FOLDER_MAX;
  }

  public boolean isHasMailbox() {
    return hasMailbox;
  }

  public List<FilterRuleRow> getRules() {
    return rules;
  }

  public Long getEditing() {
    return editing;
  }

  public FilterField getField() {
    return field;
  }

  public void setField(FilterField field) {
    this.field = field;
  }

  public String getHeaderName() {
    return headerName;
  }

  public void setHeaderName(String headerName) {
    this.headerName = headerName;
  }

  public FilterMatch getMatch() {
    return match;
  }

  public void setMatch(FilterMatch match) {
    this.match = match;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Long getSizeKb() {
    return sizeKb;
  }

  public void setSizeKb(Long sizeKb) {
    this.sizeKb = sizeKb;
  }

  public FilterDestination getDestination() {
    return destination;
  }

  public void setDestination(FilterDestination destination) {
    this.destination = destination;
  }

  public String getFolder() {
    return folder;
  }

  public void setFolder(String folder) {
    this.folder = folder;
  }

  public boolean isMarkRead() {
    return markRead;
  }

  public void setMarkRead(boolean markRead) {
    this.markRead = markRead;
  }

  public String getForwardTo() {
    return forwardTo;
  }

  public void setForwardTo(String forwardTo) {
    this.forwardTo = forwardTo;
  }

  public boolean isStop() {
    return stop;
  }

  public void setStop(boolean stop) {
    this.stop = stop;
  }
}
