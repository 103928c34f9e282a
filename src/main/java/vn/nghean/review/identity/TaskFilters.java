package vn.nghean.review.identity;

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
 * The saved Tasklist filters, each shown to the groups it is for, with the unit and the campaign
 * on every task card and the due date first: Việc của tôi, Việc của đơn vị, Sắp đến hạn (due within
 * three days), Quá hạn, and for PV01 Chờ thẩm định.
 */
@Component
public class TaskFilters {

  public static final String MINE = "Việc của tôi";
  public static final String UNIT = "Việc của đơn vị";
  public static final String DUE_SOON = "Sắp đến hạn";
  public static final String OVERDUE = "Quá hạn";
  public static final String AWAITING_EVALUATION = "Chờ thẩm định";
  /** The single filter of earlier versions, replaced by the ones above. */
  static final String FORMER_FILTER = "Việc của tôi và đơn vị";

  private static final String MY_GROUPS = "${currentUserGroups()}";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  public TaskFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  /**
   * Creates the missing filters; everyone may read the first four, PV01 (the evaluators) the last.
   * Returns how many were created.
   */
  int createFor(IdentitySetup grants, List<String> evaluators) {
    filterService.createTaskFilterQuery().filterName(FORMER_FILTER).list()
        .forEach(filter -> filterService.deleteFilter(filter.getId()));
    int created = 0;
    created += filter(MINE, "Việc đã giao cho tôi", -20, "#337ab7",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), null, grants);
    created += filter(UNIT, "Việc của các nhóm, đơn vị của tôi, kể cả việc đã có người nhận", -15, "#5cb85c",
        ofMyGroups().orderByDueDate().asc(), null, grants);
    created += filter(DUE_SOON, "Việc của tôi và đơn vị đến hạn trong 3 ngày tới", -10, "#f0ad4e",
        ofMyGroups().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
            .orderByDueDate().asc(), null, grants);
    created += filter(OVERDUE, "Việc của tôi và đơn vị đã quá hạn xử lý", -5, "#d9534f",
        ofMyGroups().dueBeforeExpression("${now()}").orderByDueDate().asc(), null, grants);
    created += filter(AWAITING_EVALUATION, "Báo cáo của các đơn vị đang chờ PV01 thẩm định", 0, "#8e44ad",
        taskService.createTaskQuery().taskDefinitionKey(UnitReviewProcess.Element.EVALUATE_REPORT)
            .taskCandidateGroup(Groups.PV01).includeAssignedTasks().orderByDueDate().asc(), evaluators, grants);
    return created;
  }

  private TaskQuery ofMyGroups() {
    return taskService.createTaskQuery().taskCandidateGroupInExpression(MY_GROUPS).includeAssignedTasks();
  }

  /** A filter read by the given groups, or by everyone when {@code groups} is null. */
  private int filter(String name, String description, int priority, String colour, TaskQuery query,
      List<String> groups, IdentitySetup grants) {
    Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
    boolean created = filter == null;
    if (created) {
      filter = filterService.newTaskFilter(name);
      filter.setOwner(null);
      filter.setQuery(query);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", description);
      properties.put("priority", priority);
      properties.put("color", colour);
      properties.put("refresh", true);
      properties.put("variables", List.of(
          Map.of("name", UnitReviewProcess.Var.UNIT_NAME, "label", "Đơn vị"),
          Map.of("name", UnitReviewProcess.Var.CAMPAIGN_CODE, "label", "Đợt sơ kết")));
      filter.setProperties(properties);
      filter = filterService.saveFilter(filter);
    }
    if (groups == null) {
      grants.grantEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
      return created ? 1 : 0;
    }
    for (String group : groups) {
      boolean granted = authorizationService.createAuthorizationQuery().groupIdIn(group)
          .resourceType(Resources.FILTER).resourceId(filter.getId()).count() > 0;
      if (!granted) {
        Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(Resources.FILTER);
        authorization.setResourceId(filter.getId());
        authorization.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(authorization);
      }
    }
    return created ? 1 : 0;
  }
}
