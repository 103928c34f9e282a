package vn.nghean.review.record;

import java.util.Map;

/** What a unit officer writes in the report form: the eight sections, key figures, nominations. */
public record ReportDraft(Map<ReportSection, String> sections, Integer modelUnitsBuilt,
    Integer modelUnitsRecognised, Integer modelsInOperation, String nominations) {}
