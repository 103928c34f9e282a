package vn.nghean.review.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.nghean.review.ReviewApplication;
import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.engine.PasswordPolicies;
import vn.nghean.review.notification.Notification;
import vn.nghean.review.notification.NotificationKind;
import vn.nghean.review.notification.NotificationRepository;

/**
 * Accounts from the real Nghệ An registry under the production profile, where the engine enforces
 * its password policy on every password it stores: the passwords nobody knows pass it, and the
 * person's own is held to it. No mail server: the invitations wait in the outbox, and the summary says so.
 */
class ProductionAccountsTest {

  static final Pattern TOKEN = Pattern.compile("/tai-khoan/dat-mat-khau\\?ma=([A-Za-z0-9_-]+)");

  /** The application with the prod profile, on an in-memory database, without its web layer. */
  static ConfigurableApplicationContext production(String database) {
    return new SpringApplicationBuilder(ReviewApplication.class).profiles("prod").run(
        "--spring.main.web-application-type=none",
        "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
            + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration",
        "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
        "--spring.datasource.username=sa",
        "--spring.datasource.password=csdl-Bi-Mat-7",
        "--camunda.bpm.admin-user.password=Quan-Tri-2026!",
        "--camunda.bpm.process-engine-name=" + database,
        "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  void shouldMakeEveryAccountOfTheRegistryAndSetAPasswordWithThePolicyOn() throws Exception {
    try (ConfigurableApplicationContext app = production("prodaccounts")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isEnablePasswordPolicy())
          .isTrue();
      IdentityService identity = engine.getIdentityService();

      RegistryAccounts.Summary summary = app.getBean(RegistryAccounts.class).create(null, "admin");
      // Every distinct address of the 2025 registry with its districts of 2024: 161 units, 322 addresses.
      assertThat(summary.created()).isEqualTo(322);
      assertThat(summary.invited()).isEqualTo(322);
      assertThat(summary.skipped()).isEmpty();
      assertThat(summary.mailOff()).isTrue();
      assertThat(identity.createUserQuery().userId("lanhdao.anhsonxa@nghean.example").singleResult().getLastName())
          .isEqualTo("UBND xã Anh Sơn");

      List<Notification> waiting = app.getBean(NotificationRepository.class).findAll().stream()
          .filter(n -> n.getKind() == NotificationKind.ACCOUNT_INVITATION
              && "canbo.vinh@nghean.example".equals(n.getRecipientEmail())).toList();
      assertThat(waiting).singleElement().satisfies(n -> assertThat(n.getLink()).startsWith("http://localhost:8080/"));
      Matcher token = TOKEN.matcher(waiting.get(0).getLink());
      assertThat(token.find()).isTrue();

      Invitations invitations = app.getBean(Invitations.class);
      assertThatThrownBy(() -> invitations.setPassword(token.group(1), "Demodemo", "Demodemo"))
          .isInstanceOf(InvalidInputException.class).hasMessageContaining("ít nhất 10 ký tự; Mật khẩu phải có ít nhất 1 chữ số").hasMessageContaining("ký tự đặc biệt");
      assertThat(invitations.setPassword(token.group(1), "Nghe-An-2025!x", "Nghe-An-2025!x").account())
          .isEqualTo("canbo.vinh@nghean.example");
      assertThat(identity.checkPassword("canbo.vinh@nghean.example", "Nghe-An-2025!x")).isTrue();
    }
  }

  @Test
  void aPasswordNobodyKnowsShouldPassThePolicyEveryTime() {
    for (int i = 0; i < 2000; i++) {
      String password = Secrets.unknownPassword();
      assertThat(PasswordPolicies.brokenFor("canbo.vinh@nghean.example", "Cán bộ", "UBND thành phố Vinh",
          "canbo.vinh@nghean.example", password)).as(password).isEmpty();
    }
  }
}
