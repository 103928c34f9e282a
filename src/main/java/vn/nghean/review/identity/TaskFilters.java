package vn.nghean.review.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.UnitReviewProcess;

/**
 * The saved Tasklist filters, each shown to the groups it is for, with the unit and the campaign on
 * every task card and the nearest due date first. Tasklist opens the first filter a user may read,
 * so that one is their work: for PV01 the reports waiting for evaluation, for everyone else the
 * tasks of their unit and groups, claimed or not (Việc cần làm).
 */
@Component
public class TaskFilters {

  public static final String AWAITING_EVALUATION = "Chờ thẩm định";
  public static final String TO_DO = "Việc cần làm";
  public static final String CLAIMED = "Việc tôi đã nhận";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";

  private static final String MY_GROUPS = "${currentUserGroups()}";

  /** One saved filter: what it lists, where it stands (the lowest priority first) and who reads it. */
  private record Definition(String name, List<String> formerNames, String description, int priority, String colour,
      TaskQuery query, List<String> readers) {}

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  /**
   * Creates the filters, or brings those of an earlier version to today's name, query, place and
   * readers (a user's bookmark of a filter keeps working); everyone reads the unit filters, the
   * evaluators the evaluation queue. Returns how many were created.
   */
  int createFor(IdentitySetup grants, List<String> evaluators) {
    int created = 0;
    for (Definition definition : definitions(evaluators)) {
      created += save(definition, grants);
    }
    return created;
  }

  private List<Definition> definitions(List<String> evaluators) {
    return List.of(
        new Definition(AWAITING_EVALUATION, List.of(), "Báo cáo của các đơn vị đang chờ PV01 thẩm định", -30,
            "#8e44ad", taskService.createTaskQuery().taskDefinitionKey(UnitReviewProcess.Element.EVALUATE_REPORT)
                .taskCandidateGroup(Groups.PV01).includeAssignedTasks().orderByDueDate().asc(), evaluators),
        new Definition(TO_DO, List.of("Việc của đơn vị", "Việc của tôi và đơn vị"),
            "Việc của tôi và của đơn vị, nhóm của tôi, kể cả việc đã có người nhận", -20, "#5cb85c",
            ofMyGroups().orderByDueDate().asc(), null),
        new Definition(CLAIMED, List.of("Việc của tôi"), "Việc tôi đã nhận làm", -15, "#337ab7",
            taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), null),
        new Definition(DUE_SOON, List.of(), "Việc của tôi và đơn vị đến hạn trong 3 ngày tới", -10, "#f0ad4e",
            ofMyGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
                .orderByDueDate().asc(), null),
        new Definition(OVERDUE, List.of(), "Việc của tôi và đơn vị đã quá hạn xử lý", -5, "#d9534f",
            ofMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc(), null));
  }

  private TaskQuery ofMyGroups() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }

  /** Saves the filter under its name, found by it or by a former one; grants it to its readers only. */
  private int save(Definition definition, IdentitySetup grants) {
    List<String> names = new ArrayList<>(definition.formerNames());
    names.add(0, definition.name());
    Filter filter = null;
    for (String name : names) {
      filter = filter != null ? filter : filterService.createTaskFilterQuery().filterName(name).singleResult();
    }
    boolean created = filter == null;
    if (created) {
      filter = filterService.newTaskFilter(definition.name());
      filter.setOwner(null);
    }
    filter.setName(definition.name());
    filter.setQuery(definition.query());
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("color", definition.colour());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", UnitReviewProcess.Var.UNIT_NAME, "label", "Đơn vị"),
        Map.of("name", UnitReviewProcess.Var.CAMPAIGN_CODE, "label", "Đợt sơ kết")));
    filter.setProperties(properties);
    filter = filterService.saveFilter(filter);
    grantTo(filter.getId(), definition.readers(), grants);
    return created ? 1 : 0;
  }

  /** Everyone reads the filter when {@code readers} is null, else the readers' groups and nobody else. */
  private void grantTo(String filterId, List<String> readers, IdentitySetup grants) {
    if (readers == null) {
      grants.grantEveryone(Resources.FILTER, filterId, Permissions.READ);
      return;
    }
    for (Authorization granted : authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list()) {
      if (granted.getGroupId() == null || !readers.contains(granted.getGroupId())) {
        authorizationService.deleteAuthorization(granted.getId());
      }
    }
    for (String group : readers) {
      boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.FILTER).resourceId(filterId).count() > 0;
      if (!granted) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filterId);
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
      }
    }
  }
}
