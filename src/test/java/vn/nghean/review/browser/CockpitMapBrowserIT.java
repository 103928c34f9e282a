package vn.nghean.review.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.DemoApplicationTestBase;

/**
 * A manager opens the progress of a campaign of the 130 communes in Cockpit and sees the province as
 * a map: every commune in the colour of its tracking bucket as the progress API reports it, a legend
 * with the API's counts, a tooltip naming the unit, a click into its instance. The demo's campaign
 * of the district-level units of 2023–2024 has no shapes: no map, the table, and a line saying why.
 */
class CockpitMapBrowserIT extends DemoApplicationTestBase {

  static final String CODE = "SK-BAN-DO";
  static final String CAMPAIGN = ".so-ket-campaign[data-campaign='" + CODE + "'] ";
  static final String FEW = "SK-BAN-DO-BA";
  static final String MANAGER = "manager";
  static final int WIDTH = 1440;
  static final int HEIGHT = 1100;
  /** The buckets' colours, as the counts and the charts show them (progress-plugin.js). */
  static final Map<String, String> COLOURS = Map.of("DONE_ON_TIME", "#2e7d32", "DONE_LATE", "#ef6c00",
      "OPEN_WITHIN_DEADLINE", "#1565c0", "OPEN_OVERDUE", "#c62828");
  static final Map<String, String> COUNT_KEYS = Map.of("DONE_ON_TIME", "doneOnTime", "DONE_LATE", "doneLate",
      "OPEN_WITHIN_DEADLINE", "openWithinDeadline", "OPEN_OVERDUE", "openOverdue");
  static final String NO_MAP_LINE = "Bản đồ chỉ vẽ cho đợt sơ kết của các xã, phường (đơn vị hành chính cấp xã từ"
      + " ngày 01/07/2025); tình hình từng đơn vị của đợt này xem ở bảng dưới đây.";

  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port, ENGINE);
  }

  @AfterEach
  void closeBrowser() {
    ClockUtil.reset();
    browser.close();
  }

  /**
   * The campaign of every unit that exists today (the 130 communes and 8 departments) started four
   * days ago, its reports due yesterday: some communes and a department reported on time, some today
   * (late), the others have not. And a campaign of two communes and a department, started today.
   */
  void campaignWithEveryBucket() {
    LocalDate yesterday = LocalDate.now(VietnamTime.ZONE).minusDays(1);
    ClockUtil.offset(-Duration.ofDays(4).toMillis());
    assertStatus(startCampaign(PV01, CODE, "", yesterday), 200);
    issueGuidance(CODE);
    // The first reminder, due before the campaign started, runs at once: let it, before the units move.
    awaitTimers();
    JsonNode started = read(as(MANAGER).getForEntity("/api/campaigns/" + CODE + "/progress", String.class));
    List<String> communes = StreamSupport.stream(started.get("units").spliterator(), false)
        .filter(unit -> "COMMUNE".equals(unit.get("kind").asText())).map(unit -> unit.get("unitCode").asText())
        .toList();
    assertThat(communes).hasSize(130);
    for (int i = 0; i < communes.size(); i += 7) {
      submitReport(CODE, communes.get(i));
    }
    submitReport(CODE, "SOYTE");
    ClockUtil.reset();
    // The second reminders and the overdue marks fell due when the clock came back.
    awaitTimers();
    for (int i = 3; i < communes.size(); i += 11) {
      if (i % 7 != 0) {
        submitReport(CODE, communes.get(i));
      }
    }
    assertStatus(startCampaign(PV01, FEW, "ANHSONXA, CUALOPHUONG, SOYTE"), 200);
    issueGuidance(FEW);
    awaitTimers();
  }

  void awaitTimers() {
    await("the campaign's timers to run", Duration.ofSeconds(180),
        () -> engine.getManagementService().createJobQuery().executable().count() == 0);
  }

  double rect(By by, String side) {
    return ((Number) browser.script("return arguments[0].getBoundingClientRect()." + side + ";",
        browser.visible(by))).doubleValue();
  }

  /**
   * The communes whose shape is the element at the centre of its box on the screen as it is, so that
   * a pointer there is on it.
   */
  @SuppressWarnings("unchecked")
  List<String> pointable() {
    return (List<String>) browser.script("const map = document.querySelector(arguments[0]);"
        + "return [...map.querySelectorAll('path[data-gso]')].filter(shape => {"
        + "  const box = shape.getBoundingClientRect();"
        + "  return document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === shape;"
        + "}).map(shape => shape.dataset.gso);", CAMPAIGN + "[data-map-svg]");
  }

  WebElement shape(String gso) {
    return browser.visible(By.cssSelector(CAMPAIGN + "path[data-gso='" + gso + "']"));
  }

  @Test
  void managerShouldSeeTheCommunesOnTheMapAsTheProgressApiHasThem() {
    campaignWithEveryBucket();
    JsonNode progress = read(as(MANAGER).getForEntity("/api/campaigns/" + CODE + "/progress", String.class));
    Map<String, JsonNode> byGso = new HashMap<>();
    progress.get("units").forEach(unit -> {
      if (!unit.get("gsoCode").isNull()) {
        byGso.put(unit.get("gsoCode").asText(), unit);
      }
    });
    assertThat(byGso).hasSize(130);
    Map<String, Long> communeCounts = new HashMap<>();
    byGso.values().forEach(unit -> communeCounts.merge(unit.get("tracking").asText(), 1L, Long::sum));
    assertThat(communeCounts.keySet()).containsExactlyInAnyOrder("DONE_ON_TIME", "DONE_LATE", "OPEN_OVERDUE");

    browser.viewport(WIDTH, HEIGHT);
    browser.login("cockpit", MANAGER, PASSWORD);
    By selector = By.cssSelector(".so-ket-dashboard .so-ket-selector select");
    new Select(browser.visible(selector)).selectByValue(CODE);
    browser.visible(By.cssSelector(CAMPAIGN + "[data-map='drawn']"));
    browser.await().until(driver -> (Boolean) browser.script("return !!Chart.getChart(document.querySelector("
        + "arguments[0]));", CAMPAIGN + "canvas[data-chart='submissions']"));

    // The first screen still holds the counts and the charts; the map comes below them, above the table.
    double map = rect(By.cssSelector(CAMPAIGN + "[data-map]"), "top");
    assertThat(List.of(rect(By.cssSelector(CAMPAIGN + "canvas[data-chart='counts']"), "bottom"),
        rect(By.cssSelector(CAMPAIGN + "canvas[data-chart='submissions']"), "bottom"),
        rect(By.cssSelector(CAMPAIGN + "[data-count='openOverdue']"), "bottom")))
        .allSatisfy(bottom -> assertThat(bottom).isLessThanOrEqualTo(HEIGHT).isLessThan(map));
    assertThat(map).isLessThan(rect(By.cssSelector(CAMPAIGN + "table.so-ket-units"), "top"));
    browser.screenshot("cockpit-map-dashboard");

    // Every commune drawn once, in the colour of what the API says of its unit.
    @SuppressWarnings("unchecked")
    List<List<String>> shapes = (List<List<String>>) browser.script("return [...document.querySelectorAll("
        + "arguments[0])].map(shape => [shape.dataset.gso, shape.dataset.tracking || '', shape.getAttribute('fill'),"
        + " shape.dataset.unit || '']);", CAMPAIGN + "path[data-gso]");
    assertThat(shapes).hasSize(130);
    assertThat(shapes.stream().map(shape -> shape.get(0)).distinct()).hasSize(130)
        .containsExactlyInAnyOrderElementsOf(byGso.keySet());
    shapes.forEach(shape -> {
      JsonNode unit = byGso.get(shape.get(0));
      String tracking = unit.get("tracking").asText();
      assertThat(shape).as("the shape of " + unit.get("unitName").asText())
          .containsExactly(shape.get(0), tracking, COLOURS.get(tracking), unit.get("unitCode").asText());
    });
    // The legend counts the communes; the departments are in the table only.
    COUNT_KEYS.forEach((tracking, key) -> assertThat(browser.visible(By.cssSelector(CAMPAIGN
        + "[data-legend='" + key + "'] [data-legend-count]")).getText()).as(key)
        .isEqualTo(String.valueOf(communeCounts.getOrDefault(tracking, 0L))));
    assertThat(browser.driver().findElements(By.cssSelector(CAMPAIGN + "[data-legend='outside']"))).isEmpty();
    assertThat(browser.visible(By.cssSelector(CAMPAIGN + "[data-off-map]")).getText())
        .isEqualTo("8 đơn vị không có trên bản đồ (sở, ngành, đoàn thể): xem ở bảng dưới đây.");
    assertThat(browser.driver().findElements(By.cssSelector(CAMPAIGN + "tr[data-unit]"))).hasSize(138);
    assertThat(browser.visible(By.cssSelector(CAMPAIGN + "tr[data-unit='SOYTE']")).getText())
        .contains("Sở Y tế", "Hoàn thành đúng hạn");
    browser.script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80);",
        browser.visible(By.cssSelector(CAMPAIGN + "[data-map]")));
    browser.screenshot("cockpit-map-communes");

    // Hovering a late commune names it with its status.
    List<String> pointable = pointable();
    assertThat(pointable).hasSizeGreaterThan(60);
    String late = pointable.stream().filter(gso -> "DONE_LATE".equals(byGso.get(gso).get("tracking").asText()))
        .findFirst().orElseThrow();
    JsonNode lateUnit = byGso.get(late);
    new Actions(browser.driver()).moveToElement(shape(late)).perform();
    WebElement tooltip = browser.visible(By.cssSelector(CAMPAIGN + "[data-map-tooltip]"));
    assertThat(tooltip.getText()).contains(lateUnit.get("unitName").asText(),
        "Trạng thái: " + lateUnit.get("statusLabel").asText(), "Theo dõi thời hạn: Hoàn thành quá hạn");
    browser.screenshot("cockpit-map-hover");

    // Clicking an overdue commune opens its instance.
    String overdue = pointable.stream().filter(gso -> "OPEN_OVERDUE".equals(byGso.get(gso).get("tracking").asText()))
        .findFirst().orElseThrow();
    JsonNode overdueUnit = byGso.get(overdue);
    new Actions(browser.driver()).moveToElement(shape(overdue)).perform();
    assertThat(tooltip.getText()).contains(overdueUnit.get("unitName").asText(), "Đang thực hiện quá hạn");
    shape(overdue).click();
    browser.await().until(driver -> driver.getCurrentUrl().contains(
        "/process-instance/" + overdueUnit.get("processInstanceId").asText()));
    browser.waitForText(By.tagName("body"), CODE + "/" + overdueUnit.get("unitCode").asText());
    // Its instance's progress tab marks it on the map.
    WebElement marked = browser.visible(By.cssSelector(CAMPAIGN + "[data-map='drawn'] .so-ket-map-highlight"));
    assertThat(marked.getAttribute("d")).isEqualTo(shape(overdue).getAttribute("d"));
    browser.screenshot("cockpit-map-unit-instance");

    // A campaign of two communes and a department: the other communes grey, and not links.
    browser.openApp("cockpit", "#/dashboard");
    new Select(browser.visible(selector)).selectByValue(FEW);
    String few = ".so-ket-campaign[data-campaign='" + FEW + "'] ";
    browser.visible(By.cssSelector(few + "[data-map='drawn']"));
    assertThat(browser.driver().findElements(By.cssSelector(few + "path[data-gso]"))).hasSize(130);
    assertThat(browser.driver().findElements(By.cssSelector(few + "path[data-outside]"))).hasSize(128)
        .allSatisfy(outside -> assertThat(outside.getAttribute("fill")).isEqualTo("#dcdcdc"));
    assertThat(browser.driver().findElements(By.cssSelector(few + "a path[data-outside]"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(few + "a path[data-tracking='OPEN_WITHIN_DEADLINE']")))
        .hasSize(2);
    assertThat(browser.visible(By.cssSelector(few + "[data-legend='outside']")).getText())
        .contains("Không tham gia đợt này");
    assertThat(browser.visible(By.cssSelector(few + "[data-legend='outside'] [data-legend-count]")).getText())
        .isEqualTo("128");
    assertThat(browser.visible(By.cssSelector(few + "[data-legend='openWithinDeadline'] [data-legend-count]"))
        .getText()).isEqualTo("2");
    assertThat(browser.visible(By.cssSelector(few + "[data-off-map]")).getText())
        .isEqualTo("1 đơn vị không có trên bản đồ (sở, ngành, đoàn thể): xem ở bảng dưới đây.");

    // The campaign of the district-level units: no map, the table, and why.
    JsonNode districts = read(as(MANAGER).getForEntity("/api/campaigns/" + DEMO_CAMPAIGN + "/progress", String.class));
    browser.openApp("cockpit", "#/dashboard");
    new Select(browser.visible(selector)).selectByValue(DEMO_CAMPAIGN);
    String demo = ".so-ket-campaign[data-campaign='" + DEMO_CAMPAIGN + "'] ";
    assertThat(browser.visible(By.cssSelector(demo + "[data-map='none']")).getText()).isEqualTo(NO_MAP_LINE);
    assertThat(browser.driver().findElements(By.cssSelector(demo + "[data-map-svg], " + demo + "path[data-gso]"))).isEmpty();
    assertThat(browser.driver().findElements(By.cssSelector(demo + "tr[data-unit]")))
        .hasSize(districts.get("units").size());
    browser.script("window.scrollTo(0, 0);");
    browser.screenshot("cockpit-map-districts");
  }
}
