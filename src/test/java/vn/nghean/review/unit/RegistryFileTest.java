package vn.nghean.review.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** The registry as a file: Nghệ An's units in their periods, and every problem of a bad file named. */
class RegistryFileTest {

  static final LocalDate LAST_DAY_OF_DISTRICTS = LocalDate.of(2025, 6, 30);
  static final LocalDate FIRST_DAY_OF_COMMUNES = LocalDate.of(2025, 7, 1);

  @Test
  void ngheAnShouldHaveItsTwentyOneDistrictsUntilTheReformAndItsHundredAndThirtyCommunesAfter() {
    RegistryFile.Parsed parsed = RegistryFile.read(new ClassPathResource("units/nghe-an.csv"));
    assertThat(parsed.problems()).isEmpty();
    List<Unit> before = parsed.units().stream().filter(u -> u.existsOn(LAST_DAY_OF_DISTRICTS)).toList();
    List<Unit> after = parsed.units().stream().filter(u -> u.existsOn(FIRST_DAY_OF_COMMUNES)).toList();

    assertThat(before).filteredOn(u -> u.kind() == UnitKind.DISTRICT).hasSize(21);
    assertThat(before).filteredOn(u -> u.kind() == UnitKind.COMMUNE).isEmpty();
    assertThat(before).filteredOn(u -> u.kind() == UnitKind.DEPARTMENT).hasSize(8);
    assertThat(after).filteredOn(u -> u.kind() == UnitKind.DISTRICT).isEmpty();
    List<Unit> communes = after.stream().filter(u -> u.kind() == UnitKind.COMMUNE).toList();
    assertThat(communes).hasSize(130);
    assertThat(communes).filteredOn(u -> u.name().startsWith("UBND phường ")).hasSize(11);
    assertThat(communes).filteredOn(u -> u.name().startsWith("UBND xã ")).hasSize(119);
    assertThat(communes).allSatisfy(u -> assertThat(u.gsoCode()).matches("\\d{5}"));
    assertThat(after).filteredOn(u -> u.kind() == UnitKind.DEPARTMENT).extracting(Unit::code)
        .containsExactly("SOGDDT", "SOYTE", "SOTUPHAP", "MTTQ", "TINHDOAN", "HOIPHUNU", "HOINONGDAN", "HOICCB");
    // The 2024 departments that 2025 merged or abolished end before the reform of the communes.
    assertThat(parsed.units()).filteredOn(u -> u.code().equals("SOLDTBXH")).singleElement()
        .extracting(Unit::validTo).isEqualTo(LocalDate.of(2025, 2, 28));

    Unit vinh = parsed.units().stream().filter(u -> u.code().equals("VINH")).findFirst().orElseThrow();
    assertThat(vinh.name()).isEqualTo("UBND thành phố Vinh");
    assertThat(vinh.officerEmails()).containsExactly("canbo.vinh@nghean.example");
    Unit anhSon = after.stream().filter(u -> u.code().equals("ANHSONXA")).findFirst().orElseThrow();
    assertThat(anhSon.name()).isEqualTo("UBND xã Anh Sơn");
    // Codes are never reused across periods: the commune named after its district has a code of its own.
    assertThat(parsed.units()).extracting(Unit::code).doesNotHaveDuplicates()
        .allSatisfy(code -> assertThat(code).matches("[A-Z0-9]{2,20}"));
  }

  @Test
  void aBadFileShouldBeRefusedWithEveryProblemOnItsLine() {
    RegistryFile.Parsed parsed = RegistryFile.parse("""
        # a comment
        code;kind;name;officerEmails;leaderEmails;validFrom;validTo;gsoCode;formedFrom
        vinh;DISTRICT;UBND thành phố Vinh;a@b.vn;c@d.vn;;;;
        ANHSONXA;TOWN;UBND xã Anh Sơn;;;;;;
        CUALOPHUONG;COMMUNE;UBND phường Cửa Lò;canbo;;2025-07-01;2025-06-30;;
        SOYTE;DEPARTMENT;Sở Y tế;;;;;;
        SOYTE;DEPARTMENT;Sở Y tế;;;;;;
        NAMDANXA;COMMUNE;UBND xã Nam Đàn;;;31/02/2025;;;
        QUYNHLUUXA;COMMUNE;UBND xã Quỳnh Lưu
        """);

    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.problems()).containsExactly(
        "dòng 3: mã «vinh» phải gồm 2 đến 20 chữ in hoa không dấu hoặc chữ số",
        "dòng 4: loại «TOWN» không có: chỉ DISTRICT (UBND cấp huyện), COMMUNE (UBND xã, phường) hoặc DEPARTMENT"
            + " (sở, ngành, đoàn thể)",
        "dòng 5: «canbo» không phải là địa chỉ thư điện tử",
        "dòng 5: ngày kết thúc (30/06/2025) trước ngày bắt đầu (01/07/2025)",
        "dòng 7: mã SOYTE đã có ở một dòng trước",
        "dòng 8: ngày bắt đầu «31/02/2025» không phải là ngày (01/07/2025 hoặc 2025-07-01)",
        "dòng 9: cần 5 hoặc 9 cột cách nhau bằng dấu chấm phẩy, có 3");
  }

  @Test
  void anEditionWrittenBackShouldReadAsTheSameUnits() {
    List<Unit> units = RegistryFile.read(new ClassPathResource("units/nghe-an.csv")).units();
    assertThat(RegistryFile.parse(RegistryFile.write(units)).units()).isEqualTo(units);
  }
}
