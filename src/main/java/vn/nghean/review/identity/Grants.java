package vn.nghean.review.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** The one way the application writes a grant: to a group, or to everyone, on one resource. */
final class Grants {

  private Grants() {}

  /** A new grant to the group; the caller knows none exists (a new instance, say). */
  static void add(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(groupId);
    saveWith(authorizations, grant, resource, resourceId, permissions);
  }

  /** The group's grant with these permissions, created or completed; true when it was created. */
  static boolean ensure(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
      Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).list().stream().findFirst().orElse(null);
    if (existing == null) {
      add(authorizations, groupId, resource, resourceId, permissions);
      return true;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (!existing.isPermissionGranted(permission)) {
        existing.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizations.saveAuthorization(existing);
    }
    return false;
  }

  /** A grant to every user (a global authorization), once; true when it was created. */
  static boolean ensureForEveryone(AuthorizationService authorizations, Resource resource, String resourceId,
      Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).count() > 0;
    if (exists) {
      return false;
    }
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    grant.setUserId(Authorization.ANY);
    saveWith(authorizations, grant, resource, resourceId, permissions);
    return true;
  }

  private static void saveWith(AuthorizationService authorizations, Authorization grant, Resource resource,
      String resourceId, Permission... permissions) {
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizations.saveAuthorization(grant);
  }
}
