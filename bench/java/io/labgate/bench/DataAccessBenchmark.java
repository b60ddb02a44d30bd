package io.labgate.bench;

import io.labgate.testing.ApprovedGrants;
import io.labgate.testing.ApprovedGrants.Approved;
import io.labgate.testing.DemoOrganizations;
import io.labgate.testing.GeneratedBytes;
import io.labgate.testing.PublishedDatasets;
import io.labgate.testing.TestStore;
import io.labgate.testing.Tokens;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.http.Method;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Data-access benchmark, run only by the Maven profile {@code bench} ({@code bash bench/run.sh}); see
 * {@code bench/README.md}. Side by side in one JVM against the embedded lab (S3Proxy, PostgreSQL, Keycloak, all on
 * loopback):
 * <ol>
 * <li>a 1 GiB object downloaded directly from the S3 store (a MinIO presigned GET) and through LabGate's streamed
 * endpoint, each warmed up once and then timed {@code bench.runs} times; every transfer is hashed (SHA-256) and
 * checked against the uploaded digest;</li>
 * <li>presigned-link issuance ({@code POST /api/v1/grants/{id}/links}, one key per request, usage log on) at a
 * fixed client concurrency for a fixed number of requests, with per-request latency;</li>
 * <li>a small object ({@code bench.small-kib}, 49 KiB) fetched over and over by {@code bench.small-threads} (8)
 * clients with a SigV4 presigned GET, directly from the store and through LabGate's S3-compatible endpoint
 * (write-ahead record, usage log on), requests per second side by side.</li>
 * </ol>
 * It asserts only that transfers are complete and correct and that every link request answered 200.
 */
@QuarkusTest
@TestProfile(DataAccessBenchmark.Limits.class)
class DataAccessBenchmark {

