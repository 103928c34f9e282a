package vn.nghean.review.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.nghean.review.process.UnitReviewProcess;
import vn.nghean.review.campaign.CampaignService;
import vn.nghean.review.campaign.CampaignUnit;
import vn.nghean.review.shared.VietnamTime;
import vn.nghean.review.support.DemoApplicationTestBase;
import vn.nghean.review.support.Docx;

/**
 * The registry after the 2025 reform, on the demo: a campaign takes the units that exist on its
 * start day; an edition loaded by an administrator changes the campaigns started after it and never
 * one started before; a bad edition is refused whole, in Vietnamese, with nothing changed.
 */
class RegistryEditionsTest extends DemoApplicationTestBase {

  static final LocalDate LAST_DAY_OF_DISTRICTS = LocalDate.of(2025, 6, 30);
  static final LocalDate FIRST_DAY_OF_COMMUNES = LocalDate.of(2025, 7, 1);

  @Autowired CampaignService campaigns;
  @Autowired UnitRegistry registry;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aCampaignShouldTakeTheDistrictsOnThe30thOfJuneAndTheCommunesOnThe1stOfJuly() {
    onEngineClock(LAST_DAY_OF_DISTRICTS);
    assertStatus(startCampaign(PV01, "SK-KY-30-06-2025", ""), 200);
    onEngineClock(FIRST_DAY_OF_COMMUNES);
    assertStatus(startCampaign(PV01, "SK-KY-01-07-2025", ""), 200);

    List<CampaignUnit> june = campaigns.units("SK-KY-30-06-2025");
    assertThat(june).filteredOn(u -> u.getKind() == UnitKind.DISTRICT).hasSize(21);
    assertThat(june).filteredOn(u -> u.getKind() == UnitKind.COMMUNE).isEmpty();
    // Sở Lao động - Thương binh và Xã hội ended on 28/02/2025: eight departments remain.
    assertThat(june).filteredOn(u -> u.getKind() == UnitKind.DEPARTMENT).hasSize(8);
    List<CampaignUnit> july = campaigns.units("SK-KY-01-07-2025");
    assertThat(july).filteredOn(u -> u.getKind() == UnitKind.COMMUNE).hasSize(130);
    assertThat(july).filteredOn(u -> u.getKind() == UnitKind.DISTRICT).isEmpty();
    assertThat(july).filteredOn(u -> u.getKind() == UnitKind.DEPARTMENT).hasSize(8);
    CampaignUnit anhSon = july.stream().filter(u -> u.getUnitCode().equals("ANHSONXA")).findFirst().orElseThrow();
    assertThat(anhSon.getName()).isEqualTo("UBND xã Anh Sơn");
    assertThat(anhSon.getGsoCode()).isEqualTo("17329");
    assertThat(anhSon.getIssuingBody()).isEqualTo(new IssuingBody(null, "ỦY BAN NHÂN DÂN\nXÃ ANH SƠN", "BC-UBND", "Anh Sơn"));

    // The district's old code after the reform is refused, with the code to look for.
    ResponseEntity<String> district = startCampaign(PV01, "SK-KY-ANHSON", "ANHSON, SOYTE");
    assertStatus(district, 400);
    assertThat(read(district).path("message").asText()).contains("UBND huyện Anh Sơn (mã ANHSON) chỉ tồn tại đến hết"
        + " ngày 30/06/2025, không tham gia đợt sơ kết theo danh mục ngày 01/07/2025; kiểm tra lại mã đơn vị");
    assertThat(campaigns.find("SK-KY-ANHSON")).isEmpty();
  }

  @Test
  void theStartFormShouldBeOfferedTheUnitsOfTheDay() {
    JsonNode today = read(as(PV01).getForEntity("/api/units", String.class));
    assertThat(today).hasSize(138);
    JsonNode june = read(as(PV01).getForEntity("/api/units?at=30/06/2025", String.class));
    assertThat(june).hasSize(29);
    assertThat(june.get(0).path("code").asText()).isEqualTo("VINH");
    assertThat(today.findValuesAsText("gsoCode")).contains("17329");
    assertStatus(as(PV01).getForEntity("/api/units?at=31/02/2025", String.class), 400);
  }

