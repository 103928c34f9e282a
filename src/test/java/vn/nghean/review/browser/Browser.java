package vn.nghean.review.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven by
 * Selenium, with a screenshot of each step kept under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final String baseUrl;
  private final String engine;
  private final WebDriverWait wait;

  public Browser(int port) {
    this(port, "default");
  }

  /**
   * A browser on the webapps of the named engine: a test context whose engine has a name of its own
   * (DemoApplicationTestBase) serves its webapps under that name, not under {@code default}.
   */
  Browser(int port, String engine) {
    if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      throw new IllegalStateException("Browser tests need Chromium: apt-get install chromium chromium-driver"
          + " (looked for " + CHROMIUM + " and " + CHROMEDRIVER + ")");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    try {
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1440,1200", "--lang=en-US",
          "--user-data-dir=" + Files.createTempDirectory("so-ket-chromium"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The browser runs in Vietnamese time, as the officers' browsers do.
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
        .withEnvironment(java.util.Map.of("TZ", "Asia/Ho_Chi_Minh")).build();
    this.driver = new ChromeDriver(service, options);
    this.baseUrl = "http://localhost:" + port;
    this.engine = engine;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  public void open(String path) {
    driver.get(baseUrl + path);
  }

  /** Opens a route of a Camunda webapp (tasklist, cockpit, admin) on this browser's engine, e.g. "#/dashboard". */
  void openApp(String app, String route) {
    open("/camunda/app/" + app + "/" + engine + "/" + route);
  }

  /**
   * Logs in to a Camunda webapp (tasklist, cockpit, admin) as the given user. The login form is a
   * plugin view that Angular may render twice; the fields are filled until they read back what was
   * typed, and a refused login fails with the page's message rather than a timeout.
   */
  void login(String app, String user, String password) {
    driver.manage().deleteAllCookies();
    openApp(app, "#/login");
    By name = By.cssSelector("input[ng-model='username']");
    By secret = By.cssSelector("input[ng-model='password']");
    wait.until(driver -> {
      try {
        WebElement nameField = driver.findElement(name);
        WebElement secretField = driver.findElement(secret);
        if (!nameField.isDisplayed() || !secretField.isDisplayed()) {
          return false;
        }
        if (!user.equals(nameField.getDomProperty("value"))) {
          nameField.clear();
          nameField.sendKeys(user);
        }
        if (!password.equals(secretField.getDomProperty("value"))) {
          secretField.clear();
          secretField.sendKeys(password);
        }
        return user.equals(driver.findElement(name).getDomProperty("value"))
            && password.equals(driver.findElement(secret).getDomProperty("value"));
      } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException e) {
        return false;
      }
    });
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    try {
      wait.until(ExpectedConditions.invisibilityOfElementLocated(secret));
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("login-failed-" + user);
      throw new AssertionError("Login of " + user + " to " + app + " did not leave the login page; it reads: "
          + pageText(), e);
    }
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    WebElement element = clickable(by);
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /** Sizes the window so that the page itself gets {@code width} by {@code height} pixels. */
  void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    Number innerWidth = (Number) script("return window.innerWidth;");
    Number innerHeight = (Number) script("return window.innerHeight;");
    driver.manage().window().setSize(new Dimension(2 * width - innerWidth.intValue(),
        2 * height - innerHeight.intValue()));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  public String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public WebDriverWait await() {
    return wait;
  }

  /** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
