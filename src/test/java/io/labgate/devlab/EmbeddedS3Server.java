package io.labgate.devlab;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** A real S3 server (S3Proxy) storing objects as files under a directory. */
public final class EmbeddedS3Server implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3Server(S3Proxy proxy, BlobStoreContext context, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.context = context;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    public static EmbeddedS3Server start(Path baseDirectory, int port, String accessKey, String secretKey)
            throws Exception {
        Files.createDirectories(baseDirectory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", baseDirectory.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem")
                .credentials(accessKey, secretKey)
                .overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(20);
        }
        return new EmbeddedS3Server(proxy, context, accessKey, secretKey);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
