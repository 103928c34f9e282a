package vn.nghean.review.unit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.nghean.review.engine.InvalidInputException;
import vn.nghean.review.shared.VietnamTime;

/**
 * The units that exist on a day (today unless {@code at} names another, 2025-07-01 or 01/07/2025),
 * for forms and integrations; no contact addresses.
 */
@RestController
class UnitController {

  private final UnitRegistry units;

  UnitController(UnitRegistry units) {
    this.units = units;
  }

  @GetMapping("/api/units")
  List<UnitView> list(@RequestParam(required = false) String at) {
    LocalDate day = at == null || at.isBlank() ? VietnamTime.today() : day(at);
    return units.on(day).stream().map(UnitView::of).toList();
  }

  private static LocalDate day(String text) {
    try {
      return VietnamTime.parse(text.strip()).map(date -> VietnamTime.zoned(date).toLocalDate()).orElseThrow();
    } catch (RuntimeException e) {
      throw new InvalidInputException("ngày «" + text + "» không đúng: viết 01/07/2025 hoặc 2025-07-01");
    }
  }

  record UnitView(String code, UnitKind kind, String name, String gsoCode, LocalDate validFrom, LocalDate validTo) {
    static UnitView of(Unit unit) {
      return new UnitView(unit.code(), unit.kind(), unit.name(), unit.gsoCode(), unit.validFrom(), unit.validTo());
    }
  }
}
