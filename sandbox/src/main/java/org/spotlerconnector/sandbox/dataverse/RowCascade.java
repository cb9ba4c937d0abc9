package org.spotlerconnector.sandbox.dataverse;

import java.util.UUID;

/**
 * What the server does to other rows when a row is created or deleted, in the same transaction and under the store's
 * write lock: a cascading delete, or a count kept on a parent row. Called after the row is written or removed.
 */
interface RowCascade {
  RowCascade NONE =
      new RowCascade() {
        @Override
        public void created(TableStore table, Row row, UUID userId) {}

        @Override
        public void deleted(TableStore table, Row row, UUID userId) {}
      };

  void created(TableStore table, Row row, UUID userId);

  /** @param row the row as it was before the delete */
  void deleted(TableStore table, Row row, UUID userId);
}
