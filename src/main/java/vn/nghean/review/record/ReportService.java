package vn.nghean.review.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.shared.VietnamTime;

/** Keeps each unit's report and record. Joins the engine's transaction when called from a step. */
@Service
@Transactional
public class ReportService {

  static final int NOMINATIONS_MAX_LENGTH = ReportSection.MAX_LENGTH;
  static final Set<String> ATTACHMENT_TYPES = Set.of("pdf", "doc", "docx", "jpg", "jpeg", "png");
  /** The most records whose id {@link #find} keeps at hand: a national campaign's units. */
  static final int KNOWN_IDS = 100_000;

  private final UnitReportRepository reports;
  private final ReportAttachmentRepository attachments;
  private final ReportDecisionRepository decisions;
  private final EntityManager entities;
  /**
   * Each record's id by its natural id (campaign and unit, joined by a line break). A row's id never
   * changes and is never given to another row, so every node may keep it for as long as it likes; an
   * id whose row is not there (its creation rolled back), or is another unit's (a backup restored
   * under a running node, which README's restores never do), is dropped on sight.
   */
  private final Cache<String, Long> ids = Caffeine.newBuilder().maximumSize(KNOWN_IDS).build();

  public ReportService(UnitReportRepository reports, ReportAttachmentRepository attachments,
      ReportDecisionRepository decisions, EntityManager entities) {
    this.entities = entities;
    this.reports = reports;
    this.attachments = attachments;
    this.decisions = decisions;
  }

  /** The unit's record for this campaign, created on the unit's first step, due by the report deadline. */
  public UnitReport open(String campaignCode, String unitCode, String unitName, String processInstanceId,
      Instant reportDeadline) {
    return find(campaignCode, unitCode)
        .orElseGet(() -> reports.save(new UnitReport(campaignCode, unitCode, unitName, processInstanceId,
            reportDeadline)));
  }

  /**
   * The unit's record by its natural id. A step asks for it several times (its listeners, the due
   * dates of its timers): Hibernate answers from the record the transaction already holds, without a
   * query, and so without flushing every entity of the transaction first — which made each unit of
   * a 100-unit start batch slower than the one before it (docs/performance.md). The record's id, once
   * known, finds it by primary key: the record the transaction holds, or one query Hibernate has
   * prepared once; a look-up by natural id builds and translates its query anew on every call (8 %
   * of the officers' threads in a 500-unit run; docs/performance.md, "The record found by its id").
   */
  @Transactional(readOnly = true)
  public Optional<UnitReport> find(String campaignCode, String unitCode) {
    String key = campaignCode + "\n" + unitCode;
    Long id = ids.getIfPresent(key);
    if (id != null) {
      UnitReport known = entities.find(UnitReport.class, id);
      if (known != null && known.getCampaignCode().equals(campaignCode) && known.getUnitCode().equals(unitCode)) {
        return Optional.of(known);
      }
      ids.invalidate(key); // its creation rolled back, or a database put back under a running node
    }
    Optional<UnitReport> found = entities.unwrap(Session.class).byNaturalId(UnitReport.class)
        .using("campaignCode", campaignCode).using("unitCode", unitCode).loadOptional();
    found.ifPresent(report -> ids.put(key, report.getId()));
    return found;
  }

  @Transactional(readOnly = true)
  public UnitReport get(String campaignCode, String unitCode) {
    return find(campaignCode, unitCode).orElseThrow(() -> new ReportNotFoundException(campaignCode, unitCode));
  }

  /** Every unit of a campaign without the report text, in the order the units were opened. */
  @Transactional(readOnly = true)
  public List<UnitReportSummary> summaries(String campaignCode) {
    return reports.summaries(campaignCode);
  }

  @Transactional(readOnly = true)
  public List<UnitReport> byCampaign(String campaignCode) {
    return reports.findByCampaignCodeOrderByUnitCode(campaignCode);
  }

  /** @return whether the status changed */
  public boolean setStatus(String campaignCode, String unitCode, UnitStatus status) {
    UnitReport report = get(campaignCode, unitCode);
    if (report.getStatus() == status) {
      return false;
    }
    report.setStatus(status);
    return true;
  }

  public void roundStarted(String campaignCode, String unitCode, Instant at) {
    get(campaignCode, unitCode).roundStarted(at);
  }

  /**
   * Marks the unit's review ended; true the first time only, so that however often its end is
   * signalled the campaign counts the unit once.
   */
  public boolean markEnded(String campaignCode, String unitCode, Instant at) {
    return reports.markEnded(campaignCode, unitCode, at) == 1;
  }

  /** Saves the officer's draft whole; refuses it, changing nothing, when a part is invalid. */
  public UnitReport saveDraft(String campaignCode, String unitCode, ReportDraft draft, String userId) {
    List<String> problems = new ArrayList<>();
    Map<ReportSection, String> sections = draft.sections() == null ? Map.of() : draft.sections();
    for (Map.Entry<ReportSection, String> section : sections.entrySet()) {
      if (section.getValue() != null && section.getValue().length() > ReportSection.MAX_LENGTH) {
        problems.add("mục «" + section.getKey().title() + "» dài quá " + ReportSection.MAX_LENGTH + " ký tự");
      }
    }
    checkFigure(problems, "Số mô hình, điển hình được xây dựng", draft.modelUnitsBuilt());
    checkFigure(problems, "Số mô hình, điển hình được công nhận", draft.modelUnitsRecognised());
    checkFigure(problems, "Số mô hình đang hoạt động", draft.modelsInOperation());
    if (draft.nominations() != null && draft.nominations().length() > NOMINATIONS_MAX_LENGTH) {
      problems.add("đề xuất khen thưởng dài quá " + NOMINATIONS_MAX_LENGTH + " ký tự");
    }
    InvalidInputException.throwIfAny(problems);

    UnitReport report = get(campaignCode, unitCode);
    for (ReportSection section : ReportSection.values()) {
      report.setSection(section, sections.get(section));
    }
    report.setFigures(draft.modelUnitsBuilt(), draft.modelUnitsRecognised(), draft.modelsInOperation());
    report.setNominations(draft.nominations());
    report.touched(userId, VietnamTime.nowInstant());
    return report;
  }

