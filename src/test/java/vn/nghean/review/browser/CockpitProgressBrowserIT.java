package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;

/**
 * A manager logs in to Cockpit and sees the campaign first, as pictures that say what the progress
 * API says, before Cockpit's own counters, with the table of units below.
 */
class CockpitProgressBrowserIT extends ApplicationTestBase {

  static final String CODE = "SK-COCKPIT";
  static final String EARLIER = "SK-COCKPIT-TRUOC";
  static final String CAMPAIGN = ".so-ket-campaign[data-campaign='" + CODE + "'] ";
  /** A provincial manager's screen. */
  static final int WIDTH = 1440;
  static final int HEIGHT = 1100;

  @LocalServerPort int port;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    browser.close();
  }

  String count(String name) {
    return browser.visible(By.cssSelector(CAMPAIGN + "[data-count='" + name + "'] div")).getText();
  }

  /** Runs a script with Chart.js's chart of the canvas named {@code chart} as {@code chart}. */
  Object chart(String chart, String script) {
    return chart(CODE, chart, script);
  }

  Object chart(String campaign, String chart, String script) {
    WebElement canvas = browser.visible(
        By.cssSelector(".so-ket-campaign[data-campaign='" + campaign + "'] canvas[data-chart='" + chart + "']"));
    return browser.script("const chart = Chart.getChart(arguments[0]);" + script, canvas);
  }

  double top(By by) {
    return ((Number) browser.script("return arguments[0].getBoundingClientRect().top;", browser.visible(by)))
        .doubleValue();
  }

  double bottom(By by) {
    return ((Number) browser.script("return arguments[0].getBoundingClientRect().bottom;", browser.visible(by)))
        .doubleValue();
  }

  /** What the API says, by each Vietnamese midnight from the campaign's start, and now. */
  static List<Integer> reportedByEachMidnight(JsonNode progress) {
    List<Instant> sent = new ArrayList<>();
    progress.get("units").forEach(unit -> {
      if (!unit.get("firstSubmittedAt").isNull()) {
        sent.add(Instant.parse(unit.get("firstSubmittedAt").asText()));
      }
    });
    Instant now = Instant.parse(progress.get("generatedAt").asText());
    List<Integer> reported = new ArrayList<>(List.of(0));
    for (LocalDate day = Instant.parse(progress.get("startedAt").asText()).atZone(VietnamTime.ZONE).toLocalDate()
        .plusDays(1); !day.atStartOfDay(VietnamTime.ZONE).toInstant().isAfter(now); day = day.plusDays(1)) {
      Instant midnight = day.atStartOfDay(VietnamTime.ZONE).toInstant();
      reported.add((int) sent.stream().filter(at -> at.isBefore(midnight)).count());
    }
    reported.add((int) sent.stream().filter(at -> !at.isAfter(now)).count());
    return reported;
  }

  /**
   * An earlier campaign started a month ago and nobody has reported yet; the campaign under test
   * started ten days ago, Vinh reported three days later, Cửa Lò four days after that.
   */
  void campaignReportedOverTheDays(LocalDate reportDeadline) {
    ClockUtil.offset(-Duration.ofDays(30).toMillis());
    assertStatus(startCampaign("cockpitpv01", EARLIER, "SOYTE", reportDeadline.plusDays(12)), 200);
    issueGuidance(EARLIER);
    ClockUtil.offset(-Duration.ofDays(10).toMillis());
    assertStatus(startCampaign("cockpitpv01", CODE, "VINH,CUALO,KYSON,SOYTE", reportDeadline), 200);
    issueGuidance(CODE);
    ClockUtil.offset(-Duration.ofDays(7).toMillis());
    submitReport(CODE, "VINH");
    engine.getTaskService().complete(task(CODE + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT).getId(),
        Map.of("evaluationDecision", UnitReviewProcess.ACCEPT, "rating", "GOOD"));
    ClockUtil.offset(-Duration.ofDays(3).toMillis());
    submitReport(CODE, "CUALO");
    ClockUtil.reset();
  }

  @Test
  void managerShouldSeeTheCampaignAsPicturesBeforeCockpitsOwnCounters() {
    user("cockpitmanager", "managers");
    user("cockpitpv01", "pv01");
    // Before the first reminder (seven days ahead of the deadline), so no timer fires meanwhile.
    LocalDate deadline = LocalDate.now(VietnamTime.ZONE).plusDays(8);
    campaignReportedOverTheDays(deadline);
    JsonNode progress = read(as("cockpitmanager").getForEntity("/api/campaigns/" + CODE + "/progress", String.class));
    JsonNode counts = progress.get("counts");

    browser.viewport(WIDTH, HEIGHT);
    browser.login("cockpit", "cockpitmanager", PASSWORD);
    browser.waitForText(By.cssSelector(CAMPAIGN), "Sơ kết thử nghiệm");
    browser.await().until(driver -> chart("counts", "return chart != null;") == Boolean.TRUE
        && chart("submissions", "return chart != null;") == Boolean.TRUE);

    assertThat(count("total")).isEqualTo(String.valueOf(progress.get("units").size())).isEqualTo("4");
    assertThat(List.of(count("doneOnTime"), count("doneLate"), count("openWithinDeadline"), count("openOverdue")))
        .containsExactly(counts.get("doneOnTime").asText(), counts.get("doneLate").asText(),
            counts.get("openWithinDeadline").asText(), counts.get("openOverdue").asText())
        .containsExactly("2", "0", "2", "0");
    assertThat(chart("counts", "return chart.data.datasets[0].data.join(',');")).isEqualTo(String.join(",",
        counts.get("doneOnTime").asText(), counts.get("doneLate").asText(), counts.get("openWithinDeadline").asText(),
        counts.get("openOverdue").asText()));
    assertThat(chart("counts", "return chart.data.labels.join(',');")).isEqualTo(
        "Hoàn thành đúng hạn,Hoàn thành quá hạn,Đang thực hiện trong hạn,Đang thực hiện quá hạn");

    // Reported by each midnight since the campaign started: none, then Vinh, then Vinh and Cửa Lò.
    @SuppressWarnings("unchecked")
    List<Integer> reported = ((List<Number>) chart("submissions", "return chart.data.datasets[0].data.map(p => p.y);"))
        .stream().map(Number::intValue).toList();
    assertThat(reported).isEqualTo(reportedByEachMidnight(progress)).containsSubsequence(0, 1, 2).hasSize(12);
    assertThat(chart("submissions", "return chart.options.plugins.annotation.annotations.deadline.label.content;"))
        .isEqualTo("Hạn gửi báo cáo 00:00 " + deadline.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    assertThat(chart("submissions", "return chart.options.plugins.annotation.annotations.total.value;"))
        .isEqualTo(4L);

    // The campaign first: its pictures above Cockpit's sections, whole on the manager's screen.
    By countsTitle = By.xpath("//h4[normalize-space()='Tình hình thực hiện so với thời hạn']");
    By submissionsTitle = By.xpath("//h4[normalize-space()='Số đơn vị đã gửi báo cáo theo ngày']");
    By countsCanvas = By.cssSelector(CAMPAIGN + "canvas[data-chart='counts']");
    By submissionsCanvas = By.cssSelector(CAMPAIGN + "canvas[data-chart='submissions']");
    double cockpitsOwn = Math.min(top(By.cssSelector(".dashboard section.actual")),
        top(By.cssSelector(".dashboard section.deployed")));
    assertThat(List.of(top(countsTitle), top(submissionsTitle), bottom(countsCanvas), bottom(submissionsCanvas)))
        .allSatisfy(y -> assertThat(y).isLessThan(cockpitsOwn).isLessThanOrEqualTo(HEIGHT));
    assertThat(browser.driver().findElements(By.cssSelector(".dashboard section.deprecate")))
        .allSatisfy(section -> assertThat(section.isDisplayed()).isFalse());

    String vinh = browser.visible(By.cssSelector(CAMPAIGN + "tr[data-unit='VINH']")).getText();
    assertThat(vinh).contains("UBND thành phố Vinh", "Báo cáo đã được tiếp nhận", "Hoàn thành đúng hạn", "Tốt",
        "Đã kết thúc");
    assertThat(browser.pageText()).contains("Tiến độ sơ kết 02 năm xây dựng đơn vị điển hình",
        "Thực thể quy trình đang chạy").doesNotContain("Camunda 8");
    browser.screenshot("cockpit-progress-dashboard");

    // The most recent running campaign comes first; the earlier one is a choice away.
    By selector = By.cssSelector(".so-ket-dashboard .so-ket-selector select");
    assertThat(browser.visible(selector).getAttribute("value")).isEqualTo(CODE);
    new Select(browser.visible(selector)).selectByValue(EARLIER);
    browser.waitForText(By.cssSelector(".so-ket-campaign[data-campaign='" + EARLIER + "']"), EARLIER);
    assertThat(browser.visible(By.cssSelector(".so-ket-campaign[data-campaign='" + EARLIER
        + "'] [data-count='openWithinDeadline'] div")).getText()).isEqualTo("1");
    browser.await().until(driver -> chart(EARLIER, "counts", "return chart != null;") == Boolean.TRUE);
    browser.screenshot("cockpit-progress-earlier-campaign");
    new Select(browser.visible(selector)).selectByValue(CODE);
    browser.waitForText(By.cssSelector(CAMPAIGN), CODE);

    browser.click(By.cssSelector(CAMPAIGN + "tr[data-unit='CUALO'] a[href^='#/process-instance/']"));
    browser.waitForText(By.tagName("body"), CODE + "/CUALO");
    assertThat(browser.driver().getCurrentUrl()).contains(
        "/process-instance/" + task(CODE + "/CUALO", UnitReviewProcess.Element.EVALUATE_REPORT).getProcessInstanceId());
    browser.click(By.xpath("//a[normalize-space()='Tiến độ sơ kết']"));
    browser.waitForText(By.cssSelector(".so-ket-campaign tr.info"), "UBND thị xã Cửa Lò");
    browser.screenshot("cockpit-progress-unit-instance");
  }
}
