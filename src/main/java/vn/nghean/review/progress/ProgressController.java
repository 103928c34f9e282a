package vn.nghean.review.progress;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.identity.ForbiddenException;

/** A campaign's progress, for PV01, the Steering Committee and provincial leaders. */
@RestController
class ProgressController {

  private final ProgressService progress;

  ProgressController(ProgressService progress) {
    this.progress = progress;
  }

  @GetMapping("/api/campaigns/{campaignCode}/progress")
  ProgressService.CampaignProgress of(@PathVariable String campaignCode,
      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
    if (!user.readsWholeProvince()) {
      throw new ForbiddenException("Tiến độ toàn tỉnh chỉ dành cho PV01, Ban Chỉ đạo và lãnh đạo tỉnh");
    }
    return progress.of(campaignCode);
  }
}
