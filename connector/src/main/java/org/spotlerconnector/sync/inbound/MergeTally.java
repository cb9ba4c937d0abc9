package org.spotlerconnector.sync.inbound;

import java.util.HashSet;
import java.util.Set;

/**
 * What merging linked contacts did. Not thread-safe: one merge fills it.
 *
 * <ul>
 *   <li>{@code merged}: records merged, whether or not a side needed a write;
 *   <li>{@code toDynamics}, {@code toSpotler}: records written to that side;
 *   <li>{@code conflicts}: conflicts recorded;
 *   <li>{@code changedMeanwhile}: records left because the Dataverse row changed between read and write (412);
 *   <li>{@code notSynced}: records whose row is gone, inactive, Do Not Email or excluded by a mapping filter;
 *   <li>{@code rejected}: the record ids whose values Spotler refused, so that nothing of them was stored.
 * </ul>
 */
final class MergeTally {
  int merged;
  int toDynamics;
  int toSpotler;
  int conflicts;
  int changedMeanwhile;
  int notSynced;
  final Set<String> rejected = new HashSet<>();

  void add(MergeTally other) {
    merged += other.merged;
    toDynamics += other.toDynamics;
    toSpotler += other.toSpotler;
    conflicts += other.conflicts;
    changedMeanwhile += other.changedMeanwhile;
    notSynced += other.notSynced;
    rejected.addAll(other.rejected);
  }

  boolean wroteAnything() {
    return toDynamics + toSpotler + conflicts > 0;
  }
}
