package vn.nghean.review.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The invitation links' tokens, what is stored of them, and passwords that nobody knows. */
final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private Secrets() {}

  /** A link's token: 32 random bytes, base64url (43 characters), fit for a query string as it is. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes);
  }

  /**
   * What the database keeps of a token: its SHA-256, in hexadecimal. A copy of the database (a backup,
   * a read-only operator) holds no link that works; 256 random bits need no salt or slow hash.
   */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /**
   * A password that nobody knows, never shown or stored in clear: what a new account has until the
   * person sets theirs, and a disabled account for good. It passes the engine's password policy,
   * which production enforces on every password the engine stores.
   */
  static String unknownPassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return URL_SAFE.encodeToString(bytes) + "!aZ9";
  }
}
