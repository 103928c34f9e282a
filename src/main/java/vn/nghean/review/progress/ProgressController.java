package vn.nghean.review.progress;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;
import vn.nghean.review.system.Downloads;

/** Campaigns and their progress, for PV01, the Steering Committee and provincial leaders. */
@RestController
class ProgressController {

  private final ProgressService progress;

  ProgressController(ProgressService progress) {
    this.progress = progress;
  }

  @GetMapping("/api/campaigns")
  List<ProgressService.CampaignSummary> campaigns(@AuthenticationPrincipal CurrentUser user) {
    requireProvincialReader(user);
    return progress.campaigns();
  }

  @GetMapping("/api/campaigns/{campaignCode}/progress")
  ProgressService.CampaignProgress of(@PathVariable String campaignCode,
      @AuthenticationPrincipal CurrentUser user) {
    requireProvincialReader(user);
    return progress.of(campaignCode);
  }

  @GetMapping("/api/campaigns/{campaignCode}/progress.xlsx")
  ResponseEntity<byte[]> workbook(@PathVariable String campaignCode,
      @AuthenticationPrincipal CurrentUser user) {
    requireProvincialReader(user);
    return Downloads.file("tien-do-" + campaignCode + ".xlsx", Downloads.XLSX,
        ProgressWorkbook.of(progress.of(campaignCode)));
  }

  private static void requireProvincialReader(CurrentUser user) {
    if (!user.readsWholeProvince()) {
      throw new ForbiddenException("Tiến độ toàn tỉnh chỉ dành cho PV01, Ban Chỉ đạo và lãnh đạo tỉnh");
    }
  }
}
