/**
 * The submission guard: what a person may do to a process, enforced inside the engine, whatever the
 * path a request takes to it (design section 9; docs/security.md). One rule, in one place:
 * {@link vn.nghean.review.engine.guard.SubmissionChecks} judges every submission before anything is
 * stored: it sets only what the step's form declares, each value of its field's kind
 * ({@link vn.nghean.review.engine.guard.DeclaredForms}, from the forms), then it passes the step's own
 * checks ({@link vn.nghean.review.engine.guard.TaskCheck}, {@link vn.nghean.review.engine.guard.StartCheck}).
 * The classes around it only make sure every path reaches it:
 * <table>
 * <caption>The engine's paths and where the guard stands on each</caption>
 * <tr><th>path (Java API; REST; webapp)</th><th>guarded by</th></tr>
 * <tr><td>{@code TaskService.complete}; {@code POST /task/{id}/complete}</td>
 * <td>{@link vn.nghean.review.engine.guard.GuardedTaskService} → {@link vn.nghean.review.engine.guard.GuardedCompleteTaskCmd}</td></tr>
 * <tr><td>{@code FormService.submitTaskForm}; {@code POST /task/{id}/submit-form}; Tasklist's forms</td>
 * <td>{@link vn.nghean.review.engine.guard.GuardedFormService} → {@link vn.nghean.review.engine.guard.GuardedSubmitTaskFormCmd}</td></tr>
 * <tr><td>a completion that got past the check before its command (a race with a timer)</td>
 * <td>{@link vn.nghean.review.engine.guard.CheckedTaskFormHandler}, inside the command</td></tr>
 * <tr><td>{@code FormService.submitStartForm}; {@code POST /process-definition/.../submit-form}; Tasklist's start form</td>
 * <td>{@link vn.nghean.review.engine.guard.GuardedFormService} → {@link vn.nghean.review.engine.guard.StartGuard}</td></tr>
 * <tr><td>{@code RuntimeService.startProcessInstanceBy...}, {@code createProcessInstanceBy...}; {@code POST .../start}</td>
 * <td>{@link vn.nghean.review.engine.guard.GuardedRuntimeService} → {@link vn.nghean.review.engine.guard.StartGuard}
 * (administrators and the application only)</td></tr>
 * <tr><td>{@code TaskService.claim}, {@code setAssignee}; comments and attachments</td>
 * <td>{@link vn.nghean.review.engine.guard.GuardedTaskService}: a person claims for themselves only; a
 * comment or attachment goes to the task's own instance</td></tr>
 * <tr><td>a candidate's permission on a task</td>
 * <td>{@link vn.nghean.review.engine.guard.SubmissionGuardPlugin}: {@code TASK_WORK}, never {@code UPDATE}
 * (which would let them set any variable)</td></tr>
 * </table>
 * Every other write to a process (variables, messages, signals, jobs, suspension, modification,
 * deletion) is refused to a person at the gate ({@code gate.EngineApiRules}), before the engine sees
 * it; the engine's own authorizations refuse it again. A refusal is the engine's command returning
 * without writing ({@link vn.nghean.review.engine.guard.Judged}), answered 400 with the Vietnamese
 * reasons outside the command ({@link vn.nghean.review.engine.guard.Submissions}), which also runs a
 * submission again when it collided with a timer on the same record.
 */
package vn.nghean.review.engine.guard;
