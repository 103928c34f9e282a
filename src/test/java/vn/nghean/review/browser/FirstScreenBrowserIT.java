package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.nghean.review.identity.TaskFilters;
import vn.nghean.review.support.AppNode;

/**
 * The first minutes of a newcomer on a fresh start of the demo (the packaged application, as the
 * README starts it, with its demo data): each officer lands on their work with its due date written
 * dd/mm/yyyy, PV01 on the reports waiting for evaluation, nobody sees the vendor's banner, and the
 * half-written report reads like a report. Screenshots in {@code target/screenshots/first-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirstScreenBrowserIT {

  static final Path DATA = Path.of("target", "first-screen");
  static final String PASSWORD = "demo";
  static final String DAY = "\\d{2}/\\d{2}/\\d{4}";

  AppNode demo;
  Browser browser;

  @BeforeAll
  void freshDemo() throws Exception {
    AppNode.deleteTree(DATA);
    demo = AppNode.start("first-screen", List.of(
        "--spring.datasource.url=jdbc:h2:file:./" + DATA.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE"));
  }

  @AfterAll
  void stopDemo() throws Exception {
    demo.close();
  }

  @BeforeEach
  void openBrowser() {
    browser = new Browser(demo.port);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  /** The first filter Tasklist opens after the login, and the task cards it lists. */
  void assertFirstScreen(String user, String filter, String taskName, String unitName) {
    browser.login("tasklist", user, PASSWORD);
    WebElement active = browser.visible(By.cssSelector(".task-filter.active"));
    assertThat(active.getText()).as("the filter %s lands on", user).contains(filter);
    By card = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + unitName + "')]]"
        + "[.//a[normalize-space()='" + taskName + "']]");
    WebElement task = browser.visible(card);
    assertThat(task.findElement(By.cssSelector(".due-date")).getText()).as("the due date on the card of %s", user)
        .containsPattern(DAY);
    assertNoVendorBanner();
  }

  void assertNoVendorBanner() {
    String text = browser.pageText();
    assertThat(text).doesNotContain("Camunda 8").doesNotContain("hướng dẫn chuyển đổi");
    assertThat(browser.visible(By.cssSelector(".ce-eol-banner")).getText())
        .isEqualTo("Sơ kết 02 năm xây dựng đơn vị điển hình");
  }

  @Test
  void aUnitOfficerShouldLandOnTheTaskOfTheirUnitWithItsDueDate() {
    assertFirstScreen("vinhofficer", TaskFilters.TO_DO, "Chọn hình thức sơ kết", "UBND thành phố Vinh");
    browser.screenshot("first-can-bo-vinh");
  }

  @Test
  void aUnitLeaderShouldLandOnTheReportWaitingForTheirApproval() {
    assertFirstScreen("thaihoalead", TaskFilters.TO_DO, "Lãnh đạo đơn vị phê duyệt", "UBND thị xã Thái Hòa");
    browser.screenshot("first-lanh-dao-thai-hoa");
  }

  @Test
  void pv01ShouldLandOnTheReportsWaitingForEvaluation() {
    assertFirstScreen("pv01officer", TaskFilters.AWAITING_EVALUATION, "Thẩm định báo cáo", "UBND thị xã Hoàng Mai");
    browser.screenshot("first-pv01");
  }

  @Test
  void theDraftingUnitShouldFindItsReportHalfWritten() {
    assertFirstScreen("dienchauofficer", TaskFilters.TO_DO, "Xây dựng báo cáo sơ kết", "UBND huyện Diễn Châu");
    browser.click(By.xpath("//li[contains(@class,'task')]//a[normalize-space()='Xây dựng báo cáo sơ kết']"));
    browser.waitForText(By.cssSelector("[cam-tasklist-task]"), "Xây dựng báo cáo sơ kết");
    WebElement leadership = browser.visible(By.id("section-LEADERSHIP"));
    browser.await().until(driver -> !leadership.getAttribute("value").isBlank());
    assertThat(leadership.getAttribute("value")).contains("UBND huyện Diễn Châu đã ban hành kế hoạch");
    assertThat(browser.visible(By.id("section-DIRECTIONS")).getAttribute("value")).isEmpty();
    browser.screenshot("first-can-bo-dien-chau-bao-cao");
  }

  @Test
  void aManagerShouldSeeTheCampaignWithoutTheVendorBanner() {
    browser.login("cockpit", "manager", PASSWORD);
    browser.waitForText(By.cssSelector(".so-ket-campaign[data-campaign='SK-2023-2024']"), "SK-2023-2024");
    assertNoVendorBanner();
    browser.screenshot("first-quan-ly-cockpit");
  }

  @Test
  void anAdministratorShouldBeToldOnceWhichEngineRunsAndWhereItsPatchesComeFrom() {
    browser.login("admin", "demo", PASSWORD);
    WebElement notice = browser.visible(By.id("so-ket-engine-notice"));
    assertThat(notice.getText()).contains("Camunda Platform 7.24.0 Community Edition", "Operaton", "CIB seven");
    assertNoVendorBanner();
    browser.screenshot("first-quan-tri-admin");
    browser.click(By.xpath("//*[@id='so-ket-engine-notice']//button"));
    browser.driver().navigate().refresh();
    browser.visible(By.cssSelector("[cam-widget-header]"));
    assertThat(browser.driver().findElements(By.id("so-ket-engine-notice"))).isEmpty();
  }
}
