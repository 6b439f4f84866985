import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * PostgreSQL alone on Tenantry's product read, without the server: what the read's statements cost PostgreSQL
 * when a pooled connection has served a tenant often, seldom or never. It sends what a request to GET
 * /api/products sends (the route and the tenant's shared lock, the access version, the products, their versions;
 * the last two tagged with the tenant's schema as tenancy.TenantTaggedDataSource tags them) through connections
 * grouped as the connection lanes group them: LANES lanes of PER_LANE connections, a tenant's reads on its lane's
 * most recently returned free connection (as Payara's pool hands out its first free one), else on one of MAIN
 * shared connections. The connections live through every phase, so a phase meets the backends the phases before
 * it warmed.
 *
 * <p>Usage: java -cp postgresql.jar bench/PgReads.java TENANTS:SECONDS … (each a phase over the first TENANTS of
 * the fleet, TENANT_PREFIX bench-, by their creation). Environment: DB_URL, PGDATA (the data folder of DB_URL's
 * PostgreSQL, for its CPU from /proc), CLIENTS (16), LANES (16), PER_LANE (4), MAIN (23), NEXT_LANE=1 (a full lane
 * sends its tenant to the next lane before the shared connections), THRESHOLD (5, the driver's prepareThreshold),
 * PG_OPTIONS (the driver's options, "-c plan_cache_mode=force_generic_plan" for one),
 * JOIN=1 (products and versions in one statement). Prints per phase reads a second, p50 and p99, PostgreSQL's CPU
 * per read (all its processes), and the share of reads on the shared connections.
 */
public class PgReads {

    record Tenant(long id, String schema) {
    }

    record Lanes(List<LinkedBlockingDeque<Connection>> lanes, LinkedBlockingDeque<Connection> shared, boolean nextLane) {
    }

    static final boolean JOIN = "1".equals(System.getenv("JOIN"));

    public static void main(String[] phases) throws Exception {
        int most = Arrays.stream(phases).mapToInt(phase -> Integer.parseInt(phase.split(":")[0])).max().orElseThrow();
        Properties login = new Properties();
        login.setProperty("user", env("DB_USER", "postgres"));
        login.setProperty("password", env("DB_PASSWORD", ""));
        // As the lane pools of payara-config/: opened on no schema, room for a lane's share of statements.
        login.setProperty("currentSchema", "_unrouted");
        login.setProperty("preparedStatementCacheQueries", "4096");
        login.setProperty("preparedStatementCacheSizeMiB", "16");
        login.setProperty("prepareThreshold", env("THRESHOLD", "5"));
        // Session settings for every connection, as a pool's "options" property would give them.
        if (System.getenv("PG_OPTIONS") != null) {
            login.setProperty("options", System.getenv("PG_OPTIONS"));
        }
        String url = System.getenv("DB_URL");
        List<Tenant> tenants = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, login);
                PreparedStatement fleet = connection.prepareStatement(
                        "SELECT id, schema_name FROM public.tenant WHERE label LIKE ? ORDER BY id LIMIT ?")) {
            fleet.setString(1, env("TENANT_PREFIX", "bench-") + "%");
            fleet.setInt(2, most);
            try (ResultSet row = fleet.executeQuery()) {
                while (row.next()) {
                    tenants.add(new Tenant(row.getLong(1), row.getString(2)));
                }
            }
        }
        if (tenants.size() < most) {
            throw new IllegalStateException("the fleet holds " + tenants.size() + " tenants, not " + most);
        }
        List<LinkedBlockingDeque<Connection>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Integer.parseInt(env("LANES", "16")); lane++) {
            lanes.add(open(url, login, Integer.parseInt(env("PER_LANE", "4"))));
        }
        Lanes pools = new Lanes(lanes, open(url, login, Integer.parseInt(env("MAIN", "23"))), "1".equals(System.getenv("NEXT_LANE")));
        int clients = Integer.parseInt(env("CLIENTS", "16"));
        ExecutorService readers = Executors.newFixedThreadPool(clients);
        for (String phase : phases) {
            String[] spec = phase.split(":");
            phase(readers, clients, pools, tenants.subList(0, Integer.parseInt(spec[0])), Integer.parseInt(spec[1]));
        }
        System.exit(0); // the readers' threads and the connections end with the program
    }

    static LinkedBlockingDeque<Connection> open(String url, Properties login, int count) throws SQLException {
        LinkedBlockingDeque<Connection> pool = new LinkedBlockingDeque<>();
        for (int i = 0; i < count; i++) {
            pool.add(DriverManager.getConnection(url, login));
        }
        return pool;
    }

    static void phase(ExecutorService readers, int clients, Lanes pools, List<Tenant> tenants, int seconds) throws Exception {
        LongAdder shared = new LongAdder();
        ConcurrentLinkedQueue<long[]> times = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        double cpuBefore = postgresCpuSeconds();
        long began = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(readers.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    Tenant tenant = tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
                    long start = System.nanoTime();
                    // The lane as tenancy.ConnectionLanes chooses it.
                    int home = Math.floorMod(tenant.schema().hashCode(), pools.lanes().size());
                    LinkedBlockingDeque<Connection> from = pools.lanes().get(home);
                    Connection connection = from.pollFirst();
                    if (connection == null && pools.nextLane()) {
                        from = pools.lanes().get((home + 1) % pools.lanes().size());
                        connection = from.pollFirst();
                    }
                    if (connection == null) {
                        shared.increment();
                        from = pools.shared();
                        connection = from.takeFirst();
                    }
                    try {
                        read(connection, tenant);
                    } finally {
                        from.addFirst(connection);
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                times.add(Arrays.copyOf(mine, n));
                return null;
            }));
        }
        for (Future<?> reader : running) {
            reader.get();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        double cpu = postgresCpuSeconds() - cpuBefore;
        long[] all = times.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("reads over %d tenant(s), %d clients, %d s: %.0f reads/s, p50 %.2f ms, p99 %.2f ms,"
                + " PostgreSQL %.0f µs a read, %.2f %% on the shared connections%n", tenants.size(), clients, seconds,
                all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, cpu * 1e6 / all.length,
                shared.sum() * 100.0 / all.length);
    }

    /** One read of the tenant's products with their versions, in one transaction, as the server sends it. */
    static void read(Connection connection, Tenant tenant) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement route = connection.prepareStatement(
                "SELECT set_config('search_path', ?, true), pg_advisory_xact_lock_shared(?)")) {
            route.setString(1, '"' + tenant.schema() + '"');
            route.setLong(2, tenant.schema().hashCode());
            route.executeQuery().close();
        }
        try (PreparedStatement access = connection.prepareStatement(
                "SELECT access_version, txid_current_if_assigned() IS NULL FROM public.tenant_terms WHERE tenant_id = ?")) {
            access.setLong(1, tenant.id());
            access.executeQuery().close();
        }
        String tag = "/*" + tenant.schema() + "*/ ";
        if (JOIN) {
            try (PreparedStatement products = connection.prepareStatement(tag + "SELECT p.id, p.created_at, p.description, p.name,"
                    + " v.id, v.created_at, v.value FROM (SELECT * FROM product ORDER BY id LIMIT ? OFFSET ?) p"
                    + " LEFT JOIN product_version v ON v.product_id = p.id ORDER BY p.id, v.id")) {
                products.setInt(1, 50);
                products.setInt(2, 0);
                drain(products);
            }
        } else {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement products = connection.prepareStatement(
                    tag + "SELECT ID AS a1, created_at AS a2, DESCRIPTION AS a3, NAME AS a4 FROM product ORDER BY ID LIMIT ? OFFSET ?")) {
                products.setInt(1, 50);
                products.setInt(2, 0);
                try (ResultSet row = products.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getLong(1));
                    }
                }
            }
            if (!ids.isEmpty()) { // EclipseLink's batch reading of the page's versions (workspace.Listing)
                try (PreparedStatement versions = connection.prepareStatement(tag + "SELECT ID, created_at, product_id, VALUE"
                        + " FROM product_version WHERE (product_id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + "))")) {
                    for (int i = 0; i < ids.size(); i++) {
                        versions.setLong(i + 1, ids.get(i));
                    }
                    drain(versions);
                }
            }
        }
        connection.commit();
    }

    static void drain(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                row.getLong(1);
            }
        }
    }

    /** CPU seconds of PGDATA's postmaster, its children, and the children it has reaped, from /proc (Linux). */
    static double postgresCpuSeconds() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(System.getenv("PGDATA"), "postmaster.pid")).get(0).strip());
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat;
                try {
                    String text = Files.readString(process.resolve("stat"));
                    stat = text.substring(text.lastIndexOf(')') + 2).split(" "); // from the state on: field 3 is [0]
                } catch (IOException ended) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]); // utime, stime
                } else if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        }
        return ticks / 100.0; // USER_HZ, 100 on Linux
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
