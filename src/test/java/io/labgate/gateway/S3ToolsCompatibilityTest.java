package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.labgate.gateway.GatewayFixtures.Data;
import io.labgate.gateway.GatewayFixtures.Key;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The S3 tools AI companies already use, run as they are installed (Debian's rclone, s3cmd, python3-boto3 and
 * awscli; {@code .ci/run} installs them when missing), each in its default configuration except endpoint and
 * credentials, against LabGate's S3 API at the root of its port: each lists, downloads everything (SHA-256 equal to
 * what was published), reads a range, presigns a GET where it can, and is refused a write. Prints the table of
 * tool × operation. A tool that is not installed is left out, unless {@code LABGATE_REQUIRE_S3_TOOLS=true}, which
 * {@code .ci/run} sets once it has them.
 */
@QuarkusTest
class S3ToolsCompatibilityTest {

    static final Map<String, byte[]> OBJECTS = Map.of(
            "d/a.bin", TestStore.bytes(31, 1000),
            "d/sub/c.txt", "a text file\n".getBytes(StandardCharsets.UTF_8),
            "d/sub/deep/e.bin", TestStore.bytes(32, 3000));

    @Inject
    S3Mount mount;

    @Inject
    DemoOrganizations demo;

    private final Map<String, Map<String, String>> table = new LinkedHashMap<>();
    private Path work;
    private String bucket;
    private Key key;
    private String endpoint;

    @Test
    void theStandardToolsSpeakTheEndpointInTheirDefaultConfiguration() throws Exception {
        demo.ensure(DemoOrganizations.ALPHA);
        demo.ensure(DemoOrganizations.JEJU);
        PublishedDatasets.active(DemoOrganizations.ALPHA);
        PublishedDatasets.active(DemoOrganizations.JEJU);
        Data data = GatewayFixtures.publishedForS3(OBJECTS);
        bucket = (data.datasetCode() + "-" + data.versionLabel()).toLowerCase(Locale.ROOT);
        key = GatewayFixtures.key(Tokens.ALICE, GatewayFixtures.grant(Tokens.ALICE, data));
        endpoint = "http://localhost:" + mount.rootPort();
        work = Files.createTempDirectory("s3-tools");

        List<String> missing = new ArrayList<>();
        if (installed("rclone")) {
            rclone();
        } else {
            missing.add("rclone");
        }
        if (installed("s3cmd")) {
            s3cmd();
        } else {
            missing.add("s3cmd");
        }
        if (installed("aws")) {
            awsCli();
        } else {
            missing.add("aws");
        }
        minioJava();
        if (run(List.of(python(), "-c", "import boto3"), Map.of()).exit() == 0) {
            boto3();
        } else {
            missing.add("boto3");
        }
        print(missing);
        if ("true".equals(System.getenv("LABGATE_REQUIRE_S3_TOOLS"))) {
            assertThat(missing).as("tools .ci/run installs").isEmpty();
        }
        List<String> failed = new ArrayList<>();
        table.forEach((tool, operations) -> operations.forEach((operation, result) -> {
            if (!result.equals("pass")) {
                failed.add(tool + " " + operation + ": " + result);
            }
        }));
        assertThat(failed).as("tool × operation").isEmpty();
    }

    // --- the tools --------------------------------------------------------------------------------------

