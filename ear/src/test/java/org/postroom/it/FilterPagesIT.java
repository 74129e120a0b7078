package org.postroom.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The filter page and the trash choice in a real browser: the demo employee adds a rule (refused
 * first for a folder name the mail server cannot carry), a second one by size, moves it up,
 * switches the first off and removes it after confirming; his mailbox page counts the rules, and he
 * chooses what deleting does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FilterPagesIT {

  private static final String PASSWORD = System.getProperty("it.demo.password");
  private static final String RULES = "#list\\:rules";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.ear();
  }

  @Test
  void anEmployeeSortsHisMailWithRulesAndChoosesWhatDeletingDoes() {
    try (Browser browser = new Browser()) {
      browser.login("employee", PASSWORD);
      browser.navigate("#navFilters");
      browser.waitForText(RULES, "No rules yet");

      // a pasted value over the limit is not cut: the field counts past it, and saving is refused
      browser.type("#rule\\:value", "x".repeat(203));
      browser.waitForText("#rule\\:value_counter", "3 characters too many (at most 200)");
      browser.type("#rule\\:folder", "Lists");
      browser.click("#rule\\:save");
      browser.waitForText("#rule", "The text may have at most 200 characters.");
      browser.waitForText(RULES, "No rules yet");

      browser.type("#rule\\:value", "[debate]");
      browser.type("#rule\\:folder", "Lists.2026");
      browser.click("#rule\\:save");
      browser.waitForText("#rule", "Folder names cannot contain a dot on this mail server");
      browser.waitForText(RULES, "No rules yet");
      browser.type("#rule\\:folder", " Lists / Debates ");
      browser.click("#rule\\:save");
      browser.waitForText("#messages", "The rule is added");
      browser.waitForText(
          RULES, "When the subject contains “[debate]”: move it to Lists/Debates — then stop.");

      browser.choose("#rule\\:field", "the size");
      browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("rule:sizeKb")));
      browser.type("#rule\\:sizeKb", "5000");
      browser.click("label[for='rule:destination:2']");
      browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("rule:folder")));
      browser.click("#rule\\:markRead");
      browser.click("#rule\\:stop");
      browser.click("#rule\\:save");
      browser.waitForText(
          RULES, "When the mail is larger than 5,000 kB: move it to the trash and mark it read");
      browser.screenshot("30-filter-rules");

      browser.clickInRow(RULES, "larger than", "[id$=':up']");
      browser
          .await()
          .until(
              d -> {
                String text = d.findElement(By.cssSelector(RULES)).getText();
                return text.indexOf("larger than") >= 0
                    && text.indexOf("larger than") < text.indexOf("[debate]");
              });
      browser.clickInRow(RULES, "[debate]", "[id$=':toggle']");
      browser.waitForText("#messages", "The rule is switched off.");
      browser.clickInRow(RULES, "[debate]", "[id$=':remove']");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText("#messages", "The rule is removed.");
      browser
          .await()
          .until(d -> !d.findElement(By.cssSelector(RULES)).getText().contains("[debate]"));

      browser.navigate("#navMailbox");
      browser.waitForText("#filtersNow", "One rule, 1 switched on.");
      browser.click("label[for='trash:choice:2']");
      browser.click("#trash\\:save");
      browser.waitForText("#messages", "Saved: it applies from your next login.");
      browser.open("mailbox.xhtml");
      assertTrue(
          browser.driver().findElement(By.id("trash:choice:2")).isSelected(),
          "the choice is shown as saved");
      browser.screenshot("31-mailbox-trash");

      // leave the demo employee as found
      browser.click("label[for='trash:choice:0']");
      browser.click("#trash\\:save");
      browser.waitForText("#messages", "Saved");
      browser.navigate("#navFilters");
      browser.clickInRow(RULES, "larger than", "[id$=':remove']");
      browser.click(".ui-confirmdialog-yes");
      browser.waitForText(RULES, "No rules yet");
    }
  }
}
