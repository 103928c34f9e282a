package vn.nghean.review.record;

import java.time.Instant;

/**
 * A unit's record without its report text: what the progress view needs. Reading 10,000 of these
 * costs a few megabytes, not the hundreds the full reports would (docs/performance.md).
 */
public record UnitReportSummary(Long id, String unitCode, String unitName, UnitStatus status, Instant firstSubmittedAt,
    Instant lastSubmittedAt, Boolean submittedOnTime, int submissionCount, boolean overdue, Rating rating,
    Instant acceptedAt, boolean closedAtCutoff, String processInstanceId) {}
