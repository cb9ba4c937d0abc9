package org.spotlerconnector.sandbox.mailplus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The account's tags and each contact's tags with their scores (ADR 0003 "Tags and scores"). A tag comes into being
 * when it is first used; removing a contact's tag also drops its score. Names are case-sensitive.
 *
 * <p>Thread-safe; each operation is atomic.
 */
public final class MailPlusTags {
  static final int MAX_NAME_LENGTH = 100;

  private final Predicate<String> contactExists;
  private final Set<String> tags = new LinkedHashSet<>();
  /** Per contact: tag name to score, null when the tag has no score. */
  private final Map<String, Map<String, Integer>> byContact = new HashMap<>();

  MailPlusTags(Predicate<String> contactExists) {
    this.contactExists = contactExists;
  }

  /** The account's tags, oldest first. */
  public synchronized List<String> all() {
    return List.copyOf(tags);
  }

  /** A contact's tags in the order they were added; empty for an unknown contact. */
  public synchronized List<ContactTag> tagsOf(String externalId) {
    List<ContactTag> result = new ArrayList<>();
    byContact.getOrDefault(externalId, Map.of()).forEach((name, score) -> result.add(new ContactTag(name, score)));
    return result;
  }

  /** Every contact that has a tag, with its tags. */
  public synchronized Map<String, List<ContactTag>> tagsByContact() {
    Map<String, List<ContactTag>> result = new LinkedHashMap<>();
    byContact.keySet().stream().sorted().forEach(id -> result.put(id, tagsOf(id)));
    return result;
  }

  /**
   * Adds a tag to the account unless it exists.
   *
   * @throws IllegalArgumentException when the name is empty or longer than 100 characters
   */
  public synchronized void addTag(String name) {
    try {
      checkName(name);
    } catch (MailPlusException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    tags.add(name);
  }

  /**
   * Tags a contact and, when the score is not null, sets its score, as the API calls would.
   *
   * @throws NoSuchElementException when there is no such contact
   * @throws IllegalArgumentException when the name is empty or longer than 100 characters
   */
  public synchronized void tagContact(String externalId, String name, Integer score) {
    try {
      if (score == null) {
        tag(externalId, name);
      } else {
        setScore(externalId, name, score);
      }
    } catch (MailPlusException e) {
      if (e.status() == 404) {
        throw new NoSuchElementException(e.getMessage());
      }
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  // ---- the API operations ----

  /** {@code POST /tag}: 400 {@code NAME_ALREADY_IN_USE} when it exists, 400 {@code INVALID_PARAMS} for a bad name. */
  synchronized void create(String name) {
    checkName(name);
    if (!tags.add(name)) {
      throw new MailPlusException(400, ErrorType.NAME_ALREADY_IN_USE, "A tag with this name already exists");
    }
  }

  /** {@code POST /contact/{externalId}/tag}: adds the tag, creating it when new; tagging twice changes nothing. */
  synchronized void tag(String externalId, String name) {
    checkName(name);
    requireContact(externalId);
    tags.add(name);
    byContact.computeIfAbsent(externalId, id -> new LinkedHashMap<>()).putIfAbsent(name, null);
  }

  /** {@code GET /contact/{externalId}/tag/list}: the contact's tags; 404 {@code CONTACT_NOT_FOUND}. */
  synchronized List<ContactTag> tagsOfContact(String externalId) {
    requireContact(externalId);
    return tagsOf(externalId);
  }

  /** {@code DELETE /contact/{externalId}/tag/{name}}: removes the tag and its score. */
  synchronized void untag(String externalId, String name) {
    requireContact(externalId);
    Map<String, Integer> contactTags = byContact.get(externalId);
    if (contactTags == null || !contactTags.containsKey(name)) {
      throw new MailPlusException(404, ErrorType.RESOURCE_NOT_FOUND, "The contact does not have this tag");
    }
    contactTags.remove(name);
    if (contactTags.isEmpty()) {
      byContact.remove(externalId);
    }
  }

  /** {@code PUT /contact/{externalId}/tag/{name}/score}: sets the score, adding the tag when missing. */
  synchronized void setScore(String externalId, String name, int score) {
    checkName(name);
    requireContact(externalId);
    tags.add(name);
    byContact.computeIfAbsent(externalId, id -> new LinkedHashMap<>()).put(name, score);
  }

  /**
   * {@code POST /contact/{externalId}/tag/{name}/score}: changes the score by {@code delta} and answers the new one.
   * A tag without a score counts from 0, and a missing tag is added as with PUT.
   */
  synchronized int changeScore(String externalId, String name, int delta) {
    checkName(name);
    requireContact(externalId);
    Map<String, Integer> contactTags = byContact.getOrDefault(externalId, Map.of());
    Integer current = contactTags.get(name);
    int next;
    try {
      next = Math.addExact(current == null ? 0 : current, delta);
    } catch (ArithmeticException e) {
      throw MailPlusException.invalidParams("The score would be out of range");
    }
    setScore(externalId, name, next);
    return next;
  }

  synchronized void reset() {
    tags.clear();
    byContact.clear();
  }

  private void requireContact(String externalId) {
    if (!contactExists.test(externalId)) {
      throw MailPlusException.contactNotFound();
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw MailPlusException.invalidParams("A tag name is 1 to " + MAX_NAME_LENGTH + " characters long");
    }
  }
}
