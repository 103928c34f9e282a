package vn.nghean.review.account;

import java.util.List;

import vn.nghean.review.engine.PasswordPolicies;

/** The engine's password policy in the words the person reads on the page. */
final class PasswordRules {

  /** No password is that long; a body that says otherwise is not a person's. */
  static final int MAX_LENGTH = 200;

  private PasswordRules() {}

  /** Each rule the password breaks for this person, as a Vietnamese sentence; empty when it complies. */
  static List<String> broken(String userId, String firstName, String lastName, String email, String password) {
    if (password != null && password.length() > MAX_LENGTH) {
      return List.of("Mật khẩu dài quá " + MAX_LENGTH + " ký tự");
    }
    return PasswordPolicies.brokenFor(userId, firstName, lastName, email, password).stream()
        .map(PasswordRules::sentence).toList();
  }

  private static String sentence(PasswordPolicies.BrokenRule rule) {
    java.util.Map<String, String> p = rule.parameters();
    return switch (rule.rule()) {
      case "PASSWORD_POLICY_LENGTH" -> "Mật khẩu phải có ít nhất " + p.getOrDefault("minLength", "10") + " ký tự";
      case "PASSWORD_POLICY_LOWERCASE" -> "Mật khẩu phải có ít nhất " + p.getOrDefault("minLowerCase", "1")
          + " chữ thường (a–z)";
      case "PASSWORD_POLICY_UPPERCASE" -> "Mật khẩu phải có ít nhất " + p.getOrDefault("minUpperCase", "1")
          + " chữ in hoa (A–Z)";
      case "PASSWORD_POLICY_DIGIT" -> "Mật khẩu phải có ít nhất " + p.getOrDefault("minDigit", "1") + " chữ số (0–9)";
      case "PASSWORD_POLICY_SPECIAL" -> "Mật khẩu phải có ít nhất " + p.getOrDefault("minSpecial", "1")
          + " ký tự đặc biệt (ví dụ ! @ # $ % & * - _)";
      case "PASSWORD_POLICY_USER_DATA" -> "Mật khẩu không được chứa tên đăng nhập, họ tên hay địa chỉ thư điện tử"
          + " của tài khoản";
      default -> "Mật khẩu chưa đạt quy tắc " + rule.rule();
    };
  }
}
