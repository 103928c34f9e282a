package vn.nghean.review.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class UnitRegistryTest {

  @Test
  void shouldListTheTwentyOneDistrictsOfNgheAnAndTheProvincialBodies() throws IOException {
    UnitRegistry registry = new UnitRegistry(new ClassPathResource("units/nghe-an.csv"));

    assertThat(registry.all()).filteredOn(u -> u.kind() == UnitKind.DISTRICT).hasSize(21);
    assertThat(registry.all()).filteredOn(u -> u.kind() == UnitKind.DEPARTMENT).hasSizeGreaterThanOrEqualTo(10);
    Unit vinh = registry.get("VINH");
    assertThat(vinh.name()).isEqualTo("UBND thành phố Vinh");
    assertThat(vinh.officerGroup()).isEqualTo("unitVINH");
    assertThat(vinh.leaderGroup()).isEqualTo("unitVINHlead");
    assertThat(registry.get("SOLDTBXH").name()).isEqualTo("Sở Lao động - Thương binh và Xã hội");
    assertThat(registry.all()).allSatisfy(u -> assertThat(u.code()).matches("[A-Z0-9]+"));
  }

  @Test
  void shouldRefuseARegistryWithABadCodeOrADuplicate() {
    assertThatThrownBy(() -> registry("code;kind;name;o;l\nvinh;DISTRICT;Vinh;a@b;c@d\n"))
        .hasMessageContaining("upper-case");
    assertThatThrownBy(() -> registry("code;kind;name;o;l\nVINH;DISTRICT;Vinh;;\nVINH;DISTRICT;Vinh;;\n"))
        .hasMessageContaining("duplicate code VINH");
    assertThatThrownBy(() -> registry("code;kind;name;o;l\nVINH;TOWN;Vinh;;\n"))
        .hasMessageContaining("DISTRICT or DEPARTMENT");
  }

  static UnitRegistry registry(String csv) throws IOException {
    return new UnitRegistry(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)));
  }
}
