package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.identity.TaskFilters;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.UnitStatus;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * The whole journey of one unit's report in a real browser, every screen in Vietnamese: the officer
 * chooses the format and drafts the report with an attachment in Tasklist, the leader approves, PV01
 * requests a revision, the officer revises, the leader approves again, PV01 accepts, and a manager
 * finds the instance and the progress plugin in Cockpit. Each step leaves a screenshot in
 * {@code target/screenshots/} (the user guide shows them).
 */
class UnitJourneyBrowserIT extends ApplicationTestBase {

  static final String CODE = "SK-HANHTRINH";
  static final String UNIT = "DIENCHAU";
  static final String UNIT_NAME = "UBND huyện Diễn Châu";
  /** English words of the webapps that must not remain on a Vietnamese screen. */
  static final List<String> ENGLISH = List.of("Claim", "Complete", "Filters", "Start process", "Add a comment",
      "Set due date", "Processes", "Running Process Instances", "Sign in", "Save");

  @Autowired ReportService reports;
  Browser browser;
  int step;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser() throws Exception {
    browser.screenshot("journey-last-screen");
    Files.writeString(Browser.SCREENSHOTS.resolve("journey-last-screen.html"), browser.driver().getPageSource(),
        StandardCharsets.UTF_8);
    browser.close();
  }

  /** Screenshot of a step, numbered in order: journey-01-..., journey-02-... */
  void shot(String name) {
    assertVietnamese();
    browser.screenshot(String.format("journey-%02d-%s", ++step, name));
  }

  void assertVietnamese() {
    String text = browser.pageText();
    for (String english : ENGLISH) {
      assertThat(text).as("English left on the screen").doesNotContainPattern("\\b" + english + "\\b");
    }
  }

