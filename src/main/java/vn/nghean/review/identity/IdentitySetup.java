package vn.nghean.review.identity;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  /** The province's groups: each reads every process, its tasks and their history. */
  static final List<String> READERS = List.of(Groups.PV01, Groups.PV01_LEAD, Groups.STEERING_COMMITTEE,
      Groups.MANAGERS);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TaskFilters taskFilters;
  private final TransactionTemplate transactions;
  private java.util.Set<String> existingGroups;

  public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      TaskFilters taskFilters, PlatformTransactionManager transactionManager) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.taskFilters = taskFilters;
    this.transactions = new TransactionTemplate(transactionManager);
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
    for (String reader : READERS) {
      granted += grant(reader, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
      granted += grant(reader, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
          ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
          ProcessDefinitionPermissions.READ_TASK);
      granted += grant(reader, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
      granted += grant(reader, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
      granted += grant(reader, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }
    trimRepeatedTaskGrants();
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
   * What the province's groups read through their grant on every process, taken out of the grants
   * earlier versions wrote. Nodes starting together take turns ({@link vn.nghean.review.engine.StartupLock});
   * should two trims still meet, the one whose rows the other changed or deleted first leaves them to
   * it (an optimistic-locking conflict, or a grant no longer there), and any other failure fails the
   * start.
   */
  void trimRepeatedTaskGrants() {
    for (String reader : READERS) {
      dropEveryTaskRead(reader);
      trimTaskGrants(reader);
    }
  }

  /**
   * Takes away the group's READ on every task ({@code TASK *}), which earlier versions granted: every
   * task of the system belongs to a process, and the group's {@code PROCESS_DEFINITION *} READ_TASK
   * already lets it read each one (its comments, people and variables too). With both, a task list
   * joined each task to two grants and sorted the doubled rows away: half of PV01's list at 10,000
   * units (docs/performance.md).
   */
  private void dropEveryTaskRead(String group) {
    for (Authorization everyTask : authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(Resources.TASK).resourceId(ANY)
        .list()) {
      everyTask.removePermission(Permissions.READ);
      boolean nothingLeft = Arrays.stream(TaskPermissions.values())
          .filter(p -> p != TaskPermissions.NONE && p != TaskPermissions.ALL).noneMatch(everyTask::isPermissionGranted);
      try {
        if (nothingLeft) {
          authorizationService.deleteAuthorization(everyTask.getId());
        } else {
          authorizationService.saveAuthorization(everyTask);
        }
        LOG.info("Identity: READ on every task taken from {}, which reads each task through its process", group);
      } catch (OptimisticLockingException | NullValueException doneByAnotherNode) {
        LOG.info("Identity: READ on every task of {} changed by another node starting at the same time", group);
      }
    }
  }

  /**
   * Takes out of the per-task grants of a group that reads every process's tasks and history what
   * that already gives: READ on the task, which tasks created before
   * {@link vn.nghean.review.engine.TaskGrantsPlugin} carried, and the per-task history grant; both made
   * the group's task lists slow (docs/performance.md). One transaction, whatever their number.
   */
  private void trimTaskGrants(String group) {
    List<Authorization> repeated = perTaskGrants(group, Resources.TASK, Permissions.READ);
    List<Authorization> history = perTaskGrants(group, Resources.HISTORIC_TASK, HistoricTaskPermissions.READ);
    if (repeated.isEmpty() && history.isEmpty()) {
      return;
    }
    try {
      transactions.executeWithoutResult(status -> {
        for (Authorization authorization : repeated) {
          authorization.removePermission(Permissions.READ);
          authorizationService.saveAuthorization(authorization);
        }
        history.forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
      });
    } catch (OptimisticLockingException | NullValueException doneByAnotherNode) {
      // Two nodes of an upgraded cluster starting together: the other's transaction trimmed the same grants.
      LOG.info("Identity: the per-task grants of {} trimmed by another node starting at the same time ({})", group,
          doneByAnotherNode.getMessage());
      return;
    }
    LOG.info("Identity: READ taken out of {} per-task grants of {} and {} per-task history grants deleted: it reads"
        + " every task and its history through its grant on every process", repeated.size(), group, history.size());
  }

  private List<Authorization> perTaskGrants(String group, Resource resource, Permission granting) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(resource).hasPermission(granting).list().stream()
        .filter(authorization -> !ANY.equals(authorization.getResourceId())).toList();
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
