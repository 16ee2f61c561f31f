package vn.dvcw.storage.catalog;

/**
 * How a table is written: every table declares one, and {@link vn.dvcw.storage.write.TableWriter} refuses any
 * other. All modes are one Delta commit per write, so a reader sees the previous version or the next, never half.
 */
public enum WriteMode {
  /** MERGE on the keys: new keys inserted, rows whose content (row_hash) changed updated, absent keys kept. */
  UPSERT,
  /** The table becomes exactly the rows given: an UPSERT that also deletes the keys no longer present. */
  REPLACE,
  /** Rows whose key the table lacks are inserted; rows it has are never changed (immutable facts: events). */
  INSERT_NEW,
  /** Rows are added as received (raw inputs); nothing is compared or updated. */
  APPEND,
  /** Whole values of the partition column are rewritten: the rows given replace exactly those partitions. */
  REPLACE_PARTITIONS
}
