package org.spotlerconnector.sync.lists;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spotlerconnector.config.AudienceRemoval;
import org.spotlerconnector.dataverse.DataverseClient;
import org.spotlerconnector.spotler.audience.Audience;
import org.spotlerconnector.spotler.audience.AudienceNotFoundException;
import org.spotlerconnector.spotler.audience.AudienceRejectedException;
import org.spotlerconnector.spotler.audience.SpotlerAudiences;
import org.spotlerconnector.store.ListAudience;
import org.spotlerconnector.store.Store;

/**
 * Syncs marketing lists to Spotler audiences (see the package comment): {@link #refresh()} every list marked for sync,
 * as the schedule does, and {@link #syncNow(String)} one list, as a Sync Marketing List job does.
 *
 * <p>A list's audience has the list id as externalId and the list's name; a renamed list renames it. A list that is
 * deleted or no longer marked loses its audience, or leaves it as it is ({@code sync.lists.onRemove}). An audience
 * deleted in Spotler is made again with every member at the next sync.
 *
 * <p>Thread-safe: the schedule and jobs may sync the same list at the same time; they take turns.
 */
public final class MarketingListSync {
  private static final Logger LOG = LoggerFactory.getLogger(MarketingListSync.class);
  static final String AUDIENCE_DESCRIPTION = "Dynamics 365 marketing list, kept in sync by the Spotler Connector";

  private final MarketingListTable lists;
  private final ListMemberReader memberReader;
  private final ListCapabilities capabilities;
  private final SpotlerAudiences audiences;
  private final Store store;
  private final MembersInSpotler membersInSpotler;
  private final AudienceMembers audienceMembers;
  private final ListSyncSettings settings;
  private final Clock clock;
  private final Map<String, Object> listLocks = new ConcurrentHashMap<>();

  public MarketingListSync(
      DataverseClient dataverse, SpotlerAudiences audiences, Store store, MemberPusher pusher,
      ListSyncSettings settings, Clock clock) {
    Objects.requireNonNull(dataverse, "dataverse");
    this.audiences = Objects.requireNonNull(audiences, "audiences");
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lists = new MarketingListTable(dataverse, settings.flagColumn());
    this.memberReader = new ListMemberReader(dataverse);
    this.capabilities = new ListCapabilities(dataverse, audiences, settings.flagColumn());
    this.membersInSpotler = new MembersInSpotler(store.recordLinks(), settings.connectionId(), pusher);
    this.audienceMembers = new AudienceMembers(audiences, store.listMemberships(), settings.connectionId());
  }

  /** Why marketing lists cannot be synced here, in words for an administrator; empty when they can. */
  public Optional<String> unavailable() {
    return capabilities.missing();
  }

  /**
   * What one {@link #refresh()} did.
   *
   * @param synced lists synced
   * @param stopped lists no longer synced, whose audience was deleted or left
   * @param failed lists whose sync or removal failed (logged); the next refresh tries them again
   */
  public record RefreshOutcome(int synced, int stopped, int failed) {}

  /**
   * Syncs every list marked for sync, and stops syncing the lists that were synced but are deleted or no longer
   * marked. A list that fails is logged and left for the next refresh; the others go on.
   *
   * @throws MarketingListsUnavailableException when marketing lists cannot be synced here
   */
  public RefreshOutcome refresh() {
    requireAvailable();
    List<MarketingList> marked = lists.markedForSync();
    int synced = 0;
    int failed = 0;
    Set<String> markedIds = new HashSet<>();
    for (MarketingList list : marked) {
      markedIds.add(list.id());
      try {
        sync(list);
        synced++;
      } catch (RuntimeException failure) {
        failed++;
        LOG.atWarn().addKeyValue("list", list.id()).addKeyValue("error", failure.toString())
            .log("syncing a marketing list failed; the next refresh tries again");
      }
    }
    int stopped = 0;
    for (ListAudience previous : store.listAudiences().findAll(settings.connectionId())) {
      if (!markedIds.contains(previous.listId())) {
        try {
          stopped += stopSyncing(previous.listId()) ? 1 : 0;
        } catch (RuntimeException failure) {
          failed++;
          LOG.atWarn().addKeyValue("list", previous.listId()).addKeyValue("error", failure.toString())
              .log("removing the audience of a list no longer synced failed; the next refresh tries again");
        }
      }
    }
    return new RefreshOutcome(synced, stopped, failed);
  }

