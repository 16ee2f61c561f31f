package vn.dvcw.pipelines.documents;

/** A file found in the inputs folder: its full URI, bytes and modification time (epoch millis). */
public record InputFile(String path, byte[] bytes, long modifiedAt) {}
