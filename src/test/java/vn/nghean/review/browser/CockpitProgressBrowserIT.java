package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.nghean.review.support.ApplicationTestBase;

/** A manager logs in to Cockpit and sees the progress plugin's counts for a campaign in known states. */
class CockpitProgressBrowserIT extends ApplicationTestBase {

  static final String CODE = "SK-COCKPIT";

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  String count(String name) {
    By by = By.cssSelector(".so-ket-campaign[data-campaign='" + CODE + "'] [data-count='" + name + "'] div");
    return browser.visible(by).getText();
  }

  @Test
  void managerShouldSeeWhereEveryUnitStandsOnTheCockpitDashboard() {
    user("cockpitmanager", "managers");
    user("cockpitpv01", "pv01");
    assertStatus(startCampaign("cockpitpv01", CODE, "VINH,CUALO,KYSON,SOYTE"), 200);
    issueGuidance(CODE);
    submitReport(CODE, "VINH");
    engine.getTaskService().complete(task(CODE + "/VINH", "EvaluateReport").getId(),
        Map.of("evaluationDecision", "ACCEPT", "rating", "GOOD"));
    submitReport(CODE, "CUALO");

    browser.login("cockpit", "cockpitmanager", PASSWORD);
    browser.waitForText(By.cssSelector(".so-ket-campaign[data-campaign='" + CODE + "']"), "Sơ kết thử nghiệm");
    assertThat(count("total")).isEqualTo("4");
    assertThat(count("doneOnTime")).isEqualTo("2");
    assertThat(count("doneLate")).isEqualTo("0");
    assertThat(count("openWithinDeadline")).isEqualTo("2");
    assertThat(count("openOverdue")).isEqualTo("0");
    String vinh = browser.visible(By.cssSelector(".so-ket-campaign[data-campaign='" + CODE + "'] tr[data-unit='VINH']"))
        .getText();
    assertThat(vinh).contains("UBND thành phố Vinh", "Báo cáo đã được tiếp nhận", "Hoàn thành đúng hạn", "Tốt",
        "Đã kết thúc");
    assertThat(browser.pageText()).contains("Tiến độ sơ kết 02 năm xây dựng đơn vị điển hình",
        "Thực thể quy trình đang chạy", "Đã đến lúc chuyển sang Camunda 8");
    browser.screenshot("cockpit-progress-dashboard");

    browser.click(By.cssSelector(".so-ket-campaign[data-campaign='" + CODE + "'] tr[data-unit='CUALO'] a[href^='#/process-instance/']"));
    browser.waitForText(By.tagName("body"), CODE + "/CUALO");
    assertThat(browser.driver().getCurrentUrl()).contains(
        "/process-instance/" + task(CODE + "/CUALO", "EvaluateReport").getProcessInstanceId());
    browser.click(By.xpath("//a[normalize-space()='Tiến độ sơ kết']"));
    browser.waitForText(By.cssSelector(".so-ket-campaign tr.info"), "UBND thị xã Cửa Lò");
    browser.screenshot("cockpit-progress-unit-instance");
  }
}
