package vn.nghean.review.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.Groups;
import vn.nghean.review.identity.Role;
import vn.nghean.review.engine.WithoutAuthorization;
import vn.nghean.review.unit.Unit;
import vn.nghean.review.unit.UnitRegistry;

/** Whom to notify: the unit registry's addresses and the members of the groups concerned. */
@Component
public class Recipients {

  private final IdentityService identityService;
  private final UnitRegistry units;

  public Recipients(IdentityService identityService, UnitRegistry units) {
    this.identityService = identityService;
    this.units = units;
  }

  /**
   * The unit's officers: the addresses of the registry's latest edition (a unit that has left it
   * has none), and the members of its group.
   */
  public List<Recipient> unitOfficers(String unitCode) {
    List<Recipient> recipients = new ArrayList<>(
        addresses(units.find(unitCode).map(Unit::officerEmails).orElse(List.of())));
    recipients.addAll(group(Groups.unitOfficers(unitCode)));
    return recipients;
  }

  public List<Recipient> unitLeaders(String unitCode) {
    List<Recipient> recipients = new ArrayList<>(
        addresses(units.find(unitCode).map(Unit::leaderEmails).orElse(List.of())));
    recipients.addAll(group(Groups.unitLeaders(unitCode)));
    return recipients;
  }

  /** Officers and leader of each unit. */
  public List<Recipient> units(Collection<String> unitCodes) {
    List<Recipient> recipients = new ArrayList<>();
    for (String code : unitCodes) {
      recipients.addAll(unitOfficers(code));
      recipients.addAll(unitLeaders(code));
    }
    return recipients;
  }

  /** Officers and leader of each unit, and the members of each group. */
  public List<Recipient> unitsAndGroups(Collection<String> unitCodes, Collection<String> groupIds) {
    List<Recipient> recipients = units(unitCodes);
    groupIds.forEach(group -> recipients.addAll(group(group)));
    return recipients;
  }

  /** Everyone a task's candidate group stands for: for a unit group, the registry's addresses too. */
  public List<Recipient> candidates(String groupId) {
    // unitVINH or unitVINHlead: found by code, not by a walk through 10,000 units for each task.
    Optional<String> leaders = Groups.unitOfLeaders(groupId).filter(code -> units.find(code).isPresent());
    if (leaders.isPresent()) {
      return unitLeaders(leaders.get());
    }
    Optional<String> officers = Groups.unitOfOfficers(groupId).filter(code -> units.find(code).isPresent());
    return officers.isPresent() ? unitOfficers(officers.get()) : group(groupId);
  }

  /** Everyone behind the roles, for the unit concerned (unit roles) or the province (the others). */
  public List<Recipient> of(Collection<Role> roles, String unitCode) {
    List<Recipient> recipients = new ArrayList<>();
    for (Role role : roles) {
      recipients.addAll(switch (role) {
        case UNIT_OFFICERS -> unitOfficers(unitCode);
        case UNIT_LEADER -> unitLeaders(unitCode);
        case PV01 -> group(Groups.PV01);
        case PV01_LEAD -> group(Groups.PV01_LEAD);
        case STEERING_COMMITTEE -> group(Groups.STEERING_COMMITTEE);
      });
    }
    return recipients;
  }

  /** The members of a group, whoever's step asks. */
  public List<Recipient> group(String groupId) {
    List<User> members = WithoutAuthorization.call(
        () -> identityService.createUserQuery().memberOfGroup(groupId).unlimitedList());
    return members.stream().map(u -> new Recipient(u.getId(), u.getEmail())).toList();
  }

  private static List<Recipient> addresses(List<String> emails) {
    return emails.stream().map(e -> new Recipient(null, e)).toList();
  }
}
