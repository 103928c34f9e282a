package vn.nghean.review.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grants Camunda writes for each task's candidate group no longer repeat a right the group
 * already holds on every process: PV01 (and the other groups of {@code identity.IdentitySetup} that
 * read every process's tasks and history) gets, per task, only the right to work on it.
 *
 * <p>Why: Camunda answers a task list by joining every task to the user's grants. With one READ
 * grant per task for PV01, PV01's list of 10,000 reports awaiting evaluation joined 10,000 tasks to
 * 10,000 grants; PostgreSQL, estimating a handful of grants, compared every pair, 4 to 8 s per
 * request. Without the repeated READ the join meets PV01's global grant; without the per-task
 * history grant (HISTORIC_TASK read, which {@code PROCESS_DEFINITION *} READ_HISTORY already gives)
 * the grant check reads half as many of PV01's rows (docs/performance.md). Nothing a group may do
 * changes: it reads the task and its history through its grant on every process and works on the
 * task through the per-task grant, as before. A task outside a process (none in this application)
 * keeps Camunda's grants whole.
 */
@Component
public class TaskGrantsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new TaskGrants());
  }

  static class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizations(Task task, String groupId, String userId) {
      AuthorizationEntity[] authorizations = super.createOrUpdateAuthorizations(task, groupId, userId);
      if (groupId == null || task.getProcessDefinitionId() == null) {
        return authorizations;
      }
      AuthorizationEntity everyProcess = getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_DEFINITION,
          Authorization.ANY);
      if (everyProcess == null) {
        return authorizations;
      }
      boolean readsEveryTask = everyProcess.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK);
      boolean readsEveryHistory = everyProcess.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY);
      List<AuthorizationEntity> kept = new ArrayList<>();
      for (AuthorizationEntity authorization : authorizations) {
        if (readsEveryTask && authorization.getResourceType() == Resources.TASK.resourceType()) {
          authorization.removePermission(Permissions.READ);
        }
        boolean repeatedHistory = readsEveryHistory && authorization.getId() == null
            && authorization.getResourceType() == Resources.HISTORIC_TASK.resourceType();
        if (!repeatedHistory) {
          kept.add(authorization);
        }
      }
      return kept.toArray(AuthorizationEntity[]::new);
    }
  }
}
