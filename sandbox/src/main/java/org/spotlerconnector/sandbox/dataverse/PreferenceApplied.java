package org.spotlerconnector.sandbox.dataverse;

import java.util.ArrayList;
import java.util.List;
import org.spotlerconnector.sandbox.http.HttpResponse;

/** The {@code Preference-Applied} header: the preferences the server honoured, comma-joined (dataverse-api.md §2.1). */
final class PreferenceApplied {
  private final List<String> applied = new ArrayList<>();

  private PreferenceApplied() {}

  /** The preferences honoured by a read; {@code paged} and {@code tracking} say whether those two took effect. */
  static PreferenceApplied of(Preferences preferences, boolean paged, boolean tracking) {
    PreferenceApplied p = new PreferenceApplied();
    if (paged) {
      p.applied.add("odata.maxpagesize=" + Math.min(preferences.maxPageSize(), CollectionQuery.MAX_PAGE_SIZE));
    }
    if (tracking) {
      p.applied.add("odata.track-changes");
    }
    p.annotations(preferences);
    return p;
  }

  /** The preferences honoured by a write answered with its representation. */
  static PreferenceApplied ofWrite(Preferences preferences) {
    PreferenceApplied p = new PreferenceApplied();
    if (preferences.returnRepresentation()) {
      p.applied.add("return=representation");
      p.annotations(preferences);
    }
    return p;
  }

  HttpResponse applyTo(HttpResponse response) {
    return applied.isEmpty() ? response : response.header("Preference-Applied", String.join(",", applied));
  }

  private void annotations(Preferences preferences) {
    if (preferences.includeAnnotations() != null) {
      applied.add("odata.include-annotations=\"" + preferences.includeAnnotations() + "\"");
    }
  }
}
