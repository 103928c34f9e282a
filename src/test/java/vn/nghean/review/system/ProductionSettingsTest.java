package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.nghean.review.ReviewApplication;
import vn.nghean.review.identity.Groups;

/**
 * The production profile starts only with what an operator must set, turns the engine's password
 * policy and hardening on, recovers the administrator when told to, and refuses a database that holds
 * the demo's users.
 */
class ProductionSettingsTest {

  static final String ADMIN_PASSWORD = "Quan-Tri-2026!";
  static final String DATABASE_PASSWORD = "csdl-Bi-Mat-7";

  /** The application with the prod profile, on an in-memory database, without its web layer. */
  static ConfigurableApplicationContext production(String database, String adminPassword, String databasePassword,
      String... more) {
    // Arguments, not default properties: the profile's own file would win over those.
    java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=" + databasePassword,
        "--camunda.bpm.admin-user.password=" + adminPassword,
        "--camunda.bpm.process-engine-name=" + database,
        "--camunda.bpm.job-execution.enabled=false"));
    arguments.addAll(java.util.List.of(more));
    return new SpringApplicationBuilder(ReviewApplication.class).profiles("prod").run(arguments.toArray(String[]::new));
  }

  @Test
  void shouldRefuseToStartWithoutAPolicyCompliantAdministratorPasswordOrADatabasePassword() {
    assertThatThrownBy(() -> production("prodnopassword", "", DATABASE_PASSWORD))
        .hasMessageContaining("set REVIEW_ADMIN_PASSWORD");
    assertThatThrownBy(() -> production("prodweak", "a long secret", DATABASE_PASSWORD))
        .hasMessageContaining("REVIEW_ADMIN_PASSWORD breaks the password policy")
        .hasMessageContaining("PASSWORD_POLICY_UPPERCASE").hasMessageContaining("PASSWORD_POLICY_DIGIT");
    assertThatThrownBy(() -> production("prodshort", "Ab1!", DATABASE_PASSWORD))
        .hasMessageContaining("PASSWORD_POLICY_LENGTH");
    assertThatThrownBy(() -> production("prodnodb", ADMIN_PASSWORD, ""))
        .hasMessageContaining("set DB_PASSWORD");
    assertThatThrownBy(() -> production("prodnosecret", ADMIN_PASSWORD, DATABASE_PASSWORD,
        "--review.oidc.issuer=https://sso.congan.nghean.example/realms/nghean"))
        .hasMessageContaining("set REVIEW_OIDC_CLIENT_SECRET");
  }

  @Test
  void shouldStartHardenedAndThenRefuseTheSameDatabaseOnceItHoldsTheDemosUsers() {
    try (ConfigurableApplicationContext app = production("prodcheck", ADMIN_PASSWORD, DATABASE_PASSWORD)) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      assertThat(configuration.isEnablePasswordPolicy()).isTrue();
      assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
      assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
      assertThat(configuration.getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
      assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
      assertThat(engine.getIdentityService().checkPassword("admin", ADMIN_PASSWORD)).isTrue();
      assertThat(engine.getIdentityService().createUserQuery().userId("pv01officer").count()).isZero();

      User weak = engine.getIdentityService().newUser("canbomoi");
      weak.setPassword("demo");
      // Refused by the password policy, not for some other reason (the engine has no exception of its own for it).
      assertThatThrownBy(() -> engine.getIdentityService().saveUser(weak)).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("Password does not match policy");
      // A forgotten password and an administrator taken out of its group by mistake.
      User admin = engine.getIdentityService().createUserQuery().userId("admin").singleResult();
      admin.setPassword("Ai-Do-Da-Doi-9!");
      engine.getIdentityService().saveUser(admin);
      engine.getIdentityService().deleteMembership("admin", Groups.ADMIN);
    }

    // The way back in (README, "Sign-in"; identity.AdministratorRecoveryTest for each case): a start
    // with REVIEW_ADMIN_RECOVER=true gives the administrator the configured password and its group.
    try (ConfigurableApplicationContext app = production("prodcheck", "Mat-Khau-Moi-2027!", DATABASE_PASSWORD,
        "--review.admin.recover=true")) {
      var identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("admin", "Mat-Khau-Moi-2027!")).isTrue();
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMIN).count()).isOne();
      // What a default start (demo data) leaves in a database.
      User demo = identity.newUser("pv01officer");
      demo.setPassword("Mau-Thu-2026!");
      identity.saveUser(demo);
    }

    assertThatThrownBy(() -> production("prodcheck", ADMIN_PASSWORD, DATABASE_PASSWORD))
        .hasStackTraceContaining("holds the demo's users [pv01officer]");
  }
}
