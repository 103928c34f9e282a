/**
 * Everything of the application that touches Camunda 7's internals ({@code org.camunda.bpm.engine.impl},
 * the REST and webapp implementations), so that a move to a fork of Camunda 7 touches this package and
 * import lines only ({@code ArchitectureTest}): the engine's clock ({@link vn.nghean.review.engine.EngineClock}),
 * its password policy read before it exists ({@link vn.nghean.review.engine.PasswordPolicies}), the
 * grants a task's candidates get ({@link vn.nghean.review.engine.TaskGrantsPlugin}), calls the
 * application makes without the caller's authorizations ({@link vn.nghean.review.engine.WithoutAuthorization}),
 * who is signed in to the engine ({@link vn.nghean.review.engine.EngineUsers}), the webapps' sessions
 * ({@link vn.nghean.review.engine.WebappSessions}) and the REST API's caller
 * ({@link vn.nghean.review.engine.EngineRestAuthentication}), both as the gate signed them in, the
 * error of bad input ({@link vn.nghean.review.engine.InvalidInputException}), and what a national
 * campaign needs of the engine: jobs acquired by due date ({@link vn.nghean.review.engine.DueJobsPlugin}),
 * a person's own groups in the checks ({@link vn.nghean.review.engine.AuthenticatedGroupsPlugin}) the
 * indexes its statements lack ({@link vn.nghean.review.engine.MissingIndexesPlugin}), timer cycles read
 * without a search of the class path ({@link vn.nghean.review.engine.TimerCyclesPlugin}) and a unit's display
 * copies kept out of the history ({@link vn.nghean.review.engine.DisplayCopiesHistoryPlugin}), made at start
 * through {@link vn.nghean.review.engine.EngineSchema}, and one node at a time setting the database up
 * ({@link vn.nghean.review.engine.StartupLock}). The submission guard, which
 * replaces the engine's services, is its sub-package {@code guard}.
 */
package vn.nghean.review.engine;
