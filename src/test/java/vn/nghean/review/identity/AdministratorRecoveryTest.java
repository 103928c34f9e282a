package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.nghean.review.support.ProcessTest;

/**
 * The administrator's way back in (README, "Sign-in"): whatever was done to the account, a start with
 * {@code REVIEW_ADMIN_RECOVER=true} gives it the configured password and the administrators' group.
 * The recovery runs on the engine of the process tests, for an administrator of its own (not the one
 * the other tests sign in as), as the application runs it once it is ready; a production start with
 * the setting is system.ProductionSettingsTest's.
 */
@ProcessTest
class AdministratorRecoveryTest {

  static final String ADMIN = "quantri-khoiphuc";

  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  AdministratorRecovery start(String password, boolean recover) {
    AdministratorRecovery recovery = new AdministratorRecovery(identity, authorizations, recover, ADMIN, password);
    recovery.recover();
    return recovery;
  }

  @AfterEach
  void removeTheAdministrator() {
    identity.deleteUser(ADMIN);
  }

  @Test
  void shouldGiveTheAdministratorBackItsPasswordAndGroupWhateverWasDoneToIt() {
    start("Quan-Tri-2026!", true);
    User admin = identity.createUserQuery().userId(ADMIN).singleResult();
    admin.setPassword("Ai-Do-Da-Doi-9!");
    identity.saveUser(admin);
    identity.deleteMembership(ADMIN, Groups.ADMIN);
    for (int i = 0; i < 12; i++) {
      identity.checkPassword(ADMIN, "sai");
    }

    // Without the setting, nothing changes: the configured password is not the account's.
    start("Mat-Khau-Moi-2027!", false);
    assertThat(identity.checkPassword(ADMIN, "Mat-Khau-Moi-2027!")).isFalse();
    assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(Groups.ADMIN).count()).isZero();

    start("Mat-Khau-Moi-2027!", true);
    assertThat(identity.checkPassword(ADMIN, "Mat-Khau-Moi-2027!")).isTrue();
    assertThat(identity.createUserQuery().userId(ADMIN).memberOfGroup(Groups.ADMIN).count()).isOne();
    assertThat(authorizations.isUserAuthorized(ADMIN, List.of(Groups.ADMIN), Permissions.ALL, Resources.USER)).isTrue();
  }

  @Test
  void shouldMakeAnAdministratorRemovedByMistakeExistAgain() {
    start("Quan-Tri-2026!", true);
    identity.deleteUser(ADMIN);

    start("Mat-Khau-Moi-2027!", true);
    User admin = identity.createUserQuery().userId(ADMIN).memberOfGroup(Groups.ADMIN).singleResult();
    assertThat(admin.getFirstName() + " " + admin.getLastName()).isEqualTo("Quản trị Hệ thống");
    assertThat(identity.checkPassword(ADMIN, "Mat-Khau-Moi-2027!")).isTrue();
  }
}
