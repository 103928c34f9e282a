package vn.nghean.review.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.Jobs;

/** The progress figures match a campaign driven into known states, in JSON and in the workbook. */
class ProgressTest extends ApplicationTestBase {

  static final String CODE = "SK-PROGRESS";


  JsonNode progress(String user) {
    ResponseEntity<String> response = as(user).getForEntity("/api/campaigns/" + CODE + "/progress", String.class);
    assertStatus(response, 200);
    return read(response);
  }

  static JsonNode unit(JsonNode progress, String code) {
    for (JsonNode unit : progress.get("units")) {
      if (unit.get("unitCode").asText().equals(code)) {
        return unit;
      }
    }
    throw new AssertionError("no unit " + code);
  }

  @AfterEach
  void wallClock() {
    Jobs.resetClock();
  }

  @Test
  void shouldShowEveryStateAndTheFourCountsAsGovernmentTrackingDoes() throws Exception {
    user("progpv01", "pv01");
    user("progmanager", "managers");
    user("progvinh", "unitVINH");
    // Time moves only when the test moves the engine's clock: past the deadline, then past the cut-off.
    Instant started = VietnamTime.nowInstant();
    Date deadline = VietnamTime.plusDays(VietnamTime.now(), 10);
    Date cutoff = VietnamTime.plusDays(deadline, 14);
    engine.getRuntimeService().startProcessInstanceByKey(CampaignProcess.KEY, Map.of("campaignCode", CODE,
        "campaignTitle", "Sơ kết tiến độ", "reviewPeriod", "2023–2024", "reportDeadline", deadline,
        "synthesisCutoff", cutoff, "conferenceDeadline", new Date(deadline.getTime() + 40L * 86_400_000),
        "participatingUnits", "VINH,CUALO,KYSON,TANKY"));
    issueGuidance(CODE);

    submitReport(CODE, "VINH");
    engine.getTaskService().complete(task(CODE + "/VINH", UnitReviewProcess.Element.EVALUATE_REPORT).getId(), Map.of(
        "evaluationDecision", UnitReviewProcess.ACCEPT, "rating", "EXCELLENT", "selectedPractices",
            "Mô hình «Khu dân cư an toàn»"));
    submitReport(CODE, "TANKY");
    engine.getTaskService().complete(task(CODE + "/TANKY", UnitReviewProcess.Element.EVALUATE_REPORT).getId(), Map.of(
        "evaluationDecision", UnitReviewProcess.REVISE, "revisionComment", "Bổ sung số liệu",
        "revisionDueDate", VietnamTime.isoDay(VietnamTime.plusDays(cutoff, 5))));

    JsonNode before = progress("progmanager");
    assertThat(before.get("counts").toString())
        .isEqualTo("{\"doneOnTime\":2,\"doneLate\":0,\"openWithinDeadline\":2,\"openOverdue\":0}");
    assertThat(Instant.parse(before.get("startedAt").asText()))
        .isBetween(started.minusSeconds(1), Instant.parse(before.get("generatedAt").asText()));
    assertThat(unit(before, "VINH").get("statusLabel").asText()).isEqualTo("Báo cáo đã được tiếp nhận");
    assertThat(unit(before, "VINH").get("rating").asText()).isEqualTo("Xuất sắc");
    assertThat(unit(before, "VINH").get("finished").asBoolean()).isTrue();
    assertThat(unit(before, "TANKY").get("statusLabel").asText()).isEqualTo("Đang chỉnh sửa theo yêu cầu");
    assertThat(unit(before, "KYSON").get("statusLabel").asText()).isEqualTo("Chưa bắt đầu");

    // Past the deadline, and once the overdue timers have fired: a submission racing its own unit's
    // timer is refused with a concurrency error (the officer submits again), which is not under test here.
    Jobs.clockAt(new Date(deadline.getTime() + 3_600_000));
    await("the overdue marking of Cửa Lò and Kỳ Sơn", Duration.ofSeconds(20),
        () -> unit(progress("progpv01"), "KYSON").get("escalationCount").asLong() >= 1
            && unit(progress("progpv01"), "CUALO").get("escalationCount").asLong() >= 1);
    submitReport(CODE, "CUALO");
    JsonNode after = progress("progpv01");
    assertThat(after.get("counts").toString())
        .isEqualTo("{\"doneOnTime\":2,\"doneLate\":1,\"openWithinDeadline\":0,\"openOverdue\":1}");
    assertThat(unit(after, "CUALO").get("trackingLabel").asText()).isEqualTo("Hoàn thành quá hạn");
    assertThat(unit(after, "CUALO").get("statusLabel").asText()).isEqualTo("Đã gửi quá hạn");
    assertThat(unit(after, "KYSON").get("overdue").asBoolean()).isTrue();
    assertThat(unit(after, "KYSON").get("trackingLabel").asText()).isEqualTo("Đang thực hiện quá hạn");

    Jobs.clockAt(new Date(cutoff.getTime() + 3_600_000));
    await("the synthesis cut-off", Duration.ofSeconds(40),
        () -> unit(progress("progpv01"), "KYSON").get("status").asText().equals("NOT_SUBMITTED"));
    JsonNode closed = progress("progmanager");
    assertThat(closed.get("counts").toString())
        .isEqualTo("{\"doneOnTime\":2,\"doneLate\":1,\"openWithinDeadline\":0,\"openOverdue\":1}");
    assertThat(unit(closed, "KYSON").get("statusLabel").asText()).isEqualTo("Không gửi báo cáo");
    assertThat(unit(closed, "KYSON").get("finished").asBoolean()).isTrue();

    ResponseEntity<byte[]> xlsx = as("progmanager")
        .getForEntity("/api/campaigns/" + CODE + "/progress.xlsx", byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("tien-do-SK-PROGRESS.xlsx");
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = workbook.getSheet("Tiến độ");
      assertThat(text(sheet.getRow(0))).containsExactly("TIẾN ĐỘ SƠ KẾT TIẾN ĐỘ");
      List<List<String>> rows = new ArrayList<>();
      sheet.forEach(row -> rows.add(text(row)));
      assertThat(rows).contains(List.of("Tổng số đơn vị", "Hoàn thành đúng hạn", "Hoàn thành quá hạn",
          "Đang thực hiện trong hạn", "Đang thực hiện quá hạn"), List.of("4", "2", "1", "0", "1"));
      assertThat(rows).anySatisfy(row -> assertThat(row).containsSubsequence("VINH", "UBND thành phố Vinh",
          "Báo cáo đã được tiếp nhận", "Hoàn thành đúng hạn", "Xuất sắc"));
      assertThat(rows).anySatisfy(row -> assertThat(row).containsSubsequence("KYSON", "UBND huyện Kỳ Sơn",
          "Không gửi báo cáo", "Đang thực hiện quá hạn", "Có"));
      assertThat(rows).anySatisfy(row -> assertThat(row).contains("TANKY", "Đang chỉnh sửa theo yêu cầu"));
    }

    assertStatus(as("progvinh").getForEntity("/api/campaigns/" + CODE + "/progress", String.class), 403);
    assertStatus(as("progvinh").getForEntity("/api/campaigns/" + CODE + "/progress.xlsx", String.class), 403);
    assertStatus(as("progvinh").getForEntity("/api/campaigns", String.class), 403);
    assertStatus(as("progpv01").getForEntity("/api/campaigns/NOPE/progress", String.class), 404);
    assertThat(names(read(as("progmanager").getForEntity("/api/campaigns", String.class)), "campaignCode"))
        .contains(CODE);
  }

  /** The non-empty cells of a row as text, numbers without decimals. */
  static List<String> text(Row row) {
    List<String> cells = new ArrayList<>();
    if (row == null) {
      return cells;
    }
    for (Cell cell : row) {
      String value = cell.getCellType() == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
          ? String.valueOf((long) cell.getNumericCellValue())
          : cell.getCellType() == CellType.NUMERIC ? cell.getLocalDateTimeCellValue().toString() : cell.getStringCellValue();
      if (!value.isEmpty()) {
        cells.add(value);
      }
    }
    return cells;
  }
}
