package vn.dvcw.pipelines.feed;

/**
 * The numbered steps of a feed run, in order. A {@link Listener} hears the end of each: production passes
 * {@link Listener#NONE}; tests throw from it to crash a run at a chosen point and check the next run repairs it.
 */
public enum FeedStep {
  /** 1. The new files are known and marked 'loading' in bronze.feed_file (duplicates recorded). */
  FILES_MARKED_LOADING,
  /** 2. Their messages are parsed into the staging folder. */
  STAGED,
  /** 3. bronze.feed_record holds the messages and ops.quarantine the refused ones. */
  BRONZE_WRITTEN,
  /** 4. silver.dossier_event holds the batch's new events. */
  EVENTS_MERGED,
  /** 5. silver.dossier holds the folded state of the batch's dossiers. */
  DOSSIERS_FOLDED,
  /** 6. gold.dossier_daily is rebuilt for the months that changed. */
  GOLD_REBUILT,
  /** 7. gold.dossier_as_of and bronze.feed_file ('loaded') say the run is complete. */
  FILES_MARKED_LOADED;

  /** Hears the end of each step of a run. */
  @FunctionalInterface
  public interface Listener {
    /** Does nothing: what production runs use. */
    Listener NONE = step -> { };

    /** Called when {@code step} has completed; an exception thrown here stops the run there. */
    void completed(FeedStep step);
  }
}
