package vn.dvcw.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;

/**
 * An S3-compatible server on 127.0.0.1 in the test JVM: s3proxy in front of jclouds' in-memory blob store, with
 * AWS signature checks on (the same access key and secret S3A must send). The Spark processes reach it through
 * {@code s3a://} with the settings of {@link #sparkOptions()}.
 */
final class S3Server implements AutoCloseable {
  static final String ACCESS_KEY = "dvcw-test-access";
  static final String SECRET_KEY = "dvcw-test-secret-0123456789";

  private final BlobStoreContext context;
  private final S3Proxy proxy;

  private S3Server(BlobStoreContext context, S3Proxy proxy) {
    this.context = context;
    this.proxy = proxy;
  }

  /** Starts the server on a free port of 127.0.0.1. */
  static S3Server start() throws Exception {
    BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials("local", "local")
        .build(BlobStoreContext.class);
    S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new S3Server(context, proxy);
  }

  String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The S3A settings a Spark process needs for this server, as {@code -Dspark.hadoop.…} JVM options. */
  List<String> sparkOptions() {
    return List.of(
        "-Dspark.hadoop.fs.s3a.endpoint=" + endpoint(),
        "-Dspark.hadoop.fs.s3a.path.style.access=true",
        "-Dspark.hadoop.fs.s3a.connection.ssl.enabled=false",
        "-Dspark.hadoop.fs.s3a.access.key=" + ACCESS_KEY,
        "-Dspark.hadoop.fs.s3a.secret.key=" + SECRET_KEY,
        "-Dspark.hadoop.fs.s3a.endpoint.region=us-east-1");
  }

  void createBucket(String bucket) {
    blobStore().createContainerInLocation(null, bucket);
  }

  /** Uploads every file under {@code folder} to {@code bucket} under {@code prefix}, keeping relative paths. */
  void upload(Path folder, String bucket, String prefix) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String key = prefix + "/" + folder.relativize(f).toString().replace('\\', '/');
        Blob blob = blobStore().blobBuilder(key).payload(Files.readAllBytes(f)).contentLength(Files.size(f)).build();
        blobStore().putBlob(bucket, blob);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot upload " + folder, e);
    }
  }

  /** The keys under {@code prefix}, recursively. */
  List<String> keys(String bucket, String prefix) {
    return blobStore().list(bucket, org.jclouds.blobstore.options.ListContainerOptions.Builder.prefix(prefix)
        .recursive()).stream().map(m -> m.getName()).toList();
  }

  private BlobStore blobStore() {
    return context.getBlobStore();
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
