package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.campaign.CampaignService;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.DemoApplicationTestBase;

/**
 * PV01 opens the campaign's start form in Tasklist and reads under "Đơn vị tham gia" which units the
 * registry has on the day (today: the 130 communes and 8 departments; another day, its own), writes
 * every code into the field with one button, strikes one out, and starts the campaign with the rest.
 */
class StartFormUnitsBrowserIT extends DemoApplicationTestBase {

  static final String CODE = "SK-BIEU-MAU";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Autowired CampaignService campaigns;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port, ENGINE);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  WebElement field(String id) {
    return browser.visible(By.cssSelector(".modal [id$='-" + id + "']"));
  }

  void typeDay(String id, String day) {
    WebElement field = field(id + "-date");
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, day);
    field.sendKeys(Keys.ENTER);
    assertThat(field.getDomProperty("value")).isEqualTo(day);
  }

  String summary() {
    return browser.visible(By.cssSelector(".modal [data-start-units] [data-units-summary]")).getText();
  }

  @Test
  void pv01ShouldSeeTheUnitsOfTheDayAndFillThemIn() {
    LocalDate today = LocalDate.now(VietnamTime.ZONE);
    JsonNode units = read(as(PV01).getForEntity("/api/units", String.class));
    List<String> codes = names(units, "code");
    assertThat(codes).hasSize(138);

    browser.viewport(1440, 1100);
    browser.login("tasklist", PV01, PASSWORD);
    browser.click(By.xpath("//a[normalize-space()='Khởi tạo quy trình']"));
    browser.click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='Sơ kết 02 năm xây dựng đơn vị điển hình']"));
    By panel = By.cssSelector(".modal [data-start-units]");
    browser.waitForText(panel, "Danh mục ngày " + today.format(DAY));
    assertThat(summary()).isEqualTo("Danh mục ngày " + today.format(DAY)
        + ": 138 đơn vị (130 xã, phường; 8 sở, ngành, đoàn thể)");
    assertThat(browser.visible(By.cssSelector(".modal [data-start-units] [data-units-count]")).getText()).isEqualTo("138");

    browser.script("arguments[0].scrollIntoView({block: 'center'});", browser.visible(panel));
    browser.screenshot("tasklist-start-form-units");

    // The list, by kind: every unit of the day with its code.
    browser.click(By.cssSelector(".modal [data-start-units] summary"));
    assertThat(browser.driver().findElements(By.cssSelector(".modal [data-kind='COMMUNE'] li"))).hasSize(130);
    assertThat(browser.driver().findElements(By.cssSelector(".modal [data-kind='DEPARTMENT'] li"))).hasSize(8);
    assertThat(browser.visible(By.cssSelector(".modal li[data-code='ANHSONXA']")).getText())
        .isEqualTo("UBND xã Anh Sơn ANHSONXA");
    browser.screenshot("tasklist-start-form-list");

    // Another day, another registry: the district-level units until 30/06/2025.
    typeDay("Field_ParticipantsOn", "30/06/2025");
    browser.waitForText(panel, "Danh mục ngày 30/06/2025");
    assertThat(summary()).isEqualTo("Danh mục ngày 30/06/2025: 29 đơn vị (21 huyện, thị xã, thành phố;"
        + " 8 sở, ngành, đoàn thể)");
    typeDay("Field_ParticipantsOn", today.format(DAY));
    browser.waitForText(panel, "Danh mục ngày " + today.format(DAY) + ": 138 đơn vị");

    // One button writes every code into the field, as typed: the campaign starts with them.
    browser.click(By.cssSelector(".modal [data-fill-units]"));
    WebElement participating = field("Field_ParticipatingUnits");
    assertThat(Arrays.stream(participating.getDomProperty("value").split(",")).map(String::strip).toList())
        .isEqualTo(codes);
    browser.screenshot("tasklist-start-form-filled");
    // PV01 strikes out the last unit; what is submitted is what the field then holds.
    String last = codes.get(codes.size() - 1);
    participating.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.BACK_SPACE.toString().repeat(last.length() + 2));
    List<String> chosen = codes.subList(0, codes.size() - 1);
    assertThat(participating.getDomProperty("value")).isEqualTo(String.join(", ", chosen));
    field("Field_CampaignCode").sendKeys(CODE);
    typeDay("Field_ReportDeadline", today.plusDays(30).format(DAY));
    typeDay("Field_ConferenceDeadline", today.plusDays(90).format(DAY));
    browser.click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='Bắt đầu']"));
    await("the campaign to start", Duration.ofSeconds(30), () -> engine.getRuntimeService()
        .createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY).processInstanceBusinessKey(CODE)
        .count() == 1);
    assertThat(campaigns.participants(CODE)).isEqualTo(chosen).hasSize(137);
  }
}