  /** Opens a filter in Tasklist's filter list, then the task of our unit with the given name. */
  void openTask(String filter, String taskName) {
    browser.click(By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='" + filter + "']"));
    By card = By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'" + UNIT_NAME + "')]]"
        + "//a[normalize-space()='" + taskName + "']");
    browser.await().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
      browser.driver().navigate().refresh();
      browser.click(By.xpath("//*[contains(@class,'task-filter')]//*[normalize-space(text())='" + filter + "']"));
      return !driver.findElements(card).isEmpty();
    });
    browser.click(card);
    browser.waitForText(By.cssSelector("[cam-tasklist-task]"), taskName);
  }

  void claim() {
    By claim = By.xpath("//button[normalize-space()='Nhận việc'] | //a[normalize-space()='Nhận việc']");
    browser.click(claim);
    browser.await().until(ExpectedConditions.invisibilityOfElementLocated(claim));
  }

  void complete() {
    browser.click(By.xpath("//button[normalize-space()='Hoàn thành']"));
  }

  void awaitTask(String businessKey, String taskKey) {
    browser.await().until(driver -> task(businessKey, taskKey) != null);
  }

  void type(By by, String text) {
    WebElement element = browser.visible(by);
    element.clear();
    element.sendKeys(text);
  }

  @Test
  void unitReportShouldTravelFromTheOfficerToAcceptanceInVietnamese() throws Exception {
    String officer = "journeyofficer";
    String leader = "journeylead";
    String pv01 = "journeypv01";
    user(officer, "unit" + UNIT);
    user(leader, "unit" + UNIT + "lead");
    user(pv01, "pv01");
    user("journeymanager", "managers");
    assertStatus(startCampaign(pv01, CODE, UNIT), 200);
    issueGuidance(CODE);
    String key = CODE + "/" + UNIT;

    // 1. The unit officer logs in and chooses the review format.
    browser.open("/camunda/app/tasklist/default/#/login");
    browser.visible(By.cssSelector("input[ng-model='username']"));
    shot("dang-nhap-tasklist");
    browser.login("tasklist", officer, PASSWORD);
    openTask(TaskFilters.TO_DO, "Chọn hình thức sơ kết");
    shot("can-bo-danh-sach-viec");
    claim();
    browser.click(By.xpath("//label[contains(normalize-space(.),'Sơ kết bằng văn bản')]"));
    // Typed as a Vietnamese officer writes a day: 20 June 2024, which the picker shows as typed.
    WebElement date = browser.visible(By.cssSelector(".fjs-container input.flatpickr-input, .fjs-container input[type='text']"));
    date.click();
    // The field says how to write a day before anything is typed, as a Vietnamese office writes it.
    browser.await().until(driver -> "dd/mm/yyyy".equals(date.getAttribute("placeholder")));
    date.sendKeys("20/06/2024");
    date.sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(date.getAttribute("value")).isEqualTo("20/06/2024");
    shot("can-bo-chon-hinh-thuc");
    complete();
    awaitTask(key, UnitReviewProcess.Element.DRAFT_REPORT);
    String instance = task(key, UnitReviewProcess.Element.DRAFT_REPORT).getProcessInstanceId();
    assertThat(engine.getRuntimeService().getVariable(instance, "plannedDate")).isEqualTo("2024-06-20");
    assertThat(VietnamTime.parse(engine.getRuntimeService().getVariable(instance, "plannedDate")).orElseThrow())
        .isEqualTo(java.util.Date.from(java.time.Instant.parse("2024-06-19T17:00:00Z")));

    // 2. The officer drafts the report, saves it and attaches the signed copy.
    openTask(TaskFilters.TO_DO, "Xây dựng báo cáo sơ kết");
    claim();
    for (String section : List.of("LEADERSHIP", "ADVISORY", "COORDINATION", "RESULTS", "GOOD_PRACTICES",
        "ASSESSMENT", "RECOMMENDATIONS", "DIRECTIONS")) {
      type(By.id("section-" + section), "Huyện Diễn Châu đã triển khai nghiêm túc nội dung «" + section
          + "»: quán triệt đến 100% xã, thị trấn; xây dựng mô hình tự quản về an ninh trật tự.");
    }
    type(By.id("modelUnitsBuilt"), "12");
    type(By.id("modelUnitsRecognised"), "9");
    type(By.id("modelsInOperation"), "11");
    type(By.id("nominations"), "Đề nghị UBND tỉnh tặng Bằng khen cho Công an xã Diễn Kỷ.");
    browser.click(By.xpath("//button[normalize-space()='Lưu báo cáo']"));
    browser.visible(By.xpath("//*[contains(normalize-space(.),'Đã lưu báo cáo lúc')]"));
    Path signed = Files.createTempFile("bao-cao-co-chu-ky-", ".pdf");
    Files.write(signed, "%PDF-1.4\n% Báo cáo có chữ ký\n".getBytes(StandardCharsets.UTF_8));
    browser.driver().findElement(By.id("signedReport")).sendKeys(signed.toAbsolutePath().toString());
    browser.click(By.xpath("//button[normalize-space()='Tải tệp lên']"));
    browser.visible(By.xpath("//*[contains(normalize-space(.),'Đã đính kèm:')]"));
    shot("can-bo-xay-dung-bao-cao");
    complete();
    awaitTask(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT);
    assertThat(reports.attachment(CODE, UNIT)).isPresent();

    // 3. The leader approves.
    browser.login("tasklist", leader, PASSWORD);
    openTask(TaskFilters.TO_DO, "Lãnh đạo đơn vị phê duyệt");
    claim();
    browser.visible(By.xpath("//*[contains(normalize-space(.),'quán triệt đến 100% xã')]"));
    new Select(browser.visible(By.id("leaderDecision"))).selectByValue(UnitReviewProcess.APPROVE);
    shot("lanh-dao-phe-duyet");
    complete();
    awaitTask(key, UnitReviewProcess.Element.EVALUATE_REPORT);

    // 4. PV01 requests a revision.
    browser.login("tasklist", pv01, PASSWORD);
    openTask(TaskFilters.AWAITING_EVALUATION, "Thẩm định báo cáo");
    claim();
    new Select(browser.visible(By.id("evaluationDecision"))).selectByValue(UnitReviewProcess.REVISE);
    type(By.id("revisionComment"), "Đề nghị bổ sung số liệu mô hình ở các xã vùng biển.");
    type(By.id("revisionDueDate"), "01/07/2099");
    shot("pv01-yeu-cau-chinh-sua");
    complete();
    browser.await().until(driver -> reports.get(CODE, UNIT).getStatus() == UnitStatus.UNDER_REVISION);
    assertThat(reports.get(CODE, UNIT).getDueAt()).isEqualTo(java.time.Instant.parse("2099-06-30T17:00:00Z"));

    // 5. The officer revises; the leader approves again.
    browser.login("tasklist", officer, PASSWORD);
    openTask(TaskFilters.TO_DO, "Xây dựng báo cáo sơ kết");
    claim();
    browser.visible(By.xpath("//*[contains(normalize-space(.),'bổ sung số liệu mô hình ở các xã vùng biển')]"));
    type(By.id("section-RESULTS"), "Đã bổ sung: 12 mô hình, trong đó 4 mô hình ở các xã vùng biển.");
    browser.click(By.xpath("//button[normalize-space()='Lưu báo cáo']"));
    browser.visible(By.xpath("//*[contains(normalize-space(.),'Đã lưu báo cáo lúc')]"));
    shot("can-bo-chinh-sua");
    complete();
    awaitTask(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT);
    browser.login("tasklist", leader, PASSWORD);
    openTask(TaskFilters.TO_DO, "Lãnh đạo đơn vị phê duyệt");
    claim();
    new Select(browser.visible(By.id("leaderDecision"))).selectByValue(UnitReviewProcess.APPROVE);
    complete();
    awaitTask(key, UnitReviewProcess.Element.EVALUATE_REPORT);

    // 6. PV01 accepts with a rating and the good practice for the provincial report.
    browser.login("tasklist", pv01, PASSWORD);
    openTask(TaskFilters.AWAITING_EVALUATION, "Thẩm định báo cáo");
    claim();
    browser.visible(By.xpath("//*[contains(normalize-space(.),'4 mô hình ở các xã vùng biển')]"));
    new Select(browser.visible(By.id("evaluationDecision"))).selectByValue(UnitReviewProcess.ACCEPT);
    new Select(browser.visible(By.id("rating"))).selectByValue("GOOD");
    type(By.id("selectedPractices"), "Mô hình «Tổ tự quản an ninh trật tự vùng biển».");
    shot("pv01-tiep-nhan");
    complete();
    browser.await().until(driver -> reports.get(CODE, UNIT).getStatus() == UnitStatus.ACCEPTED);

    // 7. A manager finds the unit and its instance in Cockpit.
    browser.login("cockpit", "journeymanager", PASSWORD);
    By row = By.cssSelector(".so-ket-campaign[data-campaign='" + CODE + "'] tr[data-unit='" + UNIT + "']");
    browser.waitForText(row, "Báo cáo đã được tiếp nhận");
    assertThat(browser.visible(row).getText()).contains(UNIT_NAME, "Hoàn thành đúng hạn", "Tốt");
    ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
        browser.visible(row));
    shot("quan-ly-tien-do-cockpit");
    browser.click(By.xpath("//*[contains(@class,'so-ket-campaign')][@data-campaign='" + CODE
        + "']//a[normalize-space()='Mở thực thể đợt sơ kết']"));
    browser.waitForText(By.tagName("body"), CODE);
    browser.await().until(ExpectedConditions.urlContains("/process-instance/"));
    shot("quan-ly-thuc-the-dot-so-ket");
  }
}
