package vn.nghean.review.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.nghean.review.process.CampaignProcess;
import vn.nghean.review.process.UnitReviewProcess;

/**
 * Creates the province's groups of design section 1 and what every group may do, once: a restart
 * adds only what is missing. Each unit's pair of groups comes with the registry
 * ({@code unit.UnitGroups}).
 */
@Component
public class IdentitySetup {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
  static final String ANY = Authorization.ANY;

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskFilters taskFilters;
  private java.util.Set<String> existingGroups;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      TaskFilters taskFilters) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.taskFilters = taskFilters;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void setUp() {
    existingGroups = new java.util.HashSet<>();
    identityService.createGroupQuery().groupType("WORKFLOW").list().forEach(g -> existingGroups.add(g.getId()));
    int created = 0;
    created += group(Groups.PV01, "Phòng PV01 - Công an tỉnh", "WORKFLOW");
    created += group(Groups.PV01_LEAD, "Lãnh đạo Phòng PV01", "WORKFLOW");
    created += group(Groups.STEERING_COMMITTEE, "Ban Chỉ đạo tỉnh", "WORKFLOW");
    created += group(Groups.MANAGERS, "Lãnh đạo tỉnh theo dõi", "WORKFLOW");
    int granted = grantAll();
    int filters = taskFilters.createFor(this, List.of(Groups.PV01));
    LOG.info("Identity: {} groups, {} authorizations and {} Tasklist filters created", created, granted, filters);
  }

  /**
   * What every user of the system may do is granted once to everyone (a global authorization), not
   * once per group: with 10,000 units that is 40,000 rows fewer (docs/performance.md).
   */
  private int grantAll() {
    int granted = 0;
    granted += grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // The model itself is not sensitive; Tasklist shows the process name from it.
    granted += grantEveryone(Resources.PROCESS_DEFINITION, UnitReviewProcess.KEY, Permissions.READ);
    // Each filter is granted to those it is meant for (TaskFilters), not every filter to all.
    authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(ANY).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
    for (String reader : List.of(Groups.PV01, Groups.PV01_LEAD, Groups.STEERING_COMMITTEE, Groups.MANAGERS)) {
      granted += grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      granted += grant(reader, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK);
      granted += grant(reader, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      granted += grant(reader, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      granted += grant(reader, Resources.TASK, ANY, Permissions.READ);
      granted += grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
      trimTaskGrants(reader);
    }
    granted += grant(Groups.PV01, Resources.PROCESS_DEFINITION, CampaignProcess.KEY,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    granted += grant(Groups.PV01, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    workOnlyTaskGrants();
    return granted;
  }

  /**
   * Per-task grants written before candidates got {@code TASK_WORK} carried {@code UPDATE}, which lets
   * a candidate set any variable of the instance (docs/security.md): each now grants TASK_WORK.
   */
  private void workOnlyTaskGrants() {
    List<Authorization> updating = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.TASK).hasPermission(Permissions.UPDATE)
        .list().stream().filter(authorization -> !ANY.equals(authorization.getResourceId())).toList();
    for (Authorization authorization : updating) {
      authorization.removePermission(Permissions.UPDATE);
      authorization.addPermission(TaskPermissions.TASK_WORK);
      authorizationService.saveAuthorization(authorization);
    }
    if (!updating.isEmpty()) {
      LOG.info("Identity: {} per-task grants changed from UPDATE to TASK_WORK", updating.size());
    }
  }

  /**
   * Takes READ out of the per-task grants of a group that reads every task: tasks created before
   * {@link vn.nghean.review.engine.TaskGrantsPlugin} carried it, and it made the group's task lists slow (docs/performance.md).
   */
  private void trimTaskGrants(String group) {
    List<Authorization> repeated = authorizationService.createAuthorizationQuery().authorizationType(
        Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(Resources.TASK).hasPermission(Permissions.READ)
        .list().stream().filter(authorization -> !ANY.equals(authorization.getResourceId())).toList();
    for (Authorization authorization : repeated) {
      authorization.removePermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
    if (!repeated.isEmpty()) {
      LOG.info("Identity: READ taken out of {} per-task grants of {}, which reads every task", repeated.size(), group);
    }
  }

  int grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    return Grants.ensureForEveryone(authorizationService, resource, resourceId, permissions) ? 1 : 0;
  }

  private int group(String id, String name, String type) {
    if (existingGroups.contains(id)) {
      return 0;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    return 1;
  }

  private int grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    return Grants.ensure(authorizationService, groupId, resource, resourceId, permissions) ? 1 : 0;
  }
}
