package vn.nghean.review.unitreview;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;

/** PV01's request that an overdue unit explain itself. */
@RestController
class ExplanationController {

  private final ExplanationRequests requests;

  ExplanationController(ExplanationRequests requests) {
    this.requests = requests;
  }

  record Request(String note) {}

  @PostMapping("/api/campaigns/{campaignCode}/units/{unitCode}/explanation-request")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void request(@PathVariable String campaignCode, @PathVariable String unitCode, @RequestBody(required = false) Request body,
      @AuthenticationPrincipal CurrentUser user) {
    requests.request(user, campaignCode, unitCode, body == null ? null : body.note());
  }
}
