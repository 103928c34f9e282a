package vn.nghean.review.system;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The engine's figures for Prometheus: open incidents, and jobs waiting for, or given up by, the job
 * executor. Read at each scrape.
 */
@Component
class EngineMetrics {

  EngineMetrics(MeterRegistry meters, RuntimeService runtimeService, ManagementService managementService) {
    Gauge.builder("camunda.incidents.open", () -> runtimeService.createIncidentQuery().count())
        .description("Open incidents: jobs that failed every retry, and other process errors").register(meters);
    Gauge.builder("camunda.jobs.executable", () -> managementService.createJobQuery().executable().count())
        .description("Jobs due now and not yet run: a growing figure means the job executor lags")
        .register(meters);
    Gauge.builder("camunda.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
        .description("Jobs with no retries left").register(meters);
  }
}