    /** The per-organization rate limit (50/s by default) would otherwise be what the link phase measures. */
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "labgate.delivery.requests-per-second", "1000000",
                    "labgate.delivery.burst", "1000000",
                    // the small-object phase's clients would otherwise wait for each other's download slots
                    "labgate.delivery.max-concurrent-streams", "64");
        }
    }

    static final long MIB = 1024L * 1024;
    static final long SIZE = Long.getLong("bench.size-mib", 1024) * MIB;
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int LINK_THREADS = Integer.getInteger("bench.link-threads", 8);
    static final int LINK_REQUESTS = Integer.getInteger("bench.link-requests", 2000);
    static final int LINK_WARMUP = Integer.getInteger("bench.link-warmup", 200);
    static final Duration LINK_BUDGET = Duration.ofSeconds(Long.getLong("bench.link-seconds", 120));
    static final String KEY = "big.bin";
    static final String SMALL_KEY = "small.bin";
    static final int SMALL_SIZE = Integer.getInteger("bench.small-kib", 49) * 1024;
    static final int SMALL_THREADS = Integer.getInteger("bench.small-threads", 8);
    static final int SMALL_REQUESTS = Integer.getInteger("bench.small-requests", 4000);
    static final int SMALL_WARMUP = Integer.getInteger("bench.small-warmup", 500);

    @Inject
    DemoOrganizations demo;

    @TestHTTPResource("/")
    URL root;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        ApprovedGrants.organizations(demo);
        line("# LabGate data-access benchmark");
        line("");
        line("Run " + Instant.now() + " — " + machine());
        line("");

        // --- fixture: a 1 GiB object, streamed into the store, published, granted -----------------------
        String bucket = "lg-bench-" + PublishedDatasets.suffix();
        TestStore.minio().makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        MessageDigest uploaded = MessageDigest.getInstance("SHA-256");
        long t0 = System.nanoTime();
        try (InputStream in = new DigestInputStream(new GeneratedBytes(SIZE, 0x5DEECE66DL), uploaded)) {
            TestStore.minio()
                    .putObject(PutObjectArgs.builder().bucket(bucket).object("d/" + KEY).stream(in, SIZE, 16 * MIB)
                            .build());
        }
        double uploadSeconds = seconds(System.nanoTime() - t0);
        String expected = HexFormat.of().formatHex(uploaded.digest());
        byte[] small = TestStore.bytes(49, SMALL_SIZE);
        TestStore.minio()
                .putObject(PutObjectArgs.builder().bucket(bucket).object("d/" + SMALL_KEY).stream(
                                new java.io.ByteArrayInputStream(small), small.length, -1)
                        .build());

        Map<String, Object> terms = ApprovedGrants.allModes();
        terms.put("byteQuotaPerGrant", 1L << 40);
        String policyId = PublishedDatasets.policy(terms);
        String datasetId = PublishedDatasets.dataset(policyId, List.of(DemoOrganizations.JEJU), List.of());
        t0 = System.nanoTime();
        String versionId =
                PublishedDatasets.publishedVersionIn(datasetId, PublishedDatasets.registeredBucket(bucket, 4 * SIZE));
        double publishSeconds = seconds(System.nanoTime() - t0);
        Approved grant = ApprovedGrants.grantOn(
                datasetId, versionId, List.of("STREAM", "PRESIGNED_URL", "S3_ENDPOINT"), Duration.ofDays(1));
        line(String.format(
                Locale.ROOT,
                "Fixture: %d MiB object uploaded (streamed, generated) in %.1f s; "
                        + "published (manifest hashes it) in %.1f s; grant %s.",
                SIZE / MIB,
                uploadSeconds,
                publishSeconds,
                grant.grantId()));
        line("");

        // --- 1. streaming: direct from S3 vs through LabGate (REST stream and S3 endpoint) ----------------
        String labgateUrl =
                root.toString().replaceAll("/$", "") + "/api/v1/grants/" + grant.grantId() + "/objects/" + KEY;
        String s3Url = gatewayUrl(grant.grantId(), datasetId, versionId, KEY).toString();
        double ceiling = sha256Ceiling();
        download("direct", directUrl(bucket), null, expected); // warm-up
        download("labgate", labgateUrl, Tokens.ALICE, expected); // warm-up
        download("s3", s3Url, null, expected); // warm-up
        Download[] direct = new Download[RUNS];
        Download[] labgate = new Download[RUNS];
        Download[] s3 = new Download[RUNS];
        for (int i = 0; i < RUNS; i++) { // interleaved, so drift (GC, page cache, thermal) hits all alike
            direct[i] = download("direct", directUrl(bucket), null, expected);
            labgate[i] = download("labgate", labgateUrl, Tokens.ALICE, expected);
            s3[i] = download("s3", s3Url, null, expected);
        }
        double directMedian = median(Download.rates(direct));
        line("## Streaming a " + SIZE / MIB + " MiB object (HTTP/1.1, loopback, client hashes every byte)");
        line("");
        line("| path | runs (MiB/s) | median MiB/s | ratio to direct | median time to first byte (ms) |");
        line("|---|---|---:|---:|---:|");
        streamRow("direct from S3 store (presigned GET)", direct, directMedian);
        streamRow("through LabGate `GET /api/v1/grants/{id}/objects/{key}`", labgate, directMedian);
        streamRow("through LabGate's S3 endpoint (SigV4 presigned GetObject)", s3, directMedian);
        line("");
        line(String.format(
                Locale.ROOT,
                "Target ≥ 0.9 × direct. %d timed runs each after one warm-up; client SHA-256 ceiling on this machine "
                        + "%.0f MiB/s.",
                RUNS,
                ceiling));
        line("");

        // --- 2. presigned-link issuance -------------------------------------------------------------------
        // links are charged to the byte quota when issued: they are asked for the small object (signing costs the
        // same whatever the object's size)
        String linksUrl = root.toString().replaceAll("/$", "") + "/api/v1/grants/" + grant.grantId() + "/links";
        issueLinks(linksUrl, LINK_WARMUP, LINK_BUDGET); // warm-up
        long[] latencies = new long[LINK_REQUESTS];
        long start = System.nanoTime();
        int done = issueLinks(linksUrl, LINK_REQUESTS, LINK_BUDGET, latencies);
        double elapsed = seconds(System.nanoTime() - start);
        long[] measured = Arrays.copyOf(latencies, done);
        Arrays.sort(measured);
        line("## Presigned-link issuance (`POST /api/v1/grants/{id}/links`, 1 key, usage log on)");
        line("");
        line(String.format(
                Locale.ROOT,
                "%d client threads, %d requests after %d warm-up requests%s.",
                LINK_THREADS,
                done,
                LINK_WARMUP,
                done < LINK_REQUESTS ? " (stopped by the time budget of " + LINK_BUDGET.toSeconds() + " s)" : ""));
        line("");
        line("| requests/s | p50 ms | p90 ms | p99 ms | max ms |");
        line("|---:|---:|---:|---:|---:|");
        line(String.format(
                Locale.ROOT,
                "| %.0f | %.2f | %.2f | %.2f | %.2f |",
                done / elapsed,
                millis(percentile(measured, 50)),
                millis(percentile(measured, 90)),
                millis(percentile(measured, 99)),
                millis(measured[measured.length - 1])));
        line("");

        // --- 3. small objects: direct from the store vs through LabGate's S3 endpoint ------------------------
        URL directSmall = new URL(TestStore.minio()
                .getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(bucket)
                        .object("d/" + SMALL_KEY)
                        .expiry(3600)
                        .build()));
        URL throughGateway = gatewayUrl(grant.grantId(), datasetId, versionId, SMALL_KEY);
        fetchSmall(directSmall, SMALL_WARMUP, small.length); // warm-up
        fetchSmall(throughGateway, SMALL_WARMUP, small.length); // warm-up
        double[] directRates = new double[2];
        double[] gatewayRates = new double[2];
        for (int i = 0; i < 2; i++) { // interleaved
            directRates[i] = fetchSmall(directSmall, SMALL_REQUESTS, small.length);
            gatewayRates[i] = fetchSmall(throughGateway, SMALL_REQUESTS, small.length);
        }
        line("## A " + SMALL_SIZE / 1024 + " KiB object over and over (SigV4 presigned GET, " + SMALL_THREADS
                + " connections)");
        line("");
        line("| path | runs (requests/s, " + SMALL_REQUESTS + " requests each) | median requests/s |");
        line("|---|---|---:|");
        line(String.format(
                Locale.ROOT, "| direct from S3 store | %s | %.0f |", runs(directRates), median(directRates)));
        line(String.format(
                Locale.ROOT,
                "| through LabGate's S3 endpoint (`/s3`) | %s | %.0f |",
                runs(gatewayRates),
                median(gatewayRates)));
        line("");
        line(String.format(
                Locale.ROOT,
                "**Ratio LabGate / direct (medians): %.2f** (target 0.8)",
                median(gatewayRates) / median(directRates)));
        line("");
        line(String.format(
                Locale.ROOT,
                "Resident memory of the benchmark JVM (LabGate and the clients; PostgreSQL, S3Proxy's store and "
                        + "Keycloak are other processes): %d MiB at the end, heap used %d MiB.",
                residentMib(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / MIB));
        line("");

        // --- 4. JVM start to the first answered request: the packaged jar, as a new replica starts ---------------
        startToFirstAnswer();

        Path out = Path.of("target", "bench", "results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println("\n==================== DataAccessBenchmark ====================\n" + report + "(written to "
                + out.toAbsolutePath() + ")\n=============================================================");
    }

    /**
     * Starts the packaged LabGate ({@code target/quarkus-app/quarkus-run.jar}, which bench/run.sh builds first)
     * on the embedded lab and times its start to the first authenticated API request answered 200, polling every
     * 20 ms; then its resident memory.
     */
    private void startToFirstAnswer() throws Exception {
        line("## JVM start to the first answered request (packaged jar, a new replica on the running lab)");
        line("");
        Path jar = Path.of(System.getProperty("labgate.app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            line("Skipped: no packaged jar at " + jar + " (bench/run.sh packages it first).");
            line("");
            return;
        }
        Map<String, String> config = new java.util.LinkedHashMap<>(
                io.labgate.devlab.EmbeddedLabTestResource.lab().labGateConfig());
        config.put("labgate.demo.enabled", "true"); // finds the demo data in place
        long start = System.nanoTime();
        try (var replica = io.labgate.devlab.LabGateProcess.start(
                "bench-start", jar, config, Path.of("target", "bench", "labgate-start.log"))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(replica.url() + "/api/v1/datasets?limit=1"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                    .build();
            long deadline = start + Duration.ofMinutes(2).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline && replica.isAlive()) {
                try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notListeningYet) {
                    // not yet
                }
                if (status != 200) {
                    Thread.sleep(20);
                }
            }
            if (status != 200) {
                throw new AssertionError("the packaged LabGate did not answer; its output:\n" + replica.output());
            }
            double seconds = seconds(System.nanoTime() - start);
            line(String.format(
                    Locale.ROOT,
                    "**%.2f s** from launching `java -jar quarkus-run.jar` (-Xmx384m, SerialGC, C1 only, as the "
                            + "replica tests run it) to the first `GET /api/v1/datasets` answered 200, with "
                            + "Flyway validation, the key ring, the usage writer and the change feed started; "
                            + "resident memory then %d MiB.",
                    seconds,
                    residentMib(Long.toString(replica.pid()))));
            line("");
        }
    }

    private String directUrl(String bucket) throws Exception {
        return TestStore.minio()
                .getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(bucket)
                        .object("d/" + KEY)
                        .expiry(3600)
                        .build());
    }

    /** One timed download: throughput and the time from sending the request to its first body byte. */
    record Download(double mibs, double firstByteMillis) {

        static double[] rates(Download[] runs) {
            return Arrays.stream(runs).mapToDouble(Download::mibs).toArray();
        }

        static double[] firstBytes(Download[] runs) {
            return Arrays.stream(runs).mapToDouble(Download::firstByteMillis).toArray();
        }
    }

    private void streamRow(String path, Download[] runs, double directMedian) {
        double rate = median(Download.rates(runs));
        line(String.format(
                Locale.ROOT,
                "| %s | %s | %.1f | %.2f | %.1f |",
                path,
                runs(Download.rates(runs)),
                rate,
                rate / directMedian,
                median(Download.firstBytes(runs))));
    }

    /** One full GET, every byte into SHA-256; fails unless complete and byte-exact. */
    private Download download(String label, String url, String user, String expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5));
        if (user != null) {
            request.header("Authorization", "Bearer " + Tokens.of(user));
        }
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        long received = 0;
        long firstByte = 0;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssertionError(label + ": HTTP " + response.statusCode() + " "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = body.read(buffer)) >= 0; ) {
                if (firstByte == 0 && n > 0) {
                    firstByte = System.nanoTime();
                }
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        double s = seconds(System.nanoTime() - start);
        if (received != SIZE) {
            throw new AssertionError(label + ": received " + received + " of " + SIZE + " bytes");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(expected)) {
            throw new AssertionError(label + ": SHA-256 " + actual + " != " + expected);
        }
        double mibs = SIZE / (double) MIB / s;
        System.out.printf(
                Locale.ROOT, "[bench] %-8s %d bytes in %.2f s = %.1f MiB/s (sha256 ok)%n", label, received, s, mibs);
        return new Download(mibs, (firstByte - start) / 1e6);
    }

    private int issueLinks(String url, int count, Duration budget) throws Exception {
        return issueLinks(url, count, budget, new long[count]);
    }

    /** {@code count} link requests from {@link #LINK_THREADS} threads; answers how many completed in the budget. */
    private int issueLinks(String url, int count, Duration budget, long[] latencies) throws Exception {
        AtomicInteger claimed = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        long deadline = System.nanoTime() + budget.toNanos();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString("{\"keys\":[\"" + SMALL_KEY + "\"]}");
        ExecutorService pool = Executors.newFixedThreadPool(LINK_THREADS);
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < LINK_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline && claimed.getAndIncrement() < count) {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + Tokens.of(Tokens.ALICE))
                                .header("Content-Type", "application/json")
                                .POST(body)
                                .build();
                        long start = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long nanos = System.nanoTime() - start;
                        if (response.statusCode() != 200 || !response.body().contains("X-Amz-Signature")) {
                            throw new AssertionError(
                                    "link request: HTTP " + response.statusCode() + " " + response.body());
                        }
                        latencies[completed.getAndIncrement()] = nanos;
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return completed.get();
    }

    /** A SigV4 presigned GetObject URL of an object through LabGate's S3 endpoint, with a new access key. */
    private URL gatewayUrl(String grantId, String datasetId, String versionId, String objectKey) throws Exception {
        io.restassured.path.json.JsonPath key = io.labgate.testing.Api.as(Tokens.ALICE)
                .post("/api/v1/grants/" + grantId + "/access-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String code = io.labgate.testing.Api.as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + datasetId)
                .then()
                .extract()
                .path("code");
        String label = io.labgate.testing.Api.as(Tokens.OPERATOR)
                .get("/api/v1/datasets/" + datasetId + "/versions/" + versionId)
                .then()
                .extract()
                .path("label");
        String bucket = (code + "-" + label).toLowerCase(Locale.ROOT);
        URI endpoint = URI.create(root.toString().replaceAll("/$", "") + "/s3");
        try (var presigner = io.labgate.testing.S3Clients.presigner(
                endpoint, key.getString("accessKeyId"), key.getString("secretAccessKey"))) {
            return presigner
                    .presignGetObject(r -> r.signatureDuration(Duration.ofHours(1))
                            .getObjectRequest(g -> g.bucket(bucket).key(objectKey)))
                    .url();
        }
    }

    /** {@code count} GETs of a small object from {@link #SMALL_THREADS} threads; answers requests per second. */
    private double fetchSmall(URL url, int count, int size) throws Exception {
        AtomicInteger claimed = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(url.toURI())
                .timeout(Duration.ofSeconds(30))
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(SMALL_THREADS);
        long start = System.nanoTime();
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < SMALL_THREADS; t++) {
                workers.add(pool.submit(() -> {
                    while (claimed.getAndIncrement() < count) {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200 || response.body().length != size) {
                            throw new AssertionError("small object: HTTP " + response.statusCode() + ", "
                                    + response.body().length + " bytes: "
                                    + new String(response.body(), StandardCharsets.UTF_8));
                        }
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double rate = count / seconds(System.nanoTime() - start);
        System.out.printf(Locale.ROOT, "[bench] small %s: %.0f requests/s%n", url.getPath(), rate);
        return rate;
    }

    /** VmRSS of this process in MiB (Linux), 0 elsewhere. */
    private static long residentMib() {
        return residentMib("self");
    }

    /** VmRSS of process {@code pid} ("self" for this one) in MiB (Linux), 0 elsewhere. */
    private static long residentMib(String pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return 0;
    }

    /** SHA-256 throughput over an in-memory buffer: the most any download in this harness can show. */
    private static double sha256Ceiling() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        new GeneratedBytes(buffer.length, 42).read(buffer, 0, buffer.length);
        for (int i = 0; i < 256; i++) {
            digest.update(buffer);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 1024; i++) {
            digest.update(buffer);
        }
        digest.digest();
        return 1024 / seconds(System.nanoTime() - start);
    }

    private static String machine() {
        long ramKib = 0;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    ramKib = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: leave 0
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("");
        } catch (IOException e) {
            // not Linux
        }
        return String.format(
                        Locale.ROOT,
                        "machine: %d CPUs (nproc) %s, %.1f GiB RAM, %s %s (%s), max heap %d MiB",
                        Runtime.getRuntime().availableProcessors(),
                        cpu,
                        ramKib / 1048576.0,
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("java.vendor"),
                        Runtime.getRuntime().maxMemory() / MIB)
                + "; JVM args "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X"))
                        .toList();
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String runs(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return s.toString();
    }
}