  /**
   * Syncs one list now, marking it for sync first when it is not, so that the schedule keeps it in sync afterwards.
   *
   * @throws MarketingListsUnavailableException when marketing lists cannot be synced here
   * @throws MarketingListNotFoundException when the list does not exist
   * @throws InvalidListQueryException when a dynamic list's query cannot be run
   */
  public ListSyncReport syncNow(String listId) {
    requireAvailable();
    MarketingList list = lists.find(listId).orElseThrow(() -> new MarketingListNotFoundException(listId));
    if (!list.markedForSync()) {
      lists.markForSync(listId);
    }
    return sync(list);
  }

  private void requireAvailable() {
    Optional<String> missing = capabilities.missing();
    if (missing.isPresent()) {
      throw new MarketingListsUnavailableException(missing.get());
    }
  }

  private ListSyncReport sync(MarketingList list) {
    synchronized (lockOf(list.id())) {
      try {
        return syncMembers(list);
      } catch (AudienceNotFoundException vanished) {
        LOG.atWarn().addKeyValue("list", list.id())
            .log("the list's audience is gone from Spotler; making it again with every member");
        store.listAudiences().remove(settings.connectionId(), list.id());
        return syncMembers(list);
      }
    }
  }

  private ListSyncReport syncMembers(MarketingList list) {
    String connection = settings.connectionId();
    ensureAudience(list);
    Set<String> members = memberReader.members(list);
    MembershipChanges changes =
        MembershipChanges.between(members, store.listMemberships().find(connection, list.id()));
    audienceMembers.remove(list.id(), changes.left());
    store.listMemberships().removed(connection, list.id(), changes.gone());
    MembersInSpotler.Found found = membersInSpotler.among(list.memberTable(), changes);
    store.listMemberships().notInSpotler(connection, list.id(), found.notInSpotler());
    List<String> unknownToSpotler = audienceMembers.add(list.id(), found.inSpotler());
    store.listAudiences().save(connection, new ListAudience(list.id(), list.name(), clock.instant()));
    ListSyncReport report = new ListSyncReport(list.id(), list.name(), members.size(),
        found.inSpotler().size() - unknownToSpotler.size(), changes.left().size(),
        found.stillWaiting() + found.notInSpotler().size() + unknownToSpotler.size());
    LOG.atInfo().addKeyValue("list", list.id()).addKeyValue("dynamic", list.dynamic())
        .addKeyValue("members", report.members()).addKeyValue("added", report.added())
        .addKeyValue("removed", report.removed()).addKeyValue("notInSpotler", report.notInSpotler())
        .log("marketing list synced to its audience");
    return report;
  }

  /** Creates the list's audience when it has none yet, and gives it the list's name when the list was renamed. */
  private void ensureAudience(MarketingList list) {
    Optional<ListAudience> known = store.listAudiences().find(settings.connectionId(), list.id());
    Audience wanted = new Audience(list.id(), list.name(), AUDIENCE_DESCRIPTION);
    if (known.isEmpty()) {
      if (!audiences.createIfAbsent(wanted).name().equals(list.name())) {
        audiences.update(wanted);
      }
    } else if (!known.get().audienceName().equals(list.name())) {
      audiences.update(wanted);
      LOG.atInfo().addKeyValue("list", list.id()).log("the list was renamed; its audience is renamed");
    } else {
      return;
    }
    store.listAudiences().save(settings.connectionId(), new ListAudience(list.id(), list.name(), clock.instant()));
  }

  /**
   * Stops syncing a list: deletes its audience, or leaves it ({@code onRemove: keep}), and forgets the list. An
   * audience Spotler refuses to delete (a mailing uses it) is kept and tried again at the next refresh.
   *
   * @return whether the list was forgotten
   */
  private boolean stopSyncing(String listId) {
    synchronized (lockOf(listId)) {
      if (settings.onRemove() == AudienceRemoval.DELETE) {
        try {
          audiences.delete(listId);
        } catch (AudienceRejectedException inUse) {
          LOG.atWarn().addKeyValue("list", listId).addKeyValue("reason", inUse.serverMessage())
              .log("the audience of a list no longer synced cannot be deleted yet; trying again at the next refresh");
          return false;
        }
      }
      store.listAudiences().remove(settings.connectionId(), listId);
      LOG.atInfo().addKeyValue("list", listId).addKeyValue("audience", settings.onRemove())
          .log("the list is no longer synced");
      return true;
    }
  }

  private Object lockOf(String listId) {
    return listLocks.computeIfAbsent(listId, id -> new Object());
  }
}
