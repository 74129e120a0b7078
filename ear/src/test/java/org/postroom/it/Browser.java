package org.postroom.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (named explicitly, so that Selenium
 * never downloads a browser), with a profile under target/ and screenshots for review.
 */
public final class Browser implements AutoCloseable {

  private final WebDriver driver;
  private final String baseUrl;
  private final Path screenshots;
  private final Path profile;

  public Browser() {
    profile =
        Path.of(
            System.getProperty("it.browser.profile", "target/chromium-profile")
                + "-"
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1280,1000",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    String configuredBase = System.getProperty("it.base.url");
    if (configuredBase != null && configuredBase.startsWith("https://")) {
      // the production test's server presents a self-signed certificate of the test's own making
      options.addArguments("--ignore-certificate-errors");
    }
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    // every page of the tests is watched for what its Content-Security-Policy blocked: a blocked
    // script is a broken page, so close() fails the test that saw one (recorded per tab, across
    // navigations, in the page's session storage)
    chrome.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument",
        Map.of(
            "source",
            "document.addEventListener('securitypolicyviolation', function (e) {"
                + " var seen = JSON.parse(sessionStorage.getItem('pr-csp') || '[]');"
                + " seen.push(location.pathname + ': ' + e.violatedDirective + ' blocked '"
                + " + (e.blockedURI || 'inline') + ' ' + (e.sample || ''));"
                + " sessionStorage.setItem('pr-csp', JSON.stringify(seen)); });"));
    driver = chrome;
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    baseUrl =
        configuredBase != null
            ? configuredBase
            : "http://127.0.0.1:" + System.getProperty("it.http.port", "18080") + "/";
    screenshots = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  public WebElement find(String cssSelector) {
    return await()
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
  }

  /**
   * Waits for the text in the element, finding the element anew on every try: an ajax update may
   * replace it while it is read, which Chromium reports as a stale element or as "Node with given
   * id does not belong to the document" (a plain WebDriverException).
   */
  public void waitForText(String cssSelector, String text) {
    await()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(WebDriverException.class)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
  }

  /**
   * Replaces the field's text. Widgets that keep their own value (a date picker, a spinner) ignore
   * a plain clear, so what is there is also selected and deleted as a user would; a field that an
   * ajax update replaced meanwhile is found anew and typed again, and one that is shown but not yet
   * editable (a dialog or panel still opening after a click) is waited for.
   */
  public void type(String cssSelector, String text) {
    retry(
        driver -> {
          WebElement field = find(cssSelector);
          field.clear();
          field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
          field.sendKeys(text);
          return true;
        });
  }

  /**
   * The helpdesk's account search: types the text and waits until the table shows exactly one
   * account, not the unfiltered first page still on screen, whose first link may be anyone.
   */
  public void searchOneAccount(String searchText) {
    type("#search\\:accounts\\:globalFilter", searchText);
    await()
        .until(
            ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#search\\:accounts_data a.pr-account-link"), 1));
  }

  /**
   * Clicks the button ({@code buttonCss}) in the table's row that shows {@code rowText}, trying
   * again while the row is not there yet or an ajax update replaced it.
   */
  public void clickInRow(String tableCss, String rowText, String buttonCss) {
    retry(
        driver -> {
          for (WebElement row : driver.findElements(By.cssSelector(tableCss + " tbody tr"))) {
            if (row.getText().contains(rowText)) {
              WebElement button = row.findElement(By.cssSelector(buttonCss));
              if (!button.isDisplayed() || !button.isEnabled()) {
                return false;
              }
              button.click();
              return true;
            }
          }
          return false;
        });
  }

  /**
   * Chooses an item of a PrimeFaces select menu ({@code menuCss} its element) by its label, as a
   * person does: opens the menu, waits for the item to show, clicks it; tries again until the menu
   * shows the choice.
   */
  public void choose(String menuCss, String label) {
    retry(
        driver -> {
          if (label.equals(driver.findElement(By.cssSelector(menuCss + "_label")).getText())) {
            return true;
          }
          WebElement panel = driver.findElement(By.cssSelector(menuCss + "_panel"));
          if (!panel.isDisplayed()) {
            driver.findElement(By.cssSelector(menuCss)).click();
            return false;
          }
          WebElement item =
              panel.findElement(
                  By.cssSelector("li[data-label=\"" + label.replace("\"", "\\\"") + "\"]"));
          item.click();
          return false;
        });
  }

  /**
   * Clicks, trying again when an ajax update replaced the element between finding and clicking it.
   */
  public void click(String cssSelector) {
    retry(
        driver -> {
          WebElement element =
              ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector)).apply(driver);
          if (element == null) {
            return false;
          }
          element.click();
          return true;
        });
  }

