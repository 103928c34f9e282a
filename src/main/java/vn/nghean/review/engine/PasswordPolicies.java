package vn.nghean.review.engine;

import java.util.List;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's default password policy (at least 10 characters, a lower-case and an upper-case
 * letter, a digit, a special character, nothing of the user's own id), checked before the engine
 * exists: the production profile turns the policy on, and refuses to start with an administrator
 * password the engine would then refuse.
 */
public final class PasswordPolicies {

  private PasswordPolicies() {}

  /** The rules the password breaks, as the engine names them (e.g. {@code PASSWORD_POLICY_LENGTH}); empty when it complies. */
  public static List<String> broken(String userId, String password) {
    UserEntity user = new UserEntity(userId);
    return new DefaultPasswordPolicyImpl().getRules().stream().filter(rule -> !rule.execute(password, user))
        .map(PasswordPolicies::describe).toList();
  }

  private static String describe(PasswordPolicyRule rule) {
    return rule.getPlaceholder() + (rule.getParameters() == null || rule.getParameters().isEmpty() ? ""
        : " " + rule.getParameters());
  }
}
