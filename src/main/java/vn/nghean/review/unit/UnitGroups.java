package vn.nghean.review.unit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.nghean.review.identity.Groups;

/**
 * Each unit of the registry has a pair of groups, its officers' and its leader's (design section 1),
 * named after the unit: created at start-up and when an edition adds units, renamed when an edition
 * renames a unit. A unit that leaves the registry keeps its groups, so that its people still read
 * the campaigns they took part in.
 */
@Component
class UnitGroups {

  static final String TYPE = "UNIT";
  private static final Logger LOG = LoggerFactory.getLogger(UnitGroups.class);

  private final IdentityService identityService;
  private final UnitRegistry registry;

  UnitGroups(IdentityService identityService, UnitRegistry registry) {
    this.identityService = identityService;
    this.registry = registry;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void atStart() {
    update(registry.all());
  }

  @EventListener
  public void editionLoaded(RegistryEditionLoaded loaded) {
    update(loaded.edition().units());
  }

  synchronized void update(List<Unit> units) {
    Map<String, Group> existing = new HashMap<>();
    identityService.createGroupQuery().groupType(TYPE).unlimitedList().forEach(g -> existing.put(g.getId(), g));
    int created = 0;
    int renamed = 0;
    for (Unit unit : units) {
      for (Map.Entry<String, String> pair : Map.of(Groups.unitOfficers(unit.code()), "Cán bộ - " + unit.name(),
          Groups.unitLeaders(unit.code()), "Lãnh đạo - " + unit.name()).entrySet()) {
        Group group = existing.get(pair.getKey());
        if (group == null) {
          group = identityService.newGroup(pair.getKey());
          group.setType(TYPE);
          created++;
        } else if (pair.getValue().equals(group.getName())) {
          continue;
        } else {
          renamed++;
        }
        group.setName(pair.getValue());
        identityService.saveGroup(group);
      }
    }
    if (created + renamed > 0) {
      LOG.info("Unit groups: {} created, {} renamed", created, renamed);
    }
  }
}