  private static void checkFigure(List<String> problems, String label, Integer value) {
    if (value != null && value < 0) {
      problems.add("«" + label + "» không được âm");
    }
  }

  /** What the report still lacks before it can go to the leader, in Vietnamese; empty when complete. */
  @Transactional(readOnly = true)
  public List<String> missingParts(String campaignCode, String unitCode) {
    UnitReport report = get(campaignCode, unitCode);
    List<String> missing = new ArrayList<>();
    report.sections().forEach((section, text) -> {
      if (text == null || text.isBlank()) {
        missing.add("chưa viết mục «" + section.title() + "»");
      }
    });
    if (report.getModelUnitsBuilt() == null || report.getModelUnitsRecognised() == null
        || report.getModelsInOperation() == null) {
      missing.add("chưa nhập đủ các số liệu chính");
    }
    return missing;
  }

  /**
   * Records that the report went to the Steering Committee at {@code at}.
   *
   * @return whether the first submission was on time
   */
  public boolean submit(String campaignCode, String unitCode, Instant at, Instant deadline) {
    UnitReport report = get(campaignCode, unitCode);
    report.submitted(at, !at.isAfter(deadline));
    return report.getSubmittedOnTime();
  }

  public void recordDecision(ReportDecision decision) {
    decisions.save(decision);
  }

  @Transactional(readOnly = true)
  public List<ReportDecision> decisions(String campaignCode, String unitCode) {
    return decisions.findByCampaignCodeAndUnitCodeOrderByDecidedAt(campaignCode, unitCode);
  }

  public void accept(String campaignCode, String unitCode, Instant at, Rating rating, String selectedPractices) {
    get(campaignCode, unitCode).accepted(at, rating, selectedPractices);
  }

  /** Closes the unit at the synthesis cut-off; one that never submitted becomes not submitted. */
  public UnitStatus closeAtCutoff(String campaignCode, String unitCode) {
    UnitReport report = get(campaignCode, unitCode);
    report.closedAtCutoff();
    return report.getStatus();
  }

  public void markOverdue(String campaignCode, String unitCode) {
    get(campaignCode, unitCode).markedOverdue();
  }

  /** @return how many times the unit has now been escalated in this round */
  public int escalate(String campaignCode, String unitCode) {
    UnitReport report = get(campaignCode, unitCode);
    report.escalated();
    return report.getEscalationCount();
  }

  /**
   * A revision round starts, due by the date of PV01's latest revision request (recorded with the
   * decision): the unit is no longer overdue.
   *
   * @return PV01's revision request: what to revise, and by when
   */
  public ReportDecision startRevisionRound(String campaignCode, String unitCode) {
    ReportDecision request = decisions.findByCampaignCodeAndUnitCodeOrderByDecidedAt(campaignCode, unitCode).stream()
        .filter(d -> d.getStage() == ReportDecision.Stage.EVALUATION && d.getRevisionDueAt() != null)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new IllegalStateException("No revision request of " + campaignCode + "/" + unitCode));
    get(campaignCode, unitCode).newRound(request.getRevisionDueAt());
    return request;
  }

  public void recordExplanation(String campaignCode, String unitCode, String reason, Instant committedDate, Instant at) {
    get(campaignCode, unitCode).explained(reason, committedDate, at);
  }

  /** Stores the signed report file, replacing the previous one. */
  public ReportAttachment attach(String campaignCode, String unitCode, String fileName, String contentType,
      byte[] content, String userId) {
    String safeName = safeFileName(fileName);
    String extension = safeName.contains(".")
        ? safeName.substring(safeName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    List<String> problems = new ArrayList<>();
    if (!ATTACHMENT_TYPES.contains(extension)) {
      problems.add("tệp đính kèm phải là PDF, Word (doc, docx) hoặc ảnh (jpg, png)");
    }
    if (content.length == 0) {
      problems.add("tệp đính kèm rỗng");
    }
    if (content.length > ReportAttachment.MAX_SIZE) {
      problems.add("tệp đính kèm lớn quá 10 MB");
    }
    InvalidInputException.throwIfAny(problems);
    UnitReport report = get(campaignCode, unitCode);
    ReportAttachment attachment = attachments.findByReportId(report.getId())
        .orElseGet(() -> new ReportAttachment(report.getId()));
    attachment.replace(safeName, contentType == null ? "application/octet-stream" : contentType, content, userId,
        VietnamTime.nowInstant());
    return attachments.save(attachment);
  }

  @Transactional(readOnly = true)
  public Optional<ReportAttachment> attachment(String campaignCode, String unitCode) {
    return attachments.findByReportId(get(campaignCode, unitCode).getId());
  }

  /** The last path element only, without control characters: a name can never point elsewhere. */
  static String safeFileName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      return "bao-cao";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
