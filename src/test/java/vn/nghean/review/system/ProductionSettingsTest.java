package vn.nghean.review.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class ProductionSettingsTest {

  final ProductionSettings settings = new ProductionSettings();

  @Test
  void shouldRefuseToStartProductionWithoutAnAdministratorPassword() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");
    production.setProperty(ProductionSettings.PASSWORD, "");

    assertThatThrownBy(() -> settings.postProcessEnvironment(production, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("REVIEW_ADMIN_PASSWORD");
  }

  @Test
  void shouldStartProductionWithAPasswordAndTheDemoWithout() {
    MockEnvironment production = new MockEnvironment();
    production.setActiveProfiles("prod");
    production.setProperty(ProductionSettings.PASSWORD, "a long secret");
    assertThatCode(() -> settings.postProcessEnvironment(production, new SpringApplication())).doesNotThrowAnyException();
    assertThatCode(() -> settings.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
        .doesNotThrowAnyException();
  }
}
