package vn.nghean.review.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The administrator's way back in, whatever state the accounts are in (README, "Sign-in"): started
 * with {@code REVIEW_ADMIN_RECOVER=true}, the application makes the configured administrator
 * ({@code REVIEW_ADMIN_USER}) exist again, gives it the configured password
 * ({@code REVIEW_ADMIN_PASSWORD}), clears any lock the engine kept and puts it back in
 * {@code camunda-admin}. No wrong password locks anyone any more (gate.SignInThrottle), so this is for
 * a forgotten password or an administrator removed by mistake.
 */
@Component
class AdministratorRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(AdministratorRecovery.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final boolean recover;
  private final String adminId;
  private final String password;

  AdministratorRecovery(IdentityService identity, AuthorizationService authorizations, @Value("${review.admin.recover:false}") boolean recover,
      @Value("${camunda.bpm.admin-user.id}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String password) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.recover = recover;
    this.adminId = adminId;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void recover() {
    if (!recover) {
      return;
    }
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("REVIEW_ADMIN_RECOVER=true needs REVIEW_ADMIN_PASSWORD: the password to give "
          + adminId);
    }
    User admin = identity.createUserQuery().userId(adminId).singleResult();
    if (admin == null) {
      admin = identity.newUser(adminId);
      admin.setFirstName("Quản trị");
      admin.setLastName("Hệ thống");
    }
    admin.setPassword(password);
    identity.saveUser(admin);
    identity.unlockUser(adminId);
    if (identity.createGroupQuery().groupId(Groups.ADMIN).count() == 0) {
      var group = identity.newGroup(Groups.ADMIN);
      group.setName("Quản trị hệ thống");
      group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(adminId).memberOfGroup(Groups.ADMIN).count() == 0) {
      identity.createMembership(adminId, Groups.ADMIN);
    }
    // What the group may do, as Camunda grants it to its administrators: everything.
    for (Resources resource : Resources.values()) {
      Grants.ensure(authorizations, Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
    }
    LOG.warn("Administrator '{}' recovered: its password is REVIEW_ADMIN_PASSWORD, it is unlocked and in {}. Start "
        + "the next time without REVIEW_ADMIN_RECOVER.", adminId, Groups.ADMIN);
  }
}
