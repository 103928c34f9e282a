package vn.nghean.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * A signed-in person's authorization checks use their own groups as they are, instead of first reading
 * every group that holds a grant anywhere.
 *
 * <p>Why: before each command of a signed-in person (a task list, a count, a completed task), Camunda
 * narrows the person's groups to those that hold some grant, and to know them it reads every distinct
 * group of {@code ACT_RU_AUTHORIZATION}, once per command. Each unit's two groups hold grants on its
 * own instance, so that list has two entries per unit: 20,000 at 10,000 units, 200,000 for a national
 * campaign, read and hashed for every request (docs/performance.md, "100,000 units"). The narrowing
 * only shortens the {@code GROUP_ID_ IN (...)} of the checks' SQL, where a group without grants matches
 * nothing anyway, so the answers are the same. People in more than {@link #NARROWED_FROM} groups (a
 * directory with many groups per person) keep Camunda's narrowing, where the shorter SQL is worth it.
 */
@Component
public class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

  /** From this many groups on, a person's groups are narrowed as Camunda does. */
  static final int NARROWED_FROM = 50;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new OwnGroupsAuthorizationManager();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, the person's groups taken as they are. */
  static class OwnGroupsAuthorizationManager extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() >= NARROWED_FROM) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
