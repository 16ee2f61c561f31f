package vn.dvcw.core.documents;

/** Something in a document that could not be loaded: it goes to ops.quarantine with this reason. */
public record Problem(String tableId, Integer lineNo, String rawText, String reason) {}
