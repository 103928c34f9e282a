package vn.nghean.review.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's default password policy (at least 10 characters, a lower-case and an upper-case
 * letter, a digit, a special character, nothing of the user's own id), checked before the engine
 * exists: the production profile turns the policy on, and refuses to start with an administrator
 * password the engine would then refuse. A person who sets their own password through an invitation
 * is held to it whatever the profile ({@code account.Invitations}).
 */
public final class PasswordPolicies {

  /** A rule the password breaks: the engine's name for it (e.g. {@code PASSWORD_POLICY_LENGTH}) and its parameters. */
  public record BrokenRule(String rule, Map<String, String> parameters) {}

  private PasswordPolicies() {}

  /** The rules the password breaks, as the engine names them (e.g. {@code PASSWORD_POLICY_LENGTH}); empty when it complies. */
  public static List<String> broken(String userId, String password) {
    return brokenFor(userId, null, null, null, password).stream().map(PasswordPolicies::describe).toList();
  }

  /**
   * The rules the password breaks for this person: the engine also refuses a password that contains
   * the user's id, first or last name or e-mail address, and checks them when it stores the password.
   */
  public static List<BrokenRule> brokenFor(String userId, String firstName, String lastName, String email,
      String password) {
    UserEntity user = new UserEntity(userId);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(email);
    String checked = password == null ? "" : password;
    return new DefaultPasswordPolicyImpl().getRules().stream().filter(rule -> !rule.execute(checked, user))
        .map(PasswordPolicies::broken).toList();
  }

  private static BrokenRule broken(PasswordPolicyRule rule) {
    return new BrokenRule(rule.getPlaceholder(), rule.getParameters() == null ? Map.of() : Map.copyOf(rule.getParameters()));
  }

  private static String describe(BrokenRule rule) {
    return rule.rule() + (rule.parameters().isEmpty() ? "" : " " + new java.util.TreeMap<>(rule.parameters()));
  }
}
