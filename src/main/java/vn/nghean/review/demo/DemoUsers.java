package vn.nghean.review.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitKind;
import vn.nghean.review.unit.UnitRegistry;

/**
 * The demo users of the README, every one with password {@code demo}: the province's, an officer and
 * a leader for each unit of the 2023–2024 campaign, for each department of today and for a handful of
 * the 130 communes ({@link #DEMO_COMMUNES}).
 */
@Component
class DemoUsers {

  static final String PASSWORD = "demo";
  static final String PV01_OFFICER = "pv01officer";
  static final String PV01_HEAD = "pv01head";

  private final IdentityService identityService;
  private final UnitRegistry units;

  DemoUsers(IdentityService identityService, UnitRegistry units) {
    this.identityService = identityService;
    this.units = units;
  }

  record DemoUser(String id, String firstName, String lastName, String email, String group) {}

  /** The day whose units the demo's 2023–2024 campaign takes part with: the district-level units. */
  static final java.time.LocalDate CAMPAIGN_UNITS_ON = java.time.LocalDate.of(2024, 12, 31);
  /** A handful of the communes of 01/07/2025, with users, for a campaign started today. */
  static final List<String> DEMO_COMMUNES = List.of("THANHVINHPHUONG", "CUALOPHUONG", "ANHSONXA", "DIENCHAUXA",
      "MUONGXENXA");

  /** The demo's province users, whatever the registry: a database that holds them was a demo's. */
  static final List<String> PROVINCE_USERS = List.of(PV01_OFFICER, PV01_HEAD, "bcdmember", "manager");

  List<DemoUser> all() {
    List<DemoUser> users = new ArrayList<>(List.of(
        new DemoUser(PV01_OFFICER, "Cán bộ", "Phòng PV01", "pv01@nghean.example", Groups.PV01),
        new DemoUser(PV01_HEAD, "Trưởng phòng", "PV01", "truongphong.pv01@nghean.example", Groups.PV01_LEAD),
        new DemoUser("bcdmember", "Thành viên", "Ban Chỉ đạo tỉnh", "bcd@nghean.example", Groups.STEERING_COMMITTEE),
        new DemoUser("manager", "Lãnh đạo", "UBND tỉnh", "lanhdao@nghean.example", Groups.MANAGERS)));
    List<Unit> withUsers = new ArrayList<>(units.on(CAMPAIGN_UNITS_ON));
    DEMO_COMMUNES.stream().map(units::find).flatMap(java.util.Optional::stream).forEach(withUsers::add);
    units.today().stream().filter(unit -> !withUsers.contains(unit)).filter(unit -> unit.kind() != UnitKind.COMMUNE)
        .forEach(withUsers::add);
    for (Unit unit : withUsers) {
      String prefix = unit.code().toLowerCase(Locale.ROOT);
      users.add(new DemoUser(prefix + "officer", "Cán bộ", unit.name(), first(unit.officerEmails()),
          Groups.unitOfficers(unit.code())));
      users.add(new DemoUser(prefix + "lead", "Lãnh đạo", unit.name(), first(unit.leaderEmails()),
          Groups.unitLeaders(unit.code())));
    }
    return users;
  }

  private static String first(List<String> emails) {
    return emails.isEmpty() ? null : emails.get(0);
  }

  /** Creates the users that are missing. */
  void create() {
    for (DemoUser demo : all()) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.email());
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group());
    }
  }
}
