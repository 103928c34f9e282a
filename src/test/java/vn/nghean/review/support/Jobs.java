package vn.nghean.review.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The job executor's work, done by a test: asynchronous continuations and due timers, and the
 * engine's clock moved to a timer's due date. The one place tests run jobs.
 */
public final class Jobs {

  /** More jobs than this in one run means a loop the model should not have. */
  private static final int LIMIT = 10_000;

  private final ProcessEngine engine;

  public Jobs(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Runs every job due at the engine's clock, one after the other, until none is left. */
  public void runDue() {
    run(() -> management().createJobQuery().executable());
  }

  /** Runs the asynchronous continuations due now (no timer), until none is left. */
  public void runContinuations() {
    run(() -> management().createJobQuery().messages().executable());
  }

  /** Runs the one asynchronous continuation of the instance waiting now. */
  public void runContinuation(ProcessInstance instance) {
    Job job = management().createJobQuery().processInstanceId(instance.getId()).messages().singleResult();
    assertThat(job).as("the continuation of %s", instance.getBusinessKey()).isNotNull();
    management().executeJob(job.getId());
  }

  /** The timer of the instance at the element, or null when it is not armed. */
  public Job timer(ProcessInstance instance, String activityId) {
    return management().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
        .singleResult();
  }

  /** Moves the engine's clock to the timer's due date and runs it, as the job executor would then. */
  public void fire(ProcessInstance instance, String activityId) {
    Job timer = timer(instance, activityId);
    assertThat(timer).as("timer %s of %s", activityId, instance.getBusinessKey()).isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    management().executeJob(timer.getId());
  }

  /** Sets the engine's clock (the application reads it too: {@code VietnamTime}). */
  public static void clockAt(Date moment) {
    ClockUtil.setCurrentTime(moment);
  }

  /** Moves the engine's clock on and runs what is then due, as the job executor would. */
  public void clockAtAndRunDue(Date moment) {
    clockAt(moment);
    runDue();
  }

  /** Gives the clock back to the wall: after every test that moved it. */
  public static void resetClock() {
    ClockUtil.reset();
  }

  private void run(java.util.function.Supplier<JobQuery> query) {
    for (int run = 0; run < LIMIT; run++) {
      List<Job> jobs = query.get().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      management().executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("more than " + LIMIT + " jobs in a row: the jobs keep coming");
  }

  private ManagementService management() {
    return engine.getManagementService();
  }
}
