package vn.nghean.review.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.nghean.review.engine.WithoutAuthorization;

/**
 * The people the identity provider signs in, kept in step in the engine's own tables.
 * <p>
 * The engine must know a person and their groups for what it decides without them: the candidate
 * groups of a task, Tasklist's filters, the recipients of a mail. Camunda's identity-provider plugin for
 * Keycloak would read them from the provider instead, but exists for 7.23 only, speaks to Keycloak's
 * admin API alone (not any OpenID Connect provider) and makes the engine's identity read-only, which
 * the registry's groups and the administrator's recovery need to write. So the provider's word is
 * written into the engine's tables each time it is heard: at sign-in, at every refresh of a webapp
 * session's groups, and for every program's token (checked against a short cache, so that a program
 * calling ten times a second writes nothing ten times). Name and e-mail come from the provider's claims,
 * never from the person; the person's groups are the provider's, mapped ({@link ProviderSettings#groupMap})
 * onto groups the application has.
 */
final class ProviderPeople {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderPeople.class);

  /**
   * Who the provider says a person is, in the application's terms. {@code groupsListed}: whether the
   * token had the groups claim at all (Keycloak leaves it out for a person in no group).
   */
  record Person(String id, String firstName, String lastName, String email, List<String> groupIds,
      boolean groupsListed) {}

  /** A token or sign-in that does not say who the person is or which groups they are in. */
  static final class Unnamed extends RuntimeException {
    Unnamed(String message) {
      super(message);
    }
  }

  private final IdentityService identity;
  private final ProviderSettings settings;
  /** What was last written for each person: the same word again within the cache time writes nothing. */
  private final Cache<String, Person> written;
  /**
   * Whether the application has a group, asked of the engine once a minute per group (the registry adds
   * units' groups): one row per name a provider sends, not every group of a national campaign's registry.
   */
  private final Cache<String, Boolean> groups = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1))
      .maximumSize(100_000).build();

  ProviderPeople(IdentityService identity, ProviderSettings settings) {
    this.identity = identity;
    this.settings = settings;
    this.written = Caffeine.newBuilder().expireAfterWrite(settings.groupsCache()).maximumSize(100_000).build();
  }

  /** The person the claims name ({@link Unnamed} without the user claim), with their groups if listed. */
  Person person(Map<String, Object> claims) {
    Object id = claims.get(settings.userClaim());
    if (!(id instanceof String userId) || userId.isBlank()) {
      throw new Unnamed("the token has no " + settings.userClaim());
    }
    Object listed = claims.get(settings.groupsClaim());
    Collection<?> names = listed == null ? List.of() : listed instanceof Collection<?> many ? many : List.of(listed);
    Set<String> mapped = new LinkedHashSet<>();
    for (Object name : names) {
      String group = groupOf(String.valueOf(name));
      if (groups.get(group, this::exists)) {
        mapped.add(group);
      } else {
        LOG.debug("Provider group {} of {} has no group here; ignored", name, userId);
      }
    }
    return new Person(userId.toLowerCase(java.util.Locale.ROOT), text(claims, "given_name"),
        text(claims, "family_name"), text(claims, "email"), List.copyOf(mapped), listed != null);
  }

  /**
   * The person of a token that must list their groups: a program's token without the claim is refused
   * (a client the province forgot to give the claim must not quietly act as nobody).
   */
  Person withListedGroups(Map<String, Object> claims) {
    Person person = person(claims);
    if (!person.groupsListed()) {
      throw new Unnamed("the token has no " + settings.groupsClaim() + " claim");
    }
    return person;
  }

  /** The application's group for one of the provider's group names. */
  String groupOf(String providerName) {
    String mapped = settings.groupMap().get(providerName);
    if (mapped != null) {
      return mapped;
    }
    String last = providerName.substring(providerName.lastIndexOf('/') + 1);
    return settings.groupMap().getOrDefault(last, last);
  }

  /** Writes the person, their name, e-mail and groups into the engine's tables unless just written. */
  void keepInStep(Person person) {
    if (person.equals(written.getIfPresent(person.id()))) {
      return;
    }
    WithoutAuthorization.call(identity, () -> {
      write(person);
      return null;
    });
    written.put(person.id(), person);
  }

  private void write(Person person) {
    User user = identity.createUserQuery().userId(person.id()).singleResult();
    boolean isNew = user == null;
    if (isNew) {
      user = identity.newUser(person.id());
    }
    if (isNew || !Objects.equals(user.getFirstName(), person.firstName())
        || !Objects.equals(user.getLastName(), person.lastName()) || !Objects.equals(user.getEmail(), person.email())) {
      user.setFirstName(person.firstName());
      user.setLastName(person.lastName());
      user.setEmail(person.email());
      try {
        identity.saveUser(user);
      } catch (RuntimeException raced) {
        // Another node wrote the same new person a moment earlier: the row is there; the next word updates it.
        if (identity.createUserQuery().userId(person.id()).count() == 0) {
          throw raced;
        }
      }
    }
    List<String> had = identity.createGroupQuery().groupMember(person.id()).unlimitedList().stream().map(Group::getId)
        .toList();
    List<String> added = new ArrayList<>();
    for (String group : person.groupIds()) {
      if (!had.contains(group)) {
        try {
          identity.createMembership(person.id(), group);
          added.add(group);
        } catch (RuntimeException raced) {
          LOG.debug("Membership {} of {} written by another node", group, person.id());
        }
      }
    }
    List<String> removed = had.stream().filter(group -> !person.groupIds().contains(group)).toList();
    removed.forEach(group -> identity.deleteMembership(person.id(), group));
    if (!added.isEmpty() || !removed.isEmpty()) {
      LOG.info("Groups of {} from the identity provider: added {}, removed {}", person.id(), added, removed);
    }
  }

  private boolean exists(String groupId) {
    return WithoutAuthorization.call(identity, () -> identity.createGroupQuery().groupId(groupId).count() > 0);
  }

  private static String text(Map<String, Object> claims, String name) {
    Object value = claims.get(name);
    return value instanceof String text && !text.isBlank() ? text : null;
  }
}