  /**
   * Follows a link of the menu ({@code linkCss}, e.g. "#navMailbox") as a person does: opens the
   * group that holds it, then clicks it.
   */
  public void navigate(String linkCss) {
    retry(
        driver -> {
          WebElement link = driver.findElement(By.cssSelector(linkCss));
          WebElement group = link.findElement(By.xpath("ancestor::details[1]"));
          if (group.getAttribute("open") == null) {
            group.findElement(By.tagName("summary")).click();
          }
          if (!link.isDisplayed()) {
            return false;
          }
          link.click();
          return true;
        });
  }

  /**
   * Shows pages as a device of this size would (a phone: {@code mobile}, its viewport honoured).
   */
  public void viewport(int width, int height, boolean mobile) {
    ((org.openqa.selenium.chromium.ChromiumDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** What a script in the page returns. */
  public Object script(String javascript, Object... args) {
    return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(javascript, args);
  }

  /** Chooses the pages' language with the picker every page has, and waits for the page in it. */
  public void chooseLanguage(String language) {
    click("#session .pr-lang[value='" + language + "']");
    // the page is replaced meanwhile: ask the page shown each time, not an element found before
    await()
        .ignoring(WebDriverException.class)
        .until(
            d ->
                language.equals(
                    script(
                        "var active = document.querySelector('#session .pr-lang-active');"
                            + " return active && active.value;")));
  }

  /** On the shared-mailbox request form: picks a member from the suggestions for the query. */
  public void chooseMember(String query, String username) {
    choosePerson("#request\\:members", query, username);
  }

  /**
   * In a people search ({@code fieldCss}, a multiple autocomplete): picks the person from the
   * suggestions for the query, and waits for their token.
   */
  public void choosePerson(String fieldCss, String query, String username) {
    type(fieldCss + "_input", query);
    click(fieldCss + "_panel li.ui-autocomplete-item[data-item-value='" + username + "']");
    find(fieldCss + " li.ui-autocomplete-token[data-token-value='" + username + "']");
  }

  public void login(String username, String password) {
    open("login.xhtml");
    submitLogin(username, password);
  }

  /** Fills in the login page the browser is on. */
  public void submitLogin(String username, String password) {
    type("#login\\:username", username);
    type("#login\\:password", password);
    click("#login\\:submit");
    find("#session\\:logout");
  }

  public void logout() {
    // a search typed just before may still have an ajax request queued; logging out under it would
    // end the session that request belongs to
    await()
        .until(
            driver ->
                (Boolean)
                    ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript(
                            "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();"));
    click("#session\\:logout");
    find("#loggedOut");
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String currentUrl() {
    return driver.getCurrentUrl();
  }

  /**
   * Waits until {@code step} returns true or a value, trying again while the element it works on is
   * not yet interactable or was replaced by an ajax update or a navigation meanwhile (Chromium
   * reports the latter as a stale element or as "Node with given id does not belong to the
   * document", a plain WebDriverException).
   */
  public <T> T retry(java.util.function.Function<WebDriver, T> step) {
    return await()
        .until(
            driver -> {
              try {
                return step.apply(driver);
              } catch (StaleElementReferenceException | ElementNotInteractableException replaced) {
                return null;
              } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                  return null;
                }
                throw e;
              }
            });
  }

  public WebDriverWait await() {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  public WebDriver driver() {
    return driver;
  }

  /** A page fetched over HTTP with this browser's session, as a script (or a download) sees it. */
  public java.net.http.HttpResponse<String> fetchWithSession(String path) throws Exception {
    return fetchWithSession(path, java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** {@link #fetchWithSession(String)} with the body as the handler makes it (bytes, a file). */
  public <T> java.net.http.HttpResponse<T> fetchWithSession(
      String path, java.net.http.HttpResponse.BodyHandler<T> body) throws Exception {
    org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("JSESSIONID");
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + path))
            .header("Cookie", "JSESSIONID=" + session.getValue())
            .GET()
            .build();
    return java.net.http.HttpClient.newHttpClient().send(request, body);
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the Content-Security-Policy blocked on Postroom's pages in this tab so far. */
  public java.util.List<String> blockedByContentSecurityPolicy() {
    if (!driver.getCurrentUrl().startsWith(baseUrl)) {
      return java.util.List.of();
    }
    Object seen = script("return JSON.parse(sessionStorage.getItem('pr-csp') || '[]');");
    return ((java.util.List<?>) seen).stream().map(String::valueOf).toList();
  }

  @Override
  public void close() {
    java.util.List<String> blocked;
    try {
      blocked = blockedByContentSecurityPolicy();
    } catch (WebDriverException gone) {
      blocked = java.util.List.of();
    } finally {
      driver.quit();
      deleteProfile();
    }
    if (!blocked.isEmpty()) {
      throw new AssertionError("The Content-Security-Policy blocked: " + blocked);
    }
  }

  /** The profile folder goes with its browser: a run of the suite would leave dozens behind. */
  private void deleteProfile() {
    try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover folder under target/ harms nothing
    }
  }
}
