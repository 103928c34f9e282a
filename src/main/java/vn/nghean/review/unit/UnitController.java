package vn.nghean.review.unit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The unit registry, for forms and integrations (no contact addresses). */
@RestController
class UnitController {

  private final UnitRegistry units;

  UnitController(UnitRegistry units) {
    this.units = units;
  }

  @GetMapping("/api/units")
  List<UnitView> list() {
    return units.all().stream().map(u -> new UnitView(u.code(), u.kind(), u.name())).toList();
  }

  record UnitView(String code, UnitKind kind, String name) {}
}