    private void rclone() throws Exception {
        Path config = work.resolve("rclone.conf");
        Files.writeString(
                config,
                "[lg]\ntype = s3\nprovider = Other\naccess_key_id = " + key.accessKeyId() + "\nsecret_access_key = "
                        + key.secret() + "\nendpoint = " + endpoint + "\n");
        List<String> rclone = List.of("rclone", "--config", config.toString());
        Result buckets = run(concat(rclone, "lsd", "lg:"), Map.of());
        record("rclone", "list buckets", buckets.exit() == 0 && buckets.out().contains(bucket), buckets);
        Result objects = run(concat(rclone, "ls", "lg:" + bucket), Map.of());
        record("rclone", "list objects", objects.exit() == 0 && objects.out().contains("sub/deep/e.bin"), objects);
        Path into = work.resolve("rclone");
        Result copy = run(concat(rclone, "copy", "lg:" + bucket, into.toString()), Map.of());
        record("rclone", "download everything", copy.exit() == 0 && sameAsPublished(into), copy);
        Result range = run(concat(rclone, "cat", "--offset", "1", "--count", "5", "lg:" + bucket + "/a.bin"), Map.of());
        record(
                "rclone",
                "ranged read",
                range.exit() == 0 && Arrays.equals(range.bytes(), slice("d/a.bin", 1, 5)),
                range);
        Path local = Files.writeString(work.resolve("x.txt"), "x");
        Result write = run(concat(rclone, "copyto", local.toString(), "lg:" + bucket + "/x.txt"), Map.of());
        record("rclone", "write refused", write.exit() != 0 && write.out().contains("AccessDenied"), write);
    }

    private void s3cmd() throws Exception {
        Path config = work.resolve("s3cfg");
        String host = URI.create(endpoint).getAuthority();
        Files.writeString(
                config,
                "[default]\naccess_key = " + key.accessKeyId() + "\nsecret_key = " + key.secret() + "\nhost_base = "
                        + host + "\nhost_bucket = " + host + "\nuse_https = False\n");
        List<String> s3cmd = List.of("s3cmd", "-c", config.toString());
        Result buckets = run(concat(s3cmd, "ls"), Map.of());
        record("s3cmd", "list buckets", buckets.exit() == 0 && buckets.out().contains(bucket), buckets);
        Result objects = run(concat(s3cmd, "ls", "--recursive", "s3://" + bucket + "/"), Map.of());
        record("s3cmd", "list objects", objects.exit() == 0 && objects.out().contains("sub/deep/e.bin"), objects);
        Path into = work.resolve("s3cmd");
        Files.createDirectories(into);
        Result get = run(concat(s3cmd, "get", "--recursive", "s3://" + bucket + "/", into + "/"), Map.of());
        record("s3cmd", "download everything", get.exit() == 0 && sameAsPublished(into), get);
        Result signed = run(concat(s3cmd, "signurl", "s3://" + bucket + "/a.bin", "+300"), Map.of());
        String url = signed.out().strip().lines().reduce((a, b) -> b).orElse("");
        record("s3cmd", "presigned GET", signed.exit() == 0 && fetches(url, "d/a.bin"), signed);
        Path local = Files.writeString(work.resolve("y.txt"), "y");
        Result put = run(concat(s3cmd, "put", local.toString(), "s3://" + bucket + "/y.txt"), Map.of());
        record("s3cmd", "write refused", put.exit() != 0 && put.out().contains("AccessDenied"), put);
    }

    private void awsCli() throws Exception {
        Map<String, String> env = Map.of(
                "AWS_ACCESS_KEY_ID", key.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", key.secret(),
                "AWS_DEFAULT_REGION", "us-east-1");
        List<String> aws = List.of("aws", "--endpoint-url", endpoint);
        Result buckets = run(concat(aws, "s3", "ls"), env);
        record("aws", "list buckets", buckets.exit() == 0 && buckets.out().contains(bucket), buckets);
        Result objects = run(concat(aws, "s3", "ls", "--recursive", "s3://" + bucket), env);
        record("aws", "list objects", objects.exit() == 0 && objects.out().contains("sub/deep/e.bin"), objects);
        Path into = work.resolve("aws");
        Result sync = run(concat(aws, "s3", "sync", "s3://" + bucket, into.toString()), env);
        record("aws", "download everything", sync.exit() == 0 && sameAsPublished(into), sync);
        Path part = work.resolve("aws-range.bin");
        Result range = run(
                concat(
                        aws,
                        "s3api",
                        "get-object",
                        "--bucket",
                        bucket,
                        "--key",
                        "a.bin",
                        "--range",
                        "bytes=1-5",
                        part.toString()),
                env);
        record(
                "aws",
                "ranged read",
                range.exit() == 0 && Arrays.equals(Files.readAllBytes(part), slice("d/a.bin", 1, 5)),
                range);
        Result presign = run(concat(aws, "s3", "presign", "s3://" + bucket + "/a.bin", "--expires-in", "300"), env);
        record(
                "aws",
                "presigned GET",
                presign.exit() == 0 && fetches(presign.out().strip(), "d/a.bin"),
                presign);
        Path local = Files.writeString(work.resolve("z.txt"), "z");
        Result put = run(concat(aws, "s3", "cp", local.toString(), "s3://" + bucket + "/z.txt"), env);
        record("aws", "write refused", put.exit() != 0 && put.out().contains("AccessDenied"), put);
    }

