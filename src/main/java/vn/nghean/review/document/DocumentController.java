package vn.nghean.review.document;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.record.ReportAccess;
import vn.nghean.review.system.Downloads;

/** Reports as .docx downloads: a unit gets only its own; the province gets every one. */
@RestController
class DocumentController {

  private final ReportDocuments documents;
  private final ReportAccess access;

  DocumentController(ReportDocuments documents, ReportAccess access) {
    this.documents = documents;
    this.access = access;
  }

  @GetMapping("/api/campaigns/{campaignCode}/units/{unitCode}/report.docx")
  ResponseEntity<byte[]> unitReport(@PathVariable String campaignCode, @PathVariable String unitCode,
      @AuthenticationPrincipal CurrentUser user) {
    user.requireReadAccess(unitCode);
    return Downloads.file("bao-cao-so-ket-" + campaignCode + "-" + unitCode + ".docx", Downloads.DOCX,
        documents.unitReport(campaignCode, unitCode));
  }

  @GetMapping("/api/campaigns/{campaignCode}/provincial-report.docx")
  ResponseEntity<byte[]> provincialReport(@PathVariable String campaignCode,
      @AuthenticationPrincipal CurrentUser user) {
    access.requireProvincialReader(user);
    return Downloads.file("bao-cao-so-ket-toan-tinh-" + campaignCode + ".docx", Downloads.DOCX,
        documents.provincialReport(campaignCode));
  }
}
