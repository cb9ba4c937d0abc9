/**
 * The three-way merge of the two-way sync, as pure logic: per mapped field, the value both sides last agreed on (the
 * base), the Dataverse value and the Spotler value, all in Spotler value space (what {@link
 * org.spotlerconnector.mapping.OutboundMapper} sends), give what to write to each side, the conflicts to record and
 * the new base. {@link org.spotlerconnector.merge.RecordMerge} merges one record, {@link
 * org.spotlerconnector.merge.FieldMerge} one field, resolving conflicts by the field's {@link
 * org.spotlerconnector.merge.ConflictRule}.
 */
package org.spotlerconnector.merge;