    /** MinIO's Java SDK, the one LabGate itself uses towards its store, as a client of LabGate. */
    private void minioJava() throws Exception {
        io.minio.MinioClient minio = io.minio.MinioClient.builder()
                .endpoint(endpoint)
                .credentials(key.accessKeyId(), key.secret())
                .region("us-east-1")
                .build();
        Result none = new Result(0, "", new byte[0]);
        try {
            record(
                    "minio-java",
                    "list buckets",
                    minio.listBuckets().stream().anyMatch(b -> b.name().equals(bucket)),
                    none);
            List<String> keys = new ArrayList<>();
            for (io.minio.Result<io.minio.messages.Item> item : minio.listObjects(io.minio.ListObjectsArgs.builder()
                    .bucket(bucket)
                    .recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
            record("minio-java", "list objects", keys.size() == OBJECTS.size(), new Result(0, keys.toString(), null));
            boolean all = true;
            for (Map.Entry<String, byte[]> object : OBJECTS.entrySet()) {
                try (var in = minio.getObject(io.minio.GetObjectArgs.builder()
                        .bucket(bucket)
                        .object(object.getKey().substring(2))
                        .build())) {
                    all &= Arrays.equals(in.readAllBytes(), object.getValue());
                }
            }
            record("minio-java", "download everything", all, none);
            try (var in = minio.getObject(io.minio.GetObjectArgs.builder()
                    .bucket(bucket)
                    .object("a.bin")
                    .offset(1L)
                    .length(5L)
                    .build())) {
                record("minio-java", "ranged read", Arrays.equals(in.readAllBytes(), slice("d/a.bin", 1, 5)), none);
            }
            String url = minio.getPresignedObjectUrl(io.minio.GetPresignedObjectUrlArgs.builder()
                    .method(io.minio.http.Method.GET)
                    .bucket(bucket)
                    .object("a.bin")
                    .expiry(300)
                    .build());
            record("minio-java", "presigned GET", fetches(url, "d/a.bin"), none);
            String refused;
            try {
                minio.putObject(io.minio.PutObjectArgs.builder().bucket(bucket).object("m.txt").stream(
                                new java.io.ByteArrayInputStream(new byte[] {1}), 1, -1)
                        .build());
                refused = "accepted";
            } catch (io.minio.errors.ErrorResponseException e) {
                refused = e.errorResponse().code();
            }
            record("minio-java", "write refused", refused.equals("AccessDenied"), new Result(0, refused, null));
        } catch (Exception e) {
            record("minio-java", "list buckets", false, new Result(-1, e.toString(), null));
        }
    }

    private void boto3() throws Exception {
        Path script = work.resolve("boto3_check.py");
        Files.writeString(script, """
                import boto3, hashlib, sys, urllib.request
                endpoint, key, secret, bucket, into = sys.argv[1:6]
                s3 = boto3.client('s3', endpoint_url=endpoint, aws_access_key_id=key,
                                  aws_secret_access_key=secret, region_name='us-east-1')
                print('buckets', [b['Name'] for b in s3.list_buckets()['Buckets']])
                keys = [o['Key'] for o in s3.list_objects(Bucket=bucket)['Contents']]
                print('v1', keys)
                print('v2', [o['Key'] for o in s3.list_objects_v2(Bucket=bucket)['Contents']])
                for k in keys:
                    s3.download_file(bucket, k, into + '/' + k.replace('/', '__'))
                print('range', s3.get_object(Bucket=bucket, Key='a.bin', Range='bytes=1-5')['Body'].read().hex())
                url = s3.generate_presigned_url('get_object', Params={'Bucket': bucket, 'Key': 'a.bin'},
                                                ExpiresIn=300)
                print('presigned', hashlib.sha256(urllib.request.urlopen(url).read()).hexdigest())
                try:
                    s3.put_object(Bucket=bucket, Key='w.txt', Body=b'w')
                    print('write', 'accepted')
                except Exception as e:
                    print('write', 'AccessDenied' if 'AccessDenied' in str(e) else str(e))
                """);
        Path into = work.resolve("boto3");
        Files.createDirectories(into);
        Result out = run(
                List.of(
                        python(),
                        script.toString(),
                        endpoint,
                        key.accessKeyId(),
                        key.secret(),
                        bucket,
                        into.toString()),
                Map.of());
        String text = out.out();
        record("boto3", "list buckets", out.exit() == 0 && text.contains("buckets ['" + bucket + "']"), out);
        record("boto3", "list objects", text.contains("v1 [") && text.contains("v2 [") && text.contains("e.bin"), out);
        boolean all = true;
        for (Map.Entry<String, byte[]> object : OBJECTS.entrySet()) {
            Path file = into.resolve(object.getKey().substring(2).replace("/", "__"));
            all &= Files.exists(file) && Arrays.equals(Files.readAllBytes(file), object.getValue());
        }
        record("boto3", "download everything", all, out);
        record("boto3", "ranged read", text.contains("range " + HexFormat.of().formatHex(slice("d/a.bin", 1, 5))), out);
        record("boto3", "presigned GET", text.contains("presigned " + sha256(OBJECTS.get("d/a.bin"))), out);
        record("boto3", "write refused", text.contains("write AccessDenied"), out);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    record Result(int exit, String out, byte[] bytes) {}

    private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the tools' defaults, not this machine's: no CA bundle meant for other endpoints, no user configuration
        builder.environment().remove("AWS_CA_BUNDLE");
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("RCLONE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] bytes = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(-1, "timed out", bytes);
        }
        return new Result(process.exitValue(), new String(bytes, StandardCharsets.UTF_8), bytes);
    }

    private static boolean installed(String tool) throws IOException, InterruptedException {
        return run(List.of("sh", "-c", "command -v " + tool), Map.of()).exit() == 0;
    }

    /** Debian's python3, which has python3-boto3, before another on the path. */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private void record(String tool, String operation, boolean passed, Result result) {
        table.computeIfAbsent(tool, t -> new LinkedHashMap<>())
                .put(operation, passed ? "pass" : "FAIL (exit " + result.exit() + "): " + abbreviate(result.out()));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    private void print(List<String> missing) {
        List<String> operations = List.of(
                "list buckets", "list objects", "download everything", "ranged read", "presigned GET", "write refused");
        StringBuilder out = new StringBuilder("\n| tool | ")
                .append(String.join(" | ", operations))
                .append(" |\n|---|")
                .append("---|".repeat(operations.size()))
                .append('\n');
        table.forEach((tool, results) -> {
            out.append("| ").append(tool).append(" |");
            for (String operation : operations) {
                String result = results.get(operation);
                out.append(' ')
                        .append(result == null ? "—" : result.equals("pass") ? "pass" : "FAIL")
                        .append(" |");
            }
            out.append('\n');
        });
        missing.forEach(tool -> out.append("| ").append(tool).append(" | not installed |\n"));
        System.out.println(out);
    }

    private static boolean sameAsPublished(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> object : OBJECTS.entrySet()) {
            Path file = dir.resolve(object.getKey().substring(2));
            if (!Files.exists(file) || !sha256(Files.readAllBytes(file)).equals(sha256(object.getValue()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean fetches(String url, String objectKey) {
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 && Arrays.equals(response.body(), OBJECTS.get(objectKey));
        } catch (IOException | InterruptedException | IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] slice(String objectKey, int from, int length) {
        return Arrays.copyOfRange(OBJECTS.get(objectKey), from, from + length);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> base, String... more) {
        return Stream.concat(base.stream(), Arrays.stream(more)).toList();
    }
}
