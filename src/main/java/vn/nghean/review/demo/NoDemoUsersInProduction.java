package vn.nghean.review.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Refuses to start production on a database that still holds the demo's users (left by a default
 * start), whose password is {@code demo} and who belong to PV01 and the province's groups: before
 * the application takes a request, and saying why.
 */
@Component
@Profile("prod")
class NoDemoUsersInProduction {

  private final IdentityService identityService;

  NoDemoUsersInProduction(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationStartedEvent.class)
  void refuseDemoUsers() {
    List<String> found = DemoUsers.PROVINCE_USERS.stream()
        .filter(id -> identityService.createUserQuery().userId(id).count() > 0).toList();
    if (!found.isEmpty()) {
      throw new IllegalStateException("The prod profile cannot start on this database: it holds the demo's users "
          + found + ", whose password is 'demo' (it was started without the prod profile, with demo data). Give "
          + "production a database of its own, or delete those users in Admin first. Nothing was started.");
    }
  }
}
