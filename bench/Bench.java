import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load against a running Tenantry (mvn -Prun), over loopback only. See bench/README.md.
 *   provision N            create N tenants, median creation time per hundred (clone path)
 *   interleaved TENANTS SECONDS  RATE reads a second over 10 tenants and over TENANTS by turns, SLICE (10) s each,
 *                          at least SECONDS of each on one schedule: each slice's p99, both kinds' p50 and p99 and
 *                          the ratio of the p99s; with PAYARA_GC_LOG naming Payara's GC log (unified logging, the
 *                          `time` decoration), each kind's reads that a collection stopped and its p99 without them
 *   reads TENANTS SECONDS  read throughput of GET /api/products spread over TENANTS tenants: CLIENTS reading
 *                          one after another, or with RATE set, RATE reads a second whatever the answers' times
 *                          (then the reads of SLOW_MS, 100, or more in bursts); LEAD_IN (10) seconds of the same
 *                          load before, not timed; with CPU_SAMPLES naming a file of MachineCpu.java's samples,
 *                          the CPU of each kind of process over the timed reads and around each burst
 *   shared-reads SECONDS   the same read on identical shared tables, no routing (needs the -Pbench build)
 *   soak TENANTS CLIENTS SECONDS   90% join-fetch reads (products with versions; a plan with its
 *                          one-to-one document) / 10% foreign-key writes (versions; plans with documents);
 *                          FK check in the DB
 *   fleet SIZE CLIENTS     grows the fleet to SIZE tenants (fleet-0 … fleet-<SIZE-1>) with CLIENTS creators at once
 *   batch COUNT PREFIX     COUNT creations one after another (PREFIX-0 …): HTTP median; server-side times in the log
 *   token                  prints a new API token of ADMIN (for BENCH_TOKEN: a later run's calls need no sign-in)
 *   upgrade-reads TENANTS SECONDS  once the server is ready, UPGRADE_READERS (8) read tenants of the fleet
 *                          (TENANT_PREFIX, fleet-) at random while it is upgraded (until DONE_FILE,
 *                          target/bench-upgrade.out, is written; SECONDS at most): answers by status, the
 *                          served reads' p50 and p99, and when the last 503 came
 *   upgrade-watch VERSION LOG  reads the server's full log until the tenants announced behind are all upgraded
 *                          to VERSION (or failed): prints the time from the announcement to the last, by the log's clock
 *   peer-tenants N P V     publicly readable tenants peer-0 … peer-(N-1), each with P products of V versions
 *                          (made when missing); prints the super-user's token for bench/peer.sh
 *   sessions               connections opened to the database (DB_URL) since its statistics began, this one included
 *   outage CLIENTS SECONDS writers adding versions to one product while bench/restart.sh restarts
 *                          PostgreSQL: answers by status, 503s without Retry-After, the time from the first
 *                          to the last failed answer; acknowledged writes vs rows stored (DB_URL)
 * Settings (environment): BASE (http://localhost:8080), DOMAIN (localhost), ADMIN (admin:password),
 * DB_URL (for the foreign-key check), CLIENTS for reads (32), BENCH_TOKEN (an API token of ADMIN's, made before).
 */
public class Bench {

    static final String BASE = env("BASE", "http://localhost:8080");
    static final String DOMAIN = env("DOMAIN", "localhost");
    static final String ADMIN = env("ADMIN", "admin:admin");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8)).build();
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    static void run(String[] args) throws Exception {
        switch (args[0]) {
            case "provision" -> provision(Integer.parseInt(args[1]));
            case "reads" -> reads(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "interleaved" -> interleaved(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "shared-reads" -> sharedReads(Integer.parseInt(args[1]));
            case "soak" -> soak(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "outage" -> outage(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "fleet" -> fleet(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "batch" -> batch(Integer.parseInt(args[1]), args[2]);
            case "upgrade-watch" -> upgradeWatch(args[1], args[2]);
            case "token" -> System.out.println(token());
            case "upgrade-reads" -> upgradeReads(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "sessions" -> sessions();
            case "peer-tenants" -> peerTenants(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "restore" -> restore(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("provision | reads | interleaved | shared-reads | soak | outage"
                    + " | fleet | batch | upgrade-watch | sessions | restore");
        }
        System.exit(0);
    }

    static void provision(int count) throws Exception {
        List<Long> micros = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 100000, 36);
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            int status = admin("POST", "/api/tenants", "{\"label\":\"p" + run + "-" + i + "\",\"name\":\"P" + i + "\"}");
            micros.add((System.nanoTime() - start) / 1000);
            if (status != 201) {
                throw new IllegalStateException("creation " + i + " answered " + status);
            }
            if ((i + 1) % 100 == 0) {
                List<Long> last = new ArrayList<>(micros.subList(i - 99, i + 1));
                last.sort(null);
                System.out.printf("tenants %4d-%4d: median %.1f ms, p90 %.1f ms%n", i - 98, i + 1,
                        last.get(50) / 1000.0, last.get(90) / 1000.0);
            }
        }
        for (String path : List.of("migrate")) {
            List<Long> m = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                admin("POST", "/api/tenants?path=" + path, "{\"label\":\"m" + run + "-" + i + "\",\"name\":\"M\"}");
                m.add((System.nanoTime() - start) / 1000);
            }
            m.sort(null);
            System.out.printf("migrate path (20 tenants): median %.1f ms%n", m.get(10) / 1000.0);
        }
        // touch each tenant once, so the heap figure includes what a served tenant costs
        for (int i = 0; i < count; i++) {
            get("p" + run + "-" + i, "/api/products");
        }
        System.out.println("touched " + count + " tenants once");
    }

    /** Creates the tenants fleet-0 … fleet-(size-1) that do not exist yet, CLIENTS at a time, with the super-user's token. */
    static void fleet(int size, int clients) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(clients);
        AtomicLong created = new AtomicLong();
        long started = System.nanoTime();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String label = "fleet-" + i;
            work.add(creators.submit(() -> {
                int status = asSuperUser("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + label + "\"}");
                if (status != 201 && status != 409) {
                    throw new IllegalStateException("creating " + label + " answered " + status);
                }
                long n = status == 201 ? created.incrementAndGet() : created.get();
                if (status == 201 && n % 500 == 0) {
                    System.out.printf("created %d in %.0f s%n", n, (System.nanoTime() - started) / 1e9);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> one : work) {
            one.get();
        }
        creators.shutdown();
        System.out.printf("fleet of %d: %d created in %.0f s%n", size, created.get(), (System.nanoTime() - started) / 1e9);
    }

    /** COUNT creations one after another; prints the HTTP round trip's median. */
    static void batch(int count, String prefix) throws Exception {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            int status = asSuperUser("POST", "/api/tenants", "{\"label\":\"" + prefix + "-" + i + "\",\"name\":\"B\"}");
            micros.add((System.nanoTime() - start) / 1000);
            if (status != 201) {
                throw new IllegalStateException("creation " + i + " answered " + status);
            }
        }
        micros.sort(null);
        System.out.printf("batch %s of %d: HTTP median %.1f ms%n", prefix, count, micros.get(count / 2) / 1000.0);
    }

    /**
     * Reads spread over the fleet while it is upgraded: from the moment the server is ready, UPGRADE_READERS
     * (8) clients read tenants TENANT_PREFIX0 … at random until the file DONE_FILE (upgrade-watch's output)
     * is written, or SECONDS at most; prints the answers by status, the served reads' p50 and p99 (with
     * their wait for an upgrade) and when the last 503 came, in seconds from readiness.
     */
    static void upgradeReads(int tenants, int seconds) throws Exception {
        String prefix = env("TENANT_PREFIX", "fleet-");
        int clients = Integer.parseInt(env("UPGRADE_READERS", "8"));
        java.nio.file.Path done = java.nio.file.Path.of(env("DONE_FILE", "target/bench-upgrade.out"));
        long patience = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!ready() && System.nanoTime() < patience) {
            Thread.sleep(100);
        }
        token(); // before the clock starts; BENCH_TOKEN, as the public tenant may be behind the code too
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Long> served = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong last503 = new AtomicLong();
        long started = System.nanoTime();
        long end = started + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (System.nanoTime() < end && !upgradeOver(done)) {
                    String label = prefix + ThreadLocalRandom.current().nextInt(tenants);
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = send(label, "GET", "/api/products", null).statusCode();
                    } catch (Exception e) {
                        status = 0; // no answer
                    }
                    long took = System.nanoTime() - sent;
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    if (status == 200) {
                        served.add(took);
                    } else if (status == 503) {
                        last503.accumulateAndGet(System.nanoTime() - started, Math::max);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        long[] times = served.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("reads during the upgrade (%d clients, %.1f s from readiness to the upgrade's end): by status"
                + " (0 = no answer) %s; served p50 %.1f ms, p99 %.1f ms; last 503 %s%n", clients,
                (System.nanoTime() - started) / 1e9, new java.util.TreeMap<>(statuses), rank(times, 50) / 1e6,
                rank(times, 99) / 1e6, last503.get() == 0 ? "none" : String.format("at %.1f s", last503.get() / 1e9));
    }

    /** The nearest-rank percentile {@code p} of sorted values; 0 for none. */
    private static long rank(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100) - 1)];
    }

    private static boolean upgradeOver(java.nio.file.Path done) {
        try {
            return java.nio.file.Files.size(done) > 0;
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    /** Whether the server's readiness answers 200 (MicroProfile Health, on the server's own port). */
    private static boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/health/ready")).timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Reads the server's full log (timestamped lines) until it has announced tenants behind the code
     * and then said, for each of them, that it was upgraded to VERSION or could not be; prints the time
     * between the announcement and the last of those lines, by the log's own clock.
     */
    static void upgradeWatch(String version, String log) throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(log);
        Pattern behind = Pattern.compile("\\[([0-9T:.+-]+)\\][^\\n]*? ([0-9]+) tenant schema\\(s\\) behind version " + Pattern.quote(version));
        Pattern outcome = Pattern.compile("\\[([0-9T:.+-]+)\\][^\\n]*?(Upgraded tenant \\S+ to version " + Pattern.quote(version)
                + "|Could not migrate tenant)");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        while (System.nanoTime() < deadline) {
            String text = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
            Matcher announced = behind.matcher(text);
            int from = -1;
            String start = null;
            int tenants = 0;
            while (announced.find()) { // the last start's announcement
                from = announced.end();
                start = announced.group(1);
                tenants = Integer.parseInt(announced.group(2));
            }
            if (start != null) {
                Matcher done = outcome.matcher(text);
                done.region(from, text.length());
                int upgraded = 0;
                int failed = 0;
                String last = start;
                while (done.find()) {
                    last = done.group(1);
                    if (done.group(2).startsWith("Upgraded")) {
                        upgraded++;
                    } else {
                        failed++;
                    }
                }
                if (upgraded + failed >= tenants) {
                    Duration took = Duration.between(java.time.OffsetDateTime.parse(start, LOG_TIME),
                            java.time.OffsetDateTime.parse(last, LOG_TIME));
                    System.out.printf("upgraded %d of %d tenant(s) to %s in %.1f s (%d failed attempts)%n", upgraded,
                            tenants, version, took.toMillis() / 1000.0, failed);
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the upgrade did not finish within 15 minutes");
    }

    static final java.time.format.DateTimeFormatter LOG_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static int asSuperUser(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Host", "public." + DOMAIN)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                .timeout(Duration.ofMinutes(2)).method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static void sessions() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("DB_URL"), env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
             ResultSet row = db.createStatement().executeQuery("SELECT sessions FROM pg_stat_database WHERE datname = current_database()")) {
            row.next();
            System.out.println(row.getLong(1));
        }
    }

    static void reads(int tenants, int seconds) throws Exception {
        List<String> labels = tenants(tenants);
        int clients = Integer.parseInt(env("CLIENTS", "32"));
        int rate = Integer.parseInt(env("RATE", "0"));
        if (rate > 0) {
            leadIn(lead -> paced(labels, rate, clients, lead));
        } else {
            leadIn(lead -> load(labels, clients, lead, 0));
        }
        long[] ownBefore = ownCollections();
        long startedAt = System.currentTimeMillis();
        Result r = rate > 0 ? paced(labels, rate, clients, seconds) : load(labels, clients, seconds, 0);
        long endedAt = System.currentTimeMillis();
        long[] ownAfter = ownCollections();
        // This JVM's own pauses delay the reads it times as much as the server's do.
        System.out.printf("the load generator's own collections over the timed reads: %d (%d ms in all)%n",
                ownAfter[0] - ownBefore[0], ownAfter[1] - ownBefore[1]);
        CpuSamples samples = null;
        if (System.getenv("CPU_SAMPLES") != null) {
            // Read once, from 2 s before the timed reads (a burst's stretch starts 1 s before its first read) to their
            // end; a failure to read them is printed, not thrown: the reads' own result (the last line) must follow.
            try {
                samples = CpuSamples.read(Path.of(System.getenv("CPU_SAMPLES")), startedAt - 2000, endedAt);
                System.out.println("CPU by kind of process over the timed reads: " + samples.describe(startedAt, endedAt, 8));
            } catch (IOException | RuntimeException e) {
                System.out.println("CPU samples unreadable: " + e);
            }
        }
        if (rate > 0) {
            printBursts(r.latencies()[0], startedAt, 1_000_000_000L / rate, samples);
        }
        System.out.printf("reads over %d tenant(s), %s, %d s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d, wrong %d%n",
                tenants, rate > 0 ? rate + " a second from " + clients + " clients" : clients + " clients", seconds,
                r.count() / (double) seconds, r.percentile(50), r.percentile(99), r.errors.get(), r.wrong.get());
    }

    /**
     * The samples of MachineCpu.java (its file format) that overlap a stretch of time, for the CPU each kind of
     * process used in parts of it. Only whole samples count: those whose machine line, written last, is there.
     */
    record CpuSamples(List<String[]> lines) {

        /**
         * The samples of {@code file} overlapping {@code from} to {@code to} (epoch milliseconds), once the sampler
         * has written past {@code to} (waiting up to 5 s for it). Lines that do not parse are left out.
         */
        static CpuSamples read(Path file, long from, long to) throws IOException, InterruptedException {
            for (int i = 0; i < 50; i++) {
                if (!Files.exists(file) || writtenUntil(file) >= to) {
                    break;
                }
                Thread.sleep(100);
            }
            Map<String, List<String[]>> byEnd = new HashMap<>();
            Set<String> whole = new java.util.HashSet<>();
            try (java.util.stream.Stream<String> all = Files.lines(file)) {
                all.map(line -> line.split(" ")).filter(f -> f.length >= 5 && f[0].matches("\\d+") && f[1].matches("\\d+"))
                        .filter(f -> Long.parseLong(f[1]) > from && Long.parseLong(f[0]) < to).forEach(f -> {
                            byEnd.computeIfAbsent(f[1], end -> new ArrayList<>()).add(f);
                            if (f[2].equals("machine") && f.length == 9) {
                                whole.add(f[1]);
                            }
                        });
            }
            byEnd.keySet().retainAll(whole);
            return new CpuSamples(byEnd.values().stream().flatMap(List::stream).toList());
        }

        /** The end of the last whole sample in the file (its last machine line), 0 when none. */
        static long writtenUntil(Path file) throws IOException {
            try (java.util.stream.Stream<String> all = Files.lines(file)) {
                return all.map(line -> line.split(" ")).filter(f -> f.length == 9 && f[2].equals("machine"))
                        .mapToLong(f -> Long.parseLong(f[1])).max().orElse(0);
            }
        }

        /**
         * The samples overlapping {@code from} to {@code to} as one line: the stretch they cover (a sample is
         * 250–420 ms, so the stretch is wider than asked by up to one at each end) and its CPU-seconds (its length
         * times the cores), the {@code top} kinds of process by CPU-seconds with how many processes of each, the
         * rest, and the machine's busy and stolen shares. The kinds' sum may differ from the machine's busy time by
         * the ticks of processes that ended in a sample (counted by the machine only) and by reading jitter.
         */
        String describe(long from, long to, int top) {
            double tick = 1.0 / Long.parseLong(System.getenv().getOrDefault("CLK_TCK", "100"));
            Map<String, Long> ticks = new HashMap<>();
            Map<String, Set<String>> processes = new HashMap<>();
            long first = Long.MAX_VALUE;
            long last = 0;
            long busy = 0;
            long all = 0;
            long steal = 0;
            for (String[] f : lines) {
                long start = Long.parseLong(f[0]);
                long end = Long.parseLong(f[1]);
                if (end <= from || start >= to) {
                    continue;
                }
                first = Math.min(first, start);
                last = Math.max(last, end);
                if (f[2].equals("machine") && f.length == 9) {
                    busy += Long.parseLong(f[4]);
                    steal += Long.parseLong(f[8]);
                    all += Long.parseLong(f[4]) + Long.parseLong(f[6]) + Long.parseLong(f[8]);
                } else {
                    ticks.merge(f[2], Long.parseLong(f[4]), Long::sum);
                    processes.computeIfAbsent(f[2], k -> new java.util.HashSet<>()).add(f[3]);
                }
            }
            if (all == 0) {
                return "no samples of that time";
            }
            List<Map.Entry<String, Long>> kinds = ticks.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
            StringBuilder text = new StringBuilder(String.format("%s–%s UTC, %.1f CPU-s in all: ",
                    DUE_TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(first), ZoneOffset.UTC)),
                    DUE_TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(last), ZoneOffset.UTC)), all * tick));
            for (Map.Entry<String, Long> kind : kinds.subList(0, Math.min(top, kinds.size()))) {
                text.append(String.format("%s %.2f s (%d), ", kind.getKey(), kind.getValue() * tick,
                        processes.get(kind.getKey()).size()));
            }
            long rest = kinds.stream().skip(top).mapToLong(Map.Entry::getValue).sum();
            return text.append(String.format("the rest %.2f s; machine %.0f %% busy (%.2f s), %.0f %% stolen",
                    rest * tick, busy * 100.0 / all, busy * tick, steal * 100.0 / all)).toString();
        }
    }

    /** This JVM's garbage collections so far: how many, and their time in milliseconds (the JVM's own counts). */
    static long[] ownCollections() {
        long[] total = new long[2];
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total[0] += Math.max(0, collector.getCollectionCount());
            total[1] += Math.max(0, collector.getCollectionTime());
        }
        return total;
    }

    /**
     * Reads at RATE a second over 10 tenants and over {@code tenants} by turns, SLICE (10) seconds at a time, after
     * at least LEAD_IN seconds of each by turns, untimed: the two kinds then meet the same machine (Payara's collections and compiler,
     * PostgreSQL's autovacuum passes, the other processes) instead of each meeting what falls in its own minute.
     * The slices come in blocks of four, 10 tenants, fleet, fleet, 10 tenants (so neither kind is always first),
     * as many as give each kind at least {@code seconds}; one schedule runs through them all, so that a stall at a
     * slice's end delays the next slice's reads as it would any other's. Prints each slice (its kind, when it began,
     * its p99 and slow reads), then each kind's p50 and p99 over all its slices and the ratio of the p99s; the last
     * line is that summary.
     */
    static void interleaved(int tenants, int seconds) throws Exception {
        int rate = Integer.parseInt(env("RATE", "0"));
        int slice = Integer.parseInt(env("SLICE", "10"));
        if (rate <= 0 || slice <= 0) {
            throw new IllegalArgumentException("interleaved reads need RATE, the reads a second, and SLICE, seconds, above 0");
        }
        int clients = Integer.parseInt(env("CLIENTS", "32"));
        List<List<String>> kinds = List.of(tenants(10), tenants(tenants));
        // The lead-in by turns as well: the first switch from one kind to the other was slow (the first slices of
        // 10 tenants after reads over the fleet), and untimed it sets neither kind's p99.
        leadIn(lead -> paced(i -> kinds.get(i % 2), rate, clients, slice, 2 * Math.max(1, (lead + slice - 1) / slice)));
        int blocks = Math.max(1, (seconds + 2 * slice - 1) / (2 * slice));
        int[] order = new int[4 * blocks];
        for (int i = 0; i < order.length; i++) {
            order[i] = i % 4 == 0 || i % 4 == 3 ? 0 : 1;
        }
        long[] ownBefore = ownCollections();
        long startedAt = System.currentTimeMillis();
        Result all = paced(i -> kinds.get(order[i]), rate, clients, slice, order.length);
        long endedAt = System.currentTimeMillis();
        long[] ownAfter = ownCollections();
        System.out.printf("the load generator's own collections over the timed reads: %d (%d ms in all)%n",
                ownAfter[0] - ownBefore[0], ownAfter[1] - ownBefore[1]);
        if (System.getenv("CPU_SAMPLES") != null) {
            try {
                System.out.println("CPU by kind of process over the interleaved reads: "
                        + CpuSamples.read(Path.of(System.getenv("CPU_SAMPLES")), startedAt, endedAt)
                                .describe(startedAt, endedAt, 8));
            } catch (IOException | RuntimeException e) {
                System.out.println("CPU samples unreadable: " + e);
            }
        }
        long slow = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(env("SLOW_MS", "100")));
        List<List<Result>> byKind = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < order.length; i++) {
            Result one = new Result(new long[][] {all.latencies()[i]}, new int[] {all.sizes()[i]}, new AtomicLong(),
                    new AtomicLong(), new AtomicLong(), Map.of());
            byKind.get(order[i]).add(one);
            System.out.printf("slice %d, %s, from %s UTC: p99 %.2f ms, %d slow%n", i + 1,
                    order[i] == 0 ? "10 tenants" : tenants + " tenants",
                    DUE_TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(startedAt + i * slice * 1000L), ZoneOffset.UTC)),
                    one.percentile(99), one.slower(slow));
        }
        Result few = merged(byKind.get(0));
        Result fleet = merged(byKind.get(1));
        String gcLog = System.getenv("PAYARA_GC_LOG");
        if (gcLog != null) {
            try {
                collectionsMet(Path.of(gcLog), all, order, startedAt, rate, tenants, slice);
            } catch (IOException | RuntimeException e) {
                System.out.println("  Payara's GC log unreadable: " + e);
            }
        }
        System.out.printf("interleaved, %d a second from %d clients, %d s of each kind in slices of %d s: 10 tenants p50"
                + " %.2f ms, p99 %.2f ms, %d slow; %d tenants p50 %.2f ms, p99 %.2f ms, %d slow; p99 ratio %.2f; errors %d,"
                + " wrong %d%n", rate, clients, 2 * blocks * slice, slice, few.percentile(50), few.percentile(99),
                few.slower(slow), tenants, fleet.percentile(50), fleet.percentile(99), fleet.slower(slow),
                fleet.percentile(99) / few.percentile(99), all.errors().get(), all.wrong().get());
    }

    /** A stop of Payara's JVM for a collection, in epoch microseconds. */
    record Pause(long from, long to) {
    }

    /** Its collector's pauses from a unified-logging GC log whose first decoration is {@code time} (read-cost.sh's). */
    static List<Pause> pauses(Path gcLog) throws IOException {
        Pattern line = Pattern.compile("^\\[([^\\]]+)\\](?:\\[[^\\]]*\\])* GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");
        java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        List<Pause> pauses = new ArrayList<>();
        for (String text : Files.readAllLines(gcLog)) {
            Matcher m = line.matcher(text);
            if (m.matches()) {
                // Logged when the pause ends.
                long to = java.time.OffsetDateTime.parse(m.group(1), time).toInstant().toEpochMilli() * 1000;
                pauses.add(new Pause(to - Math.round(Double.parseDouble(m.group(2)) * 1000), to));
            }
        }
        pauses.sort(Comparator.comparingLong(Pause::from));
        return pauses;
    }

    /**
     * Whether Payara's collections decide the interleaved round's p99s: for each kind, the reads under way while
     * a collection stopped the server, how many of its slowest 1 % were among them, its p90 and p95 (the shape of
     * its tail), the p99 of the reads that met no collection, with the ratio of those, and the pauses that began in
     * its slices ({@code sliceSeconds} each, in {@code order}: 0 for 10 tenants, 1 for the fleet). Each read runs from
     * when it was due ({@code startedAt}, epoch ms, plus its place on the schedule of {@code rate} a second) to
     * its answer, on the same machine's clock as the log ({@link #met}).
     */
    static void collectionsMet(Path gcLog, Result all, int[] order, long startedAt, int rate, int tenants, int sliceSeconds)
            throws IOException {
        List<Pause> pauses = pauses(gcLog);
        if (pauses.isEmpty()) {
            System.out.println("  no pause of Payara's in " + gcLog + ": which reads a collection stopped is not known");
            return;
        }
        long[] starts = pauses.stream().mapToLong(Pause::from).toArray();
        double[] clearP99 = new double[2];
        for (int kind = 0; kind < 2; kind++) {
            List<long[]> reads = new ArrayList<>(); // due (epoch µs), duration (µs), met a collection (0/1)
            for (int slice = 0; slice < order.length; slice++) {
                if (order[slice] != kind) {
                    continue;
                }
                for (int i = 0; i < all.sizes()[slice]; i++) {
                    long due = startedAt * 1000 + ((long) slice * all.sizes()[slice] + i) * 1_000_000L / rate;
                    long took = all.latencies()[slice][i] / 1000;
                    reads.add(new long[] {due, took, met(pauses, starts, due, due + took) ? 1 : 0});
                }
            }
            reads.sort(Comparator.comparingLong((long[] r) -> r[1]));
            int n = reads.size();
            int slowest = n - (int) Math.floor(n * 0.99);
            long metSlow = reads.subList(n - slowest, n).stream().filter(r -> r[2] == 1).count();
            long[] clear = reads.stream().filter(r -> r[2] == 0).mapToLong(r -> r[1]).toArray(); // sorted already
            clearP99[kind] = Result.at(clear, 99) / 1e3;
            long[] durations = reads.stream().mapToLong(r -> r[1]).toArray();
            int ofKind = kind;
            double[] own = pauses.stream().filter(p -> {
                long at = p.from() / 1000 - startedAt; // when it began, ms into the round
                return at >= 0 && at < (long) order.length * sliceSeconds * 1000 && order[(int) (at / (sliceSeconds * 1000L))] == ofKind;
            }).mapToDouble(p -> (p.to() - p.from()) / 1e3).sorted().toArray();
            System.out.printf("  %s: %d of %d reads under way during a collection of Payara's; of its slowest 1 %% (%d), %d;"
                    + " p90 %.2f ms, p95 %.2f ms; p99 of the reads that met none %.2f ms; pauses begun in its slices %d,"
                    + " median %.1f ms, longest %.1f ms%n",
                    kind == 0 ? "10 tenants" : tenants + " tenants", n - clear.length, n, slowest, metSlow,
                    Result.at(durations, 90) / 1e3, Result.at(durations, 95) / 1e3,
                    clearP99[kind], own.length, own.length == 0 ? 0 : own[own.length / 2],
                    own.length == 0 ? 0 : own[own.length - 1]);
        }
        System.out.printf("  p99 ratio of the reads that met no collection: %.2f%n", clearP99[1] / clearP99[0]);
    }

    /**
     * Whether a pause overlaps [{@code from}, {@code to}] (epoch µs), each pause taken a millisecond longer at each end:
     * the log and the reads' schedule are known to the millisecond, and threads take time to stop and start again.
     * {@code starts} are the pauses' starts, in order.
     */
    static boolean met(List<Pause> pauses, long[] starts, long from, long to) {
        int i = Arrays.binarySearch(starts, to + 1000);
        for (i = i >= 0 ? i : -i - 2; i >= 0 && starts[i] > from - 10_000_000L; i--) {
            if (pauses.get(i).to() + 1000 > from) {
                return true;
            }
        }
        return false;
    }

    /** The reads of several results as one (their latencies; errors are counted on the whole run). */
    static Result merged(List<Result> results) {
        return new Result(results.stream().flatMap(r -> Arrays.stream(r.latencies())).toArray(long[][]::new),
                results.stream().flatMapToInt(r -> Arrays.stream(r.sizes())).toArray(), new AtomicLong(), new AtomicLong(),
                new AtomicLong(), Map.of());
    }

    /** A load of some seconds, its result not needed. */
    interface Load {
        Result run(int seconds) throws Exception;
    }

    /**
     * LEAD_IN (10) seconds of {@code load}, not timed, then, with TIMED_MARK=1, "timed reads begin" on standard
     * error (common.sh's bench_timed takes the server's counters then). This JVM's own compiler works hardest through its first
     * seconds, on the same two cores as the server: without a lead-in, the first reads timed were its.
     */
    static void leadIn(Load load) throws Exception {
        int seconds = Integer.parseInt(env("LEAD_IN", "10"));
        if (seconds > 0) {
            load.run(seconds);
        }
        if ("1".equals(env("TIMED_MARK", "0"))) {
            System.err.println("timed reads begin");
        }
    }

    static void sharedReads(int seconds) throws Exception {
        HttpResponse<String> setUp = send("public", "POST", "/api/bench/shared-products", "");
        if (setUp.statusCode() != 204) {
            throw new IllegalStateException("baseline set-up answered " + setUp.statusCode() + ": start with mvn -Prun,bench");
        }
        int clients = Integer.parseInt(env("CLIENTS", "32"));
        leadIn(lead -> load(List.of("public"), clients, lead, 0, "/api/bench/shared-products", "shared/"));
        Result r = load(List.of("public"), clients, seconds, 0, "/api/bench/shared-products", "shared/");
        System.out.printf("shared reads (unrouted), %d clients, %d s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                clients, seconds, r.count() / (double) seconds, r.percentile(50), r.percentile(99), r.errors.get());
    }

    static void soak(int tenants, int clients, int seconds) throws Exception {
        List<String> labels = tenants(tenants);
        Result r = load(labels, clients, seconds, 10);
        System.out.printf("soak: %d tenants, %d clients, %d s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms%n",
                tenants, clients, seconds, r.count(), r.count() / (double) seconds, r.percentile(50), r.percentile(99), r.percentile(99.9));
        System.out.printf("errors (non-2xx or I/O): %d, 5xx: %d, wrong-tenant answers: %d, writes: %d%n",
                r.errors.get(), r.serverErrors.get(), r.wrong.get(), r.writes.size());
        String dbUrl = System.getenv("DB_URL");
        if (dbUrl != null) {
            int missing = 0;
            try (Connection db = DriverManager.getConnection(dbUrl, env("DB_USER", "postgres"), env("DB_PASSWORD", ""))) {
                for (String label : labels) {
                    Map<String, Long> stored = new HashMap<>();
                    String schema = "\"" + label.replace('-', '_') + "\"";
                    try (ResultSet rows = db.createStatement().executeQuery(
                            "SELECT value, product_id FROM " + schema + ".product_version")) {
                        while (rows.next()) {
                            stored.put(rows.getString(1), rows.getLong(2));
                        }
                    }
                    // A plan counts as stored only with its product and its one-to-one document.
                    try (ResultSet rows = db.createStatement().executeQuery("SELECT p.name, p.product_id FROM "
                            + schema + ".test_plan p JOIN " + schema + ".plan_document d ON d.plan_id = p.id "
                            + "AND d.text = p.name || ' document'")) {
                        while (rows.next()) {
                            stored.put("plan|" + rows.getString(1).substring(label.length() + 1), rows.getLong(2));
                        }
                    }
                    for (Map.Entry<String, Long> w : r.writes.entrySet()) {
                        String key = w.getKey();
                        boolean plan = key.startsWith("plan|");
                        String rest = plan ? key.substring(5) : key;
                        if (rest.startsWith(label + "|") && !w.getValue().equals(
                                stored.get((plan ? "plan|" : "") + rest.substring(label.length() + 1)))) {
                            missing++;
                        }
                    }
                }
            }
            System.out.println("foreign keys missing or wrong in the database: " + missing + " of " + r.writes.size());
        }
    }

    record Result(long[][] latencies, int[] sizes, AtomicLong errors, AtomicLong serverErrors, AtomicLong wrong,
            Map<String, Long> writes) {
        long count() {
            return Arrays.stream(sizes).sum();
        }

        /** How many reads took {@code nanos} or longer. */
        long slower(long nanos) {
            long n = 0;
            for (int i = 0; i < sizes.length; i++) {
                for (int j = 0; j < sizes[i]; j++) {
                    n += latencies[i][j] >= nanos ? 1 : 0;
                }
            }
            return n;
        }

        double percentile(double p) {
            long[] all = new long[(int) count()];
            int at = 0;
            for (int i = 0; i < sizes.length; i++) {
                System.arraycopy(latencies[i], 0, all, at, sizes[i]);
                at += sizes[i];
            }
            Arrays.sort(all);
            return at(all, p) / 1e6;
        }

        /** The value at percentile {@code p} of sorted values, as {@link #percentile} takes it; 0 for none. */
        static long at(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * p / 100))];
        }
    }

    static void outage(int clients, int seconds) throws Exception {
        String label = "outage-" + RUN;
        HttpResponse<String> tenant = send("public", "POST", "/api/tenants", "{\"label\":\"" + label
                + "\",\"name\":\"Outage\"}");
        if (tenant.statusCode() != 201) {
            throw new IllegalStateException("creating " + label + " answered " + tenant.statusCode() + " " + tenant.body());
        }
        HttpResponse<String> made = send(label, "POST", "/api/products", "{\"name\":\"Shop\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("creating the product answered " + made.statusCode() + " " + made.body());
        }
        String product = made.body().replaceAll(".*\"id\":([0-9]+).*", "$1");
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong noRetryAfter = new AtomicLong();
        AtomicLong otherFailures = new AtomicLong(); // the first few are shown
        AtomicLong firstFailure = new AtomicLong(Long.MAX_VALUE);
        AtomicLong lastFailure = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        System.out.println("writers started"); // bench/restart.sh restarts PostgreSQL from here on
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String value = "c" + client + "-" + i;
                    int status;
                    try {
                        HttpResponse<String> answer = send(label, "POST", "/api/products/" + product + "/versions",
                                "{\"value\":\"" + value + "\"}");
                        status = answer.statusCode();
                        if (status == 503 && answer.headers().firstValue("Retry-After").isEmpty()) {
                            noRetryAfter.incrementAndGet();
                        }
                        if (status >= 500 && status != 503 && otherFailures.incrementAndGet() <= 3) {
                            System.out.println(status + " " + answer.headers().firstValue("Content-Type").orElse("")
                                    + ": " + answer.body().substring(0, Math.min(300, answer.body().length())));
                        }
                    } catch (Exception e) {
                        status = 0; // no answer
                        Thread.sleep(10);
                    }
                    statuses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                    if (status == 201) {
                        acknowledged.add(value);
                    } else {
                        long now = System.nanoTime();
                        firstFailure.accumulateAndGet(now, Math::min);
                        lastFailure.accumulateAndGet(now, Math::max);
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        System.out.println("answers by status (0 = no answer): " + new java.util.TreeMap<>(statuses));
        System.out.println("503 without Retry-After: " + noRetryAfter.get());
        System.out.printf("failed answers from first to last: %.2f s%n", lastFailure.get() == 0 ? 0.0
                : (lastFailure.get() - firstFailure.get()) / 1e9);
        try (Connection db = DriverManager.getConnection(System.getenv("DB_URL"), env("DB_USER", "postgres"),
                env("DB_PASSWORD", "")); ResultSet rows = db.createStatement().executeQuery("SELECT value FROM \""
                        + label.replace('-', '_') + "\".product_version WHERE product_id = " + product)) {
            Set<String> stored = new java.util.HashSet<>();
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
            Set<String> lost = new java.util.HashSet<>(acknowledged);
            lost.removeAll(stored);
            Set<String> unacknowledged = new java.util.HashSet<>(stored);
            unacknowledged.removeAll(acknowledged);
            System.out.printf("writes acknowledged %d, rows stored %d: acknowledged but missing %d, stored but not "
                    + "acknowledged %d%n", acknowledged.size(), stored.size(), lost.size(), unacknowledged.size());
        }
    }

    /**
     * A read load on one tenant (bench-0) by {@code clients} while another, of {@code cases} test cases and
     * {@code files} attachments of 1 MiB, is restored to a restore point: the neighbour's answers and
     * latencies before, during and after the restore, and what the restored tenant answered meanwhile.
     */
    static void restore(int clients, int cases, int files) throws Exception {
        String neighbour = tenants(1).get(0);
        String label = "restored-" + RUN;
        HttpResponse<String> tenant = send("public", "POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"Restored\"}");
        if (tenant.statusCode() != 201) {
            throw new IllegalStateException("creating " + label + " answered " + tenant.statusCode() + " " + tenant.body());
        }
        send(label, "POST", "/api/products", "{\"name\":\"Shop\"}");
        ExecutorService filling = Executors.newFixedThreadPool(8);
        for (int i = 0; i < cases; i++) {
            int n = i;
            filling.submit(() -> send(label, "POST", "/api/cases", "{\"productId\":1,\"summary\":\"Case " + n
                    + "\",\"description\":\"" + "x".repeat(500) + "\"}"));
        }
        filling.shutdown();
        filling.awaitTermination(30, TimeUnit.MINUTES);
        byte[] mib = new byte[1 << 20];
        ThreadLocalRandom.current().nextBytes(mib);
        for (int i = 0; i < files; i++) {
            HttpRequest upload = HttpRequest.newBuilder(URI.create(BASE + "/api/cases/1/attachments?name=f" + i + ".bin"))
                    .header("Host", label + "." + DOMAIN).header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(mib)).build();
            HTTP.send(upload, HttpResponse.BodyHandlers.discarding());
        }
        HttpResponse<String> point = send(label, "POST", "/api/restore-points", "");
        String id = point.body().replaceAll(".*\"id\":([0-9]+).*", "$1");
        System.out.println("point " + id + ": " + point.body());

        record Answer(long start, long nanos, int status) { }
        List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicLong> restoredAnswers = new ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicBoolean restoring = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = send(neighbour, "GET", "/api/products", null).statusCode();
                    } catch (Exception e) {
                        status = 0;
                    }
                    answers.add(new Answer(start, System.nanoTime() - start, status));
                }
                return null;
            });
        }
        pool.submit(() -> {
            while (running.get()) {
                if (restoring.get()) {
                    HttpResponse<String> answer = send(label, "GET", "/api/products", null);
                    int status = answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isEmpty()
                            ? -503 : answer.statusCode();
                    restoredAnswers.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                }
                Thread.sleep(20);
            }
            return null;
        });
        Thread.sleep(15_000);
        long began = System.nanoTime();
        restoring.set(true);
        HttpResponse<String> restored = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/restore-points/" + id
                + "/restore")).header("Host", label + "." + DOMAIN).header("Authorization", "Bearer " + token())
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        restoring.set(false);
        long ended = System.nanoTime();
        Thread.sleep(15_000);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        System.out.printf("restore of %d cases and %d MiB of files: %d in %.2f s%n", cases, files, restored.statusCode(),
                (ended - began) / 1e9);
        System.out.println("the restored tenant meanwhile (by status; -503 = 503 without Retry-After): "
                + new java.util.TreeMap<>(restoredAnswers));
        for (String phase : List.of("before", "during", "after")) {
            List<Answer> these;
            synchronized (answers) {
                these = answers.stream().filter(a -> switch (phase) {
                    case "before" -> a.start() < began;
                    case "during" -> a.start() >= began && a.start() < ended;
                    default -> a.start() >= ended;
                }).toList();
            }
            long[] nanos = these.stream().mapToLong(Answer::nanos).sorted().toArray();
            long failed = these.stream().filter(a -> a.status() != 200).count();
            double seconds = phase.equals("during") ? (ended - began) / 1e9 : 15.0;
            System.out.printf("neighbour %-6s: %d requests, %.0f req/s, not 200: %d, p50 %.1f ms, p99 %.1f ms%n", phase,
                    nanos.length, nanos.length / seconds, failed, nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1e6,
                    nanos.length == 0 ? 0 : nanos[(int) (nanos.length * 0.99)] / 1e6);
        }
    }

    static Result load(List<String> labels, int clients, int seconds, int writePercent) throws Exception {
        return load(labels, clients, seconds, writePercent, "/api/products", null);
    }

    /** {@code namePrefix} null: every product must be named after the tenant that answered. */
    static Result load(List<String> labels, int clients, int seconds, int writePercent, String readPath,
            String namePrefix) throws Exception {
        Result r = new Result(new long[clients][], new int[clients], new AtomicLong(), new AtomicLong(), new AtomicLong(),
                new ConcurrentHashMap<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong sequence = new AtomicLong();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    String label = labels.get(random.nextInt(labels.size()));
                    long start = System.nanoTime();
                    try {
                        int dice = random.nextInt(100);
                        // Soaks also write and read plans (a plan's document is its one-to-one); reads
                        // read only readPath, so that routed and shared reads are the same request.
                        boolean plans = writePercent > 0;
                        if (dice < writePercent) {
                            long product = 1 + random.nextInt(2);
                            String value = RUN + "-" + sequence.incrementAndGet(); // unique across runs on one database
                            boolean plan = plans && dice % 2 == 0;
                            HttpResponse<String> reply = plan
                                    ? send(label, "POST", "/api/plans", planJson(product, label + "/" + value))
                                    : send(label, "POST", "/api/products/" + product + "/versions",
                                            "{\"value\":\"" + value + "\"}");
                            count(r, reply.statusCode());
                            if (reply.statusCode() == 201) {
                                r.writes().put((plan ? "plan|" : "") + label + "|" + value, product);
                            }
                        } else {
                            read(r, label, plans && dice >= 80 ? "/api/plans/1" : readPath, namePrefix);
                        }
                    } catch (Exception e) {
                        r.errors().incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                r.latencies()[client] = mine;
                r.sizes()[client] = n;
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
            throw new IllegalStateException("clients did not finish: the server hangs");
        }
        return r;
    }

    /**
     * Reads at a fixed rate, {@code rate} requests a second evenly spaced, whatever the answers' times,
     * from {@code clients} threads (a read due while all are busy waits for one). Each read is timed from
     * when it was due, not from when a thread sent it, so a server that falls behind the rate shows it in
     * the percentiles instead of slowing the load down (a closed loop's coordinated omission).
     */
    static Result paced(List<String> labels, int rate, int clients, int seconds) throws Exception {
        return paced(slice -> labels, rate, clients, seconds, 1);
    }

    /**
     * {@link #paced(List, int, int, int)} over {@code slices} slices of {@code seconds} one after another on one
     * schedule, slice i reading from {@code labelsOf.apply(i)}: the result holds each slice's latencies apart.
     */
    static Result paced(java.util.function.IntFunction<List<String>> labelsOf, int rate, int clients, int seconds,
            int slices) throws Exception {
        int perSlice = rate * seconds;
        long[][] latencies = new long[slices][perSlice];
        int[] sizes = new int[slices];
        Arrays.fill(sizes, perSlice);
        Result r = new Result(latencies, sizes, new AtomicLong(), new AtomicLong(), new AtomicLong(),
                new ConcurrentHashMap<>());
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        long period = 1_000_000_000L / rate;
        long first = System.nanoTime();
        for (int i = 0; i < perSlice * slices; i++) {
            long due = first + i * period;
            LockSupport.parkNanos(due - System.nanoTime());
            int slice = i / perSlice;
            int read = i % perSlice;
            List<String> labels = labelsOf.apply(slice);
            senders.submit(() -> {
                try {
                    read(r, labels.get(ThreadLocalRandom.current().nextInt(labels.size())), "/api/products", null);
                } catch (Exception e) {
                    r.errors().incrementAndGet();
                }
                latencies[slice][read] = System.nanoTime() - due;
            });
        }
        senders.shutdown();
        if (!senders.awaitTermination(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("reads did not finish: the server hangs");
        }
        return r;
    }

    /** A burst's due time as printBursts gives it, to the millisecond. */
    static final java.time.format.DateTimeFormatter DUE_TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /**
     * The paced reads slower than SLOW_MS (100) milliseconds, grouped into bursts: slow reads due within 50 ms
     * of each other. A pause of the server (a collection, a lock everyone waits for) delays every read due
     * during it and shows as one burst of many reads; reads slow each on their own show as bursts of one or
     * two. Prints how many, and the 8 largest bursts with the time (UTC) their first read was due, to match
     * against the server's log or a JFR recording. {@code latencies} are in due order, {@code period} ns apart,
     * the first due at {@code firstDueMillis} (epoch milliseconds).
     */
    static void printBursts(long[] latencies, long firstDueMillis, long period, CpuSamples samples) {
        long slow = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(env("SLOW_MS", "100")));
        record Burst(int first, int last, int reads, long longest) {
        }
        List<Burst> bursts = new ArrayList<>();
        int first = -1;
        int last = -1;
        int reads = 0;
        long longest = 0;
        for (int i = 0; i < latencies.length; i++) {
            if (latencies[i] < slow) {
                continue;
            }
            if (first >= 0 && (i - last) * period > TimeUnit.MILLISECONDS.toNanos(50)) {
                bursts.add(new Burst(first, last, reads, longest));
                first = -1;
            }
            if (first < 0) {
                first = i;
                reads = 0;
                longest = 0;
            }
            last = i;
            reads++;
            longest = Math.max(longest, latencies[i]);
        }
        if (first >= 0) {
            bursts.add(new Burst(first, last, reads, longest));
        }
        System.out.printf("slow reads (%d ms or more): %d, in %d bursts; %d of them in bursts of one or two reads%n",
                TimeUnit.NANOSECONDS.toMillis(slow), bursts.stream().mapToInt(Burst::reads).sum(), bursts.size(),
                bursts.stream().filter(b -> b.reads() <= 2).mapToInt(Burst::reads).sum());
        for (Burst b : bursts.stream().sorted(Comparator.comparingInt(Burst::reads).reversed()).limit(8).toList()) {
            long due = firstDueMillis + b.first() * period / 1_000_000;
            System.out.printf("  burst due from %s UTC: %d reads over %d ms, the slowest %.0f ms%n",
                    DUE_TIME.format(LocalTime.ofInstant(Instant.ofEpochMilli(due), ZoneOffset.UTC)), b.reads(),
                    (b.last() - b.first()) * period / 1_000_000, b.longest() / 1e6);
            if (samples != null) {
                // From a second before its first read was due (what ran up to it) to when its last read was due
                // plus the slowest's time.
                long end = firstDueMillis + b.last() * period / 1_000_000 + b.longest() / 1_000_000;
                System.out.println("    CPU from 1 s before to its end: " + samples.describe(due - 1000, end, 5));
            }
        }
    }

    /** Reads {@code path} of {@code label}, counting its answer and every product not named for it (see load). */
    static void read(Result r, String label, String path, String namePrefix) throws Exception {
        HttpResponse<String> reply = send(label, "GET", path, null);
        count(r, reply.statusCode());
        Matcher names = NAME.matcher(reply.body());
        while (names.find()) {
            if (!names.group(1).startsWith(namePrefix == null ? label + "/" : namePrefix)) {
                r.wrong().incrementAndGet();
            }
        }
    }

    static void count(Result r, int status) {
        if (status >= 300) {
            r.errors().incrementAndGet();
        }
        if (status >= 500) {
            r.serverErrors().incrementAndGet();
        }
    }

    /**
     * Tenants bench-0..n-1, each with two products named after it; created when missing, CREATORS (4) at
     * once, progress every 500 created (building thousands one after another took too long). With
     * TENANTS_READY=1 they are taken as there, unasked (reading 10,000 tenants twice took minutes).
     */
    static List<String> tenants(int count) throws Exception {
        if ("1".equals(env("TENANTS_READY", "0"))) {
            String prefix = env("TENANT_PREFIX", "bench-"); // fleet-: the tenants bench/fleet.sh made
            return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        }
        ExecutorService creators = Executors.newFixedThreadPool(Integer.parseInt(env("CREATORS", "4")));
        AtomicLong created = new AtomicLong();
        long started = System.nanoTime();
        List<String> labels = new ArrayList<>();
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = "bench-" + i;
            labels.add(label);
            work.add(creators.submit(() -> {
                ensureTenant(label);
                if (created.incrementAndGet() % 500 == 0) {
                    System.err.printf("%d of %d tenants ready in %.0f s%n", created.get(), count, (System.nanoTime() - started) / 1e9);
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> one : work) {
            one.get();
        }
        creators.shutdown();
        return labels;
    }

    /**
     * The tenants of bench/peer.sh: peer-0 … peer-(count-1), publicly readable, each holding the same
     * products (peer/1 … peer/P, each with versions 1.0 … V.0), made when missing, CREATORS (4) at once.
     * Prints the super-user's token (an owner, so a member of each) on stdout, the only line there.
     */
    static void peerTenants(int count, int products, int versions) throws Exception {
        ExecutorService creators = Executors.newFixedThreadPool(Integer.parseInt(env("CREATORS", "4")));
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = "peer-" + i;
            work.add(creators.submit(() -> {
                HttpResponse<String> there = get(label, "/api/products");
                if (there.statusCode() == 200) {
                    if (!there.body().matches("(?s).*\"total\":" + products + "[,}].*")) {
                        throw new IllegalStateException(label + " holds other products than " + products
                                + ": start from a fresh DATA_DIR");
                    }
                    return null;
                }
                int status = asSuperUser("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + label
                        + "\",\"publiclyReadable\":true}");
                if (status != 201) {
                    throw new IllegalStateException("creating " + label + " answered " + status);
                }
                for (int p = 1; p <= products; p++) {
                    HttpResponse<String> made = send(label, "POST", "/api/products",
                            "{\"name\":\"peer/" + p + "\",\"description\":\"Product " + p + " of the peer benchmark\"}");
                    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(made.body());
                    if (made.statusCode() != 201 || !id.find()) {
                        throw new IllegalStateException("a product of " + label + " answered " + made.statusCode());
                    }
                    for (int v = 1; v <= versions; v++) {
                        send(label, "POST", "/api/products/" + id.group(1) + "/versions", "{\"value\":\"" + v + ".0\"}");
                    }
                }
                return null;
            }));
        }
        for (java.util.concurrent.Future<?> one : work) {
            one.get();
        }
        creators.shutdown();
        System.out.println(token());
    }

    static void ensureTenant(String label) throws Exception {
        if (get(label, "/api/products").statusCode() == 200) {
            if (get(label, "/api/plans/1").statusCode() == 404) {
                send(label, "POST", "/api/plans", planJson(1, label + "/plan")); // made before plans existed
            }
            return; // exists: no signed-in call, whose PBKDF2 check would weigh on the figures
        }
        int status = asSuperUser("POST", "/api/tenants", "{\"label\":\"" + label + "\",\"name\":\"" + label + "\"}");
        if (status == 201) {
            for (int p = 1; p <= 2; p++) {
                send(label, "POST", "/api/products", "{\"name\":\"" + label + "/" + p + "\"}");
            }
            send(label, "POST", "/api/plans", planJson(1, label + "/plan"));
        } else if (status != 409) {
            throw new IllegalStateException("creating " + label + " answered " + status);
        }
    }

    private static volatile String token;

    /**
     * The super-user's API token: BENCH_TOKEN when set (one made before a restart, as the public tenant
     * may be waiting for its upgrade after it), otherwise a new one made with ADMIN's password.
     */
    static synchronized String token() throws Exception {
        if (token == null) {
            token = System.getenv("BENCH_TOKEN");
        }
        if (token == null || token.isBlank()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/me/tokens"))
                    .header("Host", "public." + DOMAIN).header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-" + RUN + "\"}")).build(); // names are unique per account
            HttpResponse<String> made = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (made.statusCode() != 201) {
                throw new IllegalStateException("no API token for ADMIN: " + made.statusCode() + " " + made.body());
            }
            token = made.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        }
        return token;
    }

    static String planJson(long product, String name) {
        return "{\"productId\":" + product + ",\"name\":\"" + name + "\",\"document\":\"" + name + " document\"}";
    }

    static int admin(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Host", "public." + DOMAIN)
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpResponse<String> get(String label, String path) throws Exception {
        return send(label, "GET", path, null);
    }

    /** Tenant data needs a caller since accounts and access arrived: the super-user's API token, who owns the tenants. */
    static HttpResponse<String> send(String label, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).header("Host", label + "." + DOMAIN)
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
