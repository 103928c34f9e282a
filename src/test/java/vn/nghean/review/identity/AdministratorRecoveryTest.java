package vn.nghean.review.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.nghean.review.ReviewApplication;

/**
 * The administrator's way back in (README, "Sign-in"): whatever was done to the account, a start with
 * {@code REVIEW_ADMIN_RECOVER=true} gives it the configured password and the administrators' group.
 */
class AdministratorRecoveryTest {

  static ConfigurableApplicationContext start(String password, boolean recover) {
    return new SpringApplicationBuilder(ReviewApplication.class).profiles("prod").run(
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "--spring.datasource.url=jdbc:h2:mem:recovery;DB_CLOSE_DELAY=-1", "--spring.datasource.username=sa",
        "--spring.datasource.password=csdl-Bi-Mat-7", "--camunda.bpm.admin-user.password=" + password,
        "--camunda.bpm.process-engine-name=recovery", "--camunda.bpm.job-execution.enabled=false",
        "--review.admin.recover=" + recover);
  }

  @Test
  void shouldGiveTheAdministratorBackItsPasswordAndGroupWhateverWasDoneToIt() {
    try (ConfigurableApplicationContext first = start("Quan-Tri-2026!", false)) {
      IdentityService identity = first.getBean(ProcessEngine.class).getIdentityService();
      User admin = identity.createUserQuery().userId("admin").singleResult();
      admin.setPassword("Ai-Do-Da-Doi-9!");
      identity.saveUser(admin);
      identity.deleteMembership("admin", Groups.ADMIN);
      for (int i = 0; i < 12; i++) {
        identity.checkPassword("admin", "sai");
      }
    }
    try (ConfigurableApplicationContext plain = start("Mat-Khau-Moi-2027!", false)) {
      // Without the setting, nothing changes: the configured password is not the account's.
      assertThat(plain.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "Mat-Khau-Moi-2027!"))
          .isFalse();
    }
    try (ConfigurableApplicationContext recovered = start("Mat-Khau-Moi-2027!", true)) {
      IdentityService identity = recovered.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("admin", "Mat-Khau-Moi-2027!")).isTrue();
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isOne();
      assertThat(recovered.getBean(ProcessEngine.class).getAuthorizationService().isUserAuthorized("admin",
          java.util.List.of(Groups.ADMIN), org.camunda.bpm.engine.authorization.Permissions.ALL,
          org.camunda.bpm.engine.authorization.Resources.USER)).isTrue();
    }
  }
}
