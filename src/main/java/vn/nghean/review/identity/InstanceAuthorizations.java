package vn.nghean.review.identity;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

import vn.nghean.review.engine.WithoutAuthorization;

/**
 * Lets a unit's officers and leader read their own review instance, running and finished, and no
 * other unit's: tasks they get as candidates, instances through these grants.
 */
@Component
public class InstanceAuthorizations {

  private final AuthorizationService authorizationService;

  public InstanceAuthorizations(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  public void grantToUnit(String processInstanceId, String unitCode) {
    // The officer whose step started this unit may not create authorizations; the process may.
    WithoutAuthorization.run(() -> {
      for (String group : List.of(Groups.unitOfficers(unitCode), Groups.unitLeaders(unitCode))) {
        save(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
        save(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
      }
    });
  }

  private void save(String group, Resource resource, String resourceId, Permission permission) {
    Grants.add(authorizationService, group, resource, resourceId, permission);
  }
}
