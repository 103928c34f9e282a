package vn.nghean.review.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.support.ApplicationTestBase;
import vn.nghean.review.support.Docx;

/**
 * The unit and provincial reports as .docx: read back with Apache POI, they hold the national
 * heading, the issuing body, the unit table and intact Vietnamese, in Times New Roman 13–14 pt.
 */
class ReportDocumentsTest extends ApplicationTestBase {

  static final String CODE = "SK-DOCS";

  @Autowired ReportService reports;

  void acceptReport(String unit, String practice) {
    String key = CODE + "/" + unit;
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT).getId(),
        Map.of("reviewFormat", UnitReviewProcess.WRITTEN, "plannedDate", "2024-06-20"));
    reports.saveDraft(CODE, unit, fullReport("Nội dung của " + unit + " — «đơn vị điển hình», tiếng Việt có dấu."),
        "officer");
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.DRAFT_REPORT).getId());
    engine.getIdentityService().setAuthentication("docs" + unit.toLowerCase() + "lead", List.of("unit" + unit + "lead"));
    try {
      engine.getTaskService().complete(task(key, UnitReviewProcess.Element.APPROVE_UNIT_REPORT).getId(),
          Map.of("leaderDecision", UnitReviewProcess.APPROVE));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    engine.getTaskService().complete(task(key, UnitReviewProcess.Element.EVALUATE_REPORT).getId(),
        Map.of("evaluationDecision", UnitReviewProcess.ACCEPT, "rating", "GOOD", "selectedPractices", practice));
  }

  byte[] download(String user, String path) {
    ResponseEntity<byte[]> response = as(user).getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    return response.getBody();
  }

  @Test
  void shouldGiveEachReportInTheAdministrativeFormatToThoseWhoMayReadIt() throws Exception {
    user("docsvinh", "unitVINH");
    user("docsvinhlead", "unitVINHlead");
    user("docssoytelead", "unitSOYTElead");
    user("docssoyte", "unitSOYTE");
    user("docspv01", "pv01");
    user("docslead", "pv01lead");
    user("docsmanager", "managers");
    assertStatus(startCampaign("docspv01", CODE, "VINH,SOYTE"), 200);
    issueGuidance(CODE);
    acceptReport("VINH", "Mô hình «Camera an ninh khu dân cư» ở phường Hưng Bình");
    acceptReport("SOYTE", "Mô hình «Bệnh viện an toàn về an ninh trật tự»");

    String vinhPath = "/api/campaigns/" + CODE + "/units/VINH/report.docx";
    List<String> vinh = text(download("docsvinh", vinhPath));
    assertThat(vinh).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VINH", "Số:        /BC-UBND", "BÁO CÁO", "Sơ kết thử nghiệm",
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "VIII. PHƯƠNG HƯỚNG, NHIỆM VỤ VÀ GIẢI PHÁP", "IX. SỐ LIỆU CHÍNH",
        "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "docsvinhlead test");
    assertThat(vinh).anySatisfy(line -> assertThat(line).matches("Vinh, ngày \\d{2} tháng \\d{1,2} năm \\d{4}"));
    assertThat(vinh).contains("Công tác lãnh đạo, chỉ đạo: Nội dung của VINH — «đơn vị điển hình», tiếng Việt có dấu.");
    assertThat(vinh).doesNotContain(ReportDocuments.DRAFT);
    assertTimesNewRoman(download("docsmanager", vinhPath));

    assertStatus(as("docssoyte").getForEntity(vinhPath, String.class), 403);
    List<String> soyte = text(download("docssoyte", "/api/campaigns/" + CODE + "/units/SOYTE/report.docx"));
    assertThat(soyte).contains("UBND TỈNH NGHỆ AN", "SỞ Y TẾ", "Số:        /BC", "GIÁM ĐỐC");
    assertThat(soyte).anySatisfy(line -> assertThat(line).startsWith("Nghệ An, ngày "));

    await("the provincial draft", Duration.ofSeconds(20), () -> task(CODE,
        CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT) != null);
    String provincialPath = "/api/campaigns/" + CODE + "/provincial-report.docx";
    assertStatus(as("docsvinh").getForEntity(provincialPath, String.class), 403);
    byte[] draftBytes = download("docspv01", provincialPath);
    List<String> draft = text(draftBytes);
    assertThat(draft).contains("UBND TỈNH NGHỆ AN", "Số:        /BC-BCĐ", ReportDocuments.DRAFT,
        "I. TÌNH HÌNH, KẾT QUẢ SƠ KẾT Ở CÁC ĐƠN VỊ, ĐỊA PHƯƠNG", "TM. BAN CHỈ ĐẠO");
    assertThat(draft).anySatisfy(line -> assertThat(line).contains("Mô hình «Camera an ninh khu dân cư» ở phường Hưng Bình"));
    assertThat(draft).anySatisfy(line -> assertThat(line).startsWith("- UBND thành phố Vinh: Kiến nghị, đề xuất: "));
    List<List<String>> table = unitTable(draftBytes);
    assertThat(table.get(0)).containsExactly(ReportDocuments.UNIT_TABLE);
    assertThat(table.get(1)).containsSubsequence("1", "UBND thành phố Vinh", "Đúng hạn", "5", "4", "3", "Tốt");
    assertThat(table.get(2)).containsSubsequence("2", "Sở Y tế", "Đúng hạn", "5", "4", "3", "Tốt");
    assertThat(table.get(3)).containsExactly("", "Tổng cộng", "", "", "10", "8", "6", "");
    assertTimesNewRoman(draftBytes);

    assertStatus(put("docspv01", "/api/campaigns/" + CODE + "/provincial-report", Map.of(
        "conclusions", "Các đơn vị đã tổ chức sơ kết nghiêm túc, đúng hướng dẫn.",
        "commendations", "Đề nghị tặng Giấy khen cho 02 tập thể.")), 200);
    // The provincial report's read, by those who follow the province; a unit may not.
    String provincialReport = "/api/campaigns/" + CODE + "/provincial-report";
    for (String reader : List.of("docspv01", "docsmanager")) {
      var read = as(reader).getForEntity(provincialReport, String.class);
      assertStatus(read, 200);
      assertThat(read.getBody()).contains("Các đơn vị đã tổ chức sơ kết nghiêm túc, đúng hướng dẫn.");
    }
    assertStatus(as("docsvinh").getForEntity(provincialReport, String.class), 403);
    engine.getTaskService().complete(task(CODE, CampaignProcess.Element.COMPILE_PROVINCIAL_REPORT).getId());
    engine.getIdentityService().setAuthentication("docslead", List.of("pv01lead"));
    try {
      engine.getTaskService().complete(task(CODE, CampaignProcess.Element.APPROVE_PROVINCIAL_REPORT).getId(),
          Map.of("provincialDecision", CampaignProcess.APPROVE));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    List<String> approved = text(download("docsmanager", provincialPath));
    assertThat(approved).doesNotContain(ReportDocuments.DRAFT);
    assertThat(approved).contains("IV. NHẬN XÉT, KẾT LUẬN", "Các đơn vị đã tổ chức sơ kết nghiêm túc, đúng hướng dẫn.",
        "Đề nghị tặng Giấy khen cho 02 tập thể.", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "docslead test");
  }

  /** Every paragraph of the document, in tables too, as text; a subject's draft mark is a line of its own. */
  static List<String> text(byte[] docx) {
    return Docx.lines(docx);
  }

  /** The rows of the statistics table: the table whose header starts with STT and Đơn vị. */
  static List<List<String>> unitTable(byte[] docx) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      for (XWPFTable table : document.getTables()) {
        if (table.getRow(0).getCell(0).getText().equals("STT") && table.getRow(0).getCell(1).getText().equals("Đơn vị")) {
          return table.getRows().stream().map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList())
              .toList();
        }
      }
    }
    throw new AssertionError("no unit table");
  }

  static void assertTimesNewRoman(byte[] docx) throws Exception {
    try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFRun> runs = new ArrayList<>();
      document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
      document.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
          .forEach(c -> c.getParagraphs().forEach(p -> runs.addAll(p.getRuns())))));
      assertThat(runs).isNotEmpty().allSatisfy(run -> assertThat(run.getFontFamily()).isEqualTo("Times New Roman"));
      List<XWPFRun> body = document.getParagraphs().stream().flatMap(p -> p.getRuns().stream())
          .filter(run -> !run.text().isBlank()).toList();
      assertThat(body).allSatisfy(run -> assertThat(run.getFontSizeAsDouble()).isBetween(13.0, 14.0));
    }
  }
}
