package vn.nghean.review.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The grant Camunda writes for each task's candidate group no longer repeats a right the group
 * already holds on every task: PV01 (and the other groups of {@link IdentitySetup} that read every
 * task) gets, per task, only the right to work on it.
 *
 * <p>Why: Camunda answers a task list by joining every task to the user's grants. With one READ
 * grant per task for PV01, PV01's list of 10,000 reports awaiting evaluation joined 10,000 tasks to
 * 10,000 grants; PostgreSQL, estimating a handful of grants, compared every pair, 4 to 8 s per
 * request. Without the repeated READ the join meets PV01's two global grants: 26 ms
 * (docs/performance.md). Nothing a group may do changes: it reads the task through its global
 * grant and works on it through the per-task grant, as before.
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
      if (groupId != null && readsEveryTask(groupId)) {
        for (AuthorizationEntity authorization : authorizations) {
          if (authorization.getResourceType() == Resources.TASK.resourceType()) {
            authorization.removePermission(Permissions.READ);
          }
        }
      }
      return authorizations;
    }

    private boolean readsEveryTask(String groupId) {
      AuthorizationEntity global = getGrantAuthorizationByGroupId(groupId, Resources.TASK, Authorization.ANY);
      return global != null && global.isPermissionGranted(Permissions.READ);
    }
  }
}