  @Test
  void aCommuneReportShouldBeHeadedByItsPeoplesCommittee() {
    assertStatus(startCampaign(PV01, "SK-XA-2026", "ANHSONXA, CUALOPHUONG"), 200);
    issueGuidance("SK-XA-2026");

    List<String> anhSon = Docx.lines(download("anhsonxaofficer", "/api/campaigns/SK-XA-2026/units/ANHSONXA/report.docx"));
    assertThat(anhSon).contains("ỦY BAN NHÂN DÂN\nXÃ ANH SƠN", "Số:        /BC-UBND", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
    assertThat(anhSon).anySatisfy(line -> assertThat(line).matches("Anh Sơn, ngày \\d{2} tháng \\d{1,2} năm \\d{4}"));
    List<String> cuaLo = Docx.lines(download(PV01, "/api/campaigns/SK-XA-2026/units/CUALOPHUONG/report.docx"));
    assertThat(cuaLo).contains("ỦY BAN NHÂN DÂN\nPHƯỜNG CỬA LÒ");
    assertThat(cuaLo).anySatisfy(line -> assertThat(line).startsWith("Cửa Lò, ngày "));
    // The commune's officer sees the commune's own name on their task.
    assertThat(engine.getRuntimeService().getVariable(task("SK-XA-2026/ANHSONXA",
        UnitReviewProcess.Element.CHOOSE_REVIEW_FORMAT)
        .getProcessInstanceId(), "unitName")).isEqualTo("UBND xã Anh Sơn");
  }

  @Test
  void anEditionShouldChangeTheCampaignsStartedAfterItAndNoneBefore() {
    String vinhPath = "/api/campaigns/" + DEMO_CAMPAIGN + "/units/VINH/report.docx";
    String soYtePath = "/api/campaigns/" + DEMO_CAMPAIGN + "/units/SOYTE/report.docx";
    List<String> vinhBefore = Docx.lines(download(PV01, vinhPath));
    List<String> soYteBefore = Docx.lines(download(PV01, soYtePath));
    String progressBefore = progressNames(DEMO_CAMPAIGN);
    assertThat(vinhBefore).contains("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ VINH");
    assertThat(soYteBefore).contains("SỞ Y TẾ");

    String current = currentEdition();
    String renamed = current.replace("SOYTE;DEPARTMENT;Sở Y tế;", "SOYTE;DEPARTMENT;Sở Y tế tỉnh Nghệ An;")
        .replace("VINH;DISTRICT;UBND thành phố Vinh;", "VINH;DISTRICT;UBND thành phố Vinh (trước 01/07/2025);");
    ResponseEntity<String> loaded = upload(ADMIN, renamed, false);
    assertStatus(loaded, 201);
    JsonNode verdict = read(loaded);
    assertThat(verdict.path("changes").path("changed").toString())
        .contains("SOYTE: tên «Sở Y tế» thành «Sở Y tế tỉnh Nghệ An»");
    long edition = verdict.path("id").asLong();
    assertThat(registry.edition().id()).isEqualTo(edition);

    // The 2023–2024 campaign reads as it did: its documents, its progress view, its units' names.
    assertThat(Docx.lines(download(PV01, vinhPath))).isEqualTo(vinhBefore);
    assertThat(Docx.lines(download(PV01, soYtePath))).isEqualTo(soYteBefore);
    assertThat(progressNames(DEMO_CAMPAIGN)).isEqualTo(progressBefore).contains("Sở Y tế,").doesNotContain("tỉnh Nghệ An");
    // A campaign started now takes the new name.
    assertStatus(startCampaign(PV01, "SK-SAU-PHIEN-BAN", "SOYTE"), 200);
    assertThat(campaigns.units("SK-SAU-PHIEN-BAN")).singleElement().extracting(CampaignUnit::getName)
        .isEqualTo("Sở Y tế tỉnh Nghệ An");

    JsonNode editions = read(as(ADMIN).getForEntity("/api/registry/editions", String.class));
    assertThat(editions.get(0).path("id").asLong()).isEqualTo(edition);
    assertThat(editions.get(0).path("loadedBy").asText()).isEqualTo(ADMIN);
    assertThat(editions.get(0).path("changes").toString()).contains("sửa 2");
    assertThat(editions.get(editions.size() - 1).path("loadedBy").asText()).isEqualTo(UnitRegistry.SYSTEM);
    assertThat(currentEdition()).isEqualTo(renamed);
  }

  @Test
  void aBadEditionShouldBeRefusedWholeWithEveryProblemAndNothingChanged() {
    String current = currentEdition();
    long edition = registry.edition().id();
    int editions = read(as(ADMIN).getForEntity("/api/registry/editions", String.class)).size();
    // A file that cannot be read as a registry: a code twice, a kind that does not exist.
    String unreadable = current + "SOYTE;DEPARTMENT;Sở Y tế (bản sao);;;;;;\n" + "MOIXA;WARD;UBND đặc khu Mới;;;2025-07-01;;;\n";
    ResponseEntity<String> refused = upload(ADMIN, unreadable, false);
    assertStatus(refused, 400);
    assertThat(read(refused).path("problems").toString()).contains("mã SOYTE đã có ở một dòng trước",
        "loại «WARD» không có");
    // A readable file that would drop a unit the demo's campaign still waits for (Thái Hòa), and turn
    // a district's code into a commune's.
    String harmful = current.lines().filter(line -> !line.startsWith("THAIHOA;"))
        .map(line -> line.startsWith("ANHSON;DISTRICT;") ? line.replace("ANHSON;DISTRICT;", "ANHSON;COMMUNE;") : line)
        .collect(Collectors.joining("\n", "", "\n"));
    ResponseEntity<String> refusedToo = upload(ADMIN, harmful, false);
    assertStatus(refusedToo, 400);
    assertThat(read(refusedToo).path("problems").toString()).contains(
        "UBND thị xã Thái Hòa (mã THAIHOA) bị bỏ khỏi danh mục trong khi đợt sơ kết " + DEMO_CAMPAIGN,
        "mã ANHSON là UBND cấp huyện (DISTRICT) ở phiên bản " + edition + ", không đổi thành UBND xã, phường (COMMUNE)");
    // The same edition again changes nothing, and is said so.
    ResponseEntity<String> same = upload(ADMIN, current, false);
    assertStatus(same, 400);
    assertThat(read(same).path("message").asText()).contains("giống hệt phiên bản " + edition);

    // Nothing changed: the same edition in use, none recorded, Thái Hòa still there.
    assertThat(registry.edition().id()).isEqualTo(edition);
    assertThat(read(as(ADMIN).getForEntity("/api/registry/editions", String.class))).hasSize(editions);
    assertThat(currentEdition()).isEqualTo(current);
    assertThat(registry.find("THAIHOA")).isPresent();
    assertThat(registry.find("MOIXA")).isEmpty();

    // Checking a good edition answers what it would change and loads nothing.
    String good = current + "DACKHUXA;COMMUNE;UBND đặc khu Thử;;;2025-07-01;;;\n";
    ResponseEntity<String> checked = upload(ADMIN, good, true);
    assertStatus(checked, 200);
    assertThat(read(checked).path("changes").path("added").toString()).contains("DACKHUXA (UBND đặc khu Thử)");
    assertThat(registry.find("DACKHUXA")).isEmpty();
    // Only an administrator loads editions or reads the registry's addresses.
    assertStatus(upload(PV01, good, false), 403);
    assertStatus(as(PV01).getForEntity("/api/registry", String.class), 403);
    assertThat(registry.edition().id()).isEqualTo(edition);
  }

  /** The units' names as the campaign's progress view lists them. */
  String progressNames(String campaign) {
    JsonNode progress = read(as(PV01).getForEntity("/api/campaigns/" + campaign + "/progress", String.class));
    StringBuilder names = new StringBuilder();
    progress.path("units").forEach(unit -> names.append(unit.path("unitName").asText()).append(", "));
    return names.toString();
  }

  String currentEdition() {
    ResponseEntity<String> current = as(ADMIN).getForEntity("/api/registry", String.class);
    assertStatus(current, 200);
    return current.getBody();
  }

  ResponseEntity<String> upload(String user, String csv, boolean check) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
    return as(user).exchange("/api/registry/editions?source=thu-nghiem.csv&check=" + check, HttpMethod.POST,
        new HttpEntity<>(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers), String.class);
  }

  byte[] download(String user, String path) {
    ResponseEntity<byte[]> response = as(user).getForEntity(path, byte[].class);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
    return response.getBody();
  }

  static void onEngineClock(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(9, 0)).atZone(VietnamTime.ZONE).toInstant()));
  }
}
