package vn.nghean.review.unitreview;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.nghean.review.deadline.DeadlineEvent;
import vn.nghean.review.deadline.DeadlineRecords;
import vn.nghean.review.identity.CurrentUser;
import vn.nghean.review.system.Downloads;
import vn.nghean.review.system.NotFoundException;
import vn.nghean.review.record.ReportService;
import vn.nghean.review.record.ReportAccess;
import vn.nghean.review.record.ReportDraft;
import vn.nghean.review.record.ReportAttachment;
import vn.nghean.review.record.UnitReport;
import vn.nghean.review.record.ReportSection;
import vn.nghean.review.record.ReportDecision;

/** A unit's report: read by the unit and the province, written by the unit's officers while drafting. */
@RestController
@RequestMapping("/api/campaigns/{campaignCode}/units/{unitCode}/report")
class UnitRecordController {

  private final ReportService reports;
  private final ReportAccess access;
  private final DeadlineRecords deadlineRecords;

  UnitRecordController(ReportService reports, ReportAccess access, DeadlineRecords deadlineRecords) {
    this.reports = reports;
    this.access = access;
    this.deadlineRecords = deadlineRecords;
  }

  @GetMapping
  ReportView read(@PathVariable String campaignCode, @PathVariable String unitCode,
      @AuthenticationPrincipal CurrentUser user) {
    user.requireReadAccess(unitCode);
    return view(reports.get(campaignCode, unitCode), access.unitReportEditable(user, campaignCode, unitCode));
  }

  @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ReportView write(@PathVariable String campaignCode, @PathVariable String unitCode, @RequestBody ReportDraft draft,
      @AuthenticationPrincipal CurrentUser user) {
    access.requireUnitReportEditable(user, campaignCode, unitCode);
    return view(reports.saveDraft(campaignCode, unitCode, draft, user.id()), true);
  }

  @PostMapping(path = "/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  AttachmentView attach(@PathVariable String campaignCode, @PathVariable String unitCode,
      @RequestParam("file") MultipartFile file, @AuthenticationPrincipal CurrentUser user)
      throws IOException {
    access.requireUnitReportEditable(user, campaignCode, unitCode);
    return AttachmentView.of(reports.attach(campaignCode, unitCode, file.getOriginalFilename(),
        file.getContentType(), file.getBytes(), user.id()));
  }

  @GetMapping("/attachment")
  ResponseEntity<byte[]> download(@PathVariable String campaignCode, @PathVariable String unitCode,
      @AuthenticationPrincipal CurrentUser user) {
    user.requireReadAccess(unitCode);
    ReportAttachment file = reports.attachment(campaignCode, unitCode)
        .orElseThrow(() -> new NotFoundException("Đơn vị chưa đính kèm báo cáo có chữ ký"));
    return Downloads.file(file.getFileName(), MediaType.APPLICATION_OCTET_STREAM, file.getContent());
  }

  private ReportView view(UnitReport report, boolean editable) {
    AttachmentView attachment = reports.attachment(report.getCampaignCode(), report.getUnitCode())
        .map(AttachmentView::of).orElse(null);
    List<DecisionView> decisions = reports.decisions(report.getCampaignCode(), report.getUnitCode()).stream()
        .map(DecisionView::of).toList();
    List<DeadlineEventView> deadlineEvents = deadlineRecords.ofUnit(report.getCampaignCode(), report.getUnitCode())
        .stream().map(DeadlineEventView::of).toList();
    return new ReportView(report.getCampaignCode(), report.getUnitCode(), report.getUnitName(),
        report.getStatus().name(), report.getStatus().label(), editable, report.isOverdue(),
        report.getEscalationCount(), report.sections(),
        report.getModelUnitsBuilt(), report.getModelUnitsRecognised(), report.getModelsInOperation(),
        report.getNominations(), report.getUpdatedAt(), report.getUpdatedBy(), report.getFirstSubmittedAt(),
        report.getLastSubmittedAt(), report.getSubmittedOnTime(),
        report.getRating() == null ? null : report.getRating().label(), report.getSelectedPractices(),
        attachment, decisions, report.getExplanationReason(), report.getExplanationCommittedDate(),
        report.getExplainedAt(), deadlineEvents, SECTIONS);
  }

  /** The report's sections in the plan's order, with their titles: the forms show these, never a copy. */
  static final List<SectionView> SECTIONS = java.util.Arrays.stream(ReportSection.values())
      .map(section -> new SectionView(section.name(), section.title())).toList();

  record SectionView(String key, String title) {}

  record ReportView(String campaignCode, String unitCode, String unitName, String status, String statusLabel,
      boolean editable, boolean overdue, int escalationCount, Map<ReportSection, String> sections, Integer modelUnitsBuilt, Integer modelUnitsRecognised,
      Integer modelsInOperation, String nominations, Instant updatedAt, String updatedBy, Instant firstSubmittedAt,
      Instant lastSubmittedAt, Boolean submittedOnTime, String rating, String selectedPractices,
      AttachmentView attachment, List<DecisionView> decisions, String explanationReason,
      Instant explanationCommittedDate, Instant explainedAt, List<DeadlineEventView> deadlineEvents,
      List<SectionView> sectionTitles) {}

  /** A reminder, escalation or explanation: recipients by role, who acted, the date promised, their words. */
  record DeadlineEventView(String kind, String label, int level, Instant occurredAt, String recipients,
      boolean skipped, String actor, Instant committedDate, String note) {
    static DeadlineEventView of(DeadlineEvent e) {
      return new DeadlineEventView(e.getKind().name(), e.getKind().label(), e.getLevel(), e.getOccurredAt(),
          e.getRecipients(), e.isSkipped(), e.getActor(), e.getCommittedDate(), e.getNote());
    }
  }

  record AttachmentView(String fileName, long size, Instant uploadedAt, String uploadedBy) {
    static AttachmentView of(ReportAttachment a) {
      return new AttachmentView(a.getFileName(), a.getSize(), a.getUploadedAt(), a.getUploadedBy());
    }
  }

  record DecisionView(String stage, String stageLabel, String decision, String decisionLabel, String comment,
      String decidedBy, Instant decidedAt, Instant revisionDueAt) {
    static DecisionView of(ReportDecision d) {
      return new DecisionView(d.getStage().name(), d.getStage().label(), d.getDecision(), d.decisionLabel(),
          d.getComment(), d.getDecidedBy(), d.getDecidedAt(), d.getRevisionDueAt());
    }
  }
}
