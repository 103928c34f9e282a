package vn.nghean.review.record;

import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;
import vn.nghean.review.system.NotFoundException;

/** The provincial report: read by the province's readers, written by PV01 while compiling. */
@RestController
@RequestMapping("/api/campaigns/{campaignCode}/provincial-report")
class ProvincialReportController {

  private final ProvincialReportService provincialReports;
  private final ReportAccess access;

  ProvincialReportController(ProvincialReportService provincialReports, ReportAccess access) {
    this.provincialReports = provincialReports;
    this.access = access;
  }

  @GetMapping
  ProvincialReportView read(@PathVariable String campaignCode,
      @AuthenticationPrincipal CurrentUser user) {
    access.requireProvincialReader(user);
    return view(find(campaignCode), access.provincialReportEditable(user, campaignCode),
        provincialReports.unitLines(campaignCode));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ProvincialReportView write(@PathVariable String campaignCode, @RequestBody Conclusions body,
      @AuthenticationPrincipal CurrentUser user) {
    if (!access.provincialReportEditable(user, campaignCode)) {
      throw new ForbiddenException("Chỉ PV01 được sửa báo cáo toàn tỉnh, khi đang ở bước «Tổng hợp báo cáo toàn tỉnh»");
    }
    return view(provincialReports.write(campaignCode, body.conclusions(), body.commendations(), user.id()), true,
        provincialReports.unitLines(campaignCode));
  }

  private ProvincialReport find(String campaignCode) {
    return provincialReports.find(campaignCode)
        .orElseThrow(() -> new NotFoundException("Chưa có dự thảo báo cáo toàn tỉnh của đợt " + campaignCode));
  }

  private static ProvincialReportView view(ProvincialReport r, boolean editable,
      List<ProvincialReportService.UnitLine> units) {
    return new ProvincialReportView(r.getCampaignCode(), editable, r.getStatistics(), units, r.getGoodPractices(),
        r.getRecommendations(), r.getConclusions(), r.getCommendations(), r.getPreparedAt(), r.getUpdatedAt(),
        r.getUpdatedBy());
  }

  record Conclusions(String conclusions, String commendations) {}

  record ProvincialReportView(String campaignCode, boolean editable, String statistics,
      List<ProvincialReportService.UnitLine> units, String goodPractices,
      String recommendations, String conclusions, String commendations, Instant preparedAt, Instant updatedAt,
      String updatedBy) {}
}
