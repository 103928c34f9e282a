package vn.nghean.review.account;

/** Where an account made from the registry stands ({@code registry_account.state}). */
enum AccountState {
  /** Made, with a link to set the password sent; nobody can sign in with it yet. */
  INVITED,
  /** The person has set their password. */
  ACTIVE,
  /**
   * Its address left the registry: out of its units' groups, its password replaced by one nobody
   * knows, its links revoked. The user stays, so that history still names the person.
   */
  DISABLED
}
