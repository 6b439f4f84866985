import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What used this machine's CPU, process by process (Linux, from /proc): the benchmark shares two cores with
 * PostgreSQL's own workers, the load generator and whatever else runs, and a paced phase's slow reads are
 * explained only by what ran beside them (bench/README.md, "What else runs on the two cores").
 * <pre>
 *   java MachineCpu sample FILE   every 250 ms until killed, appends to FILE one line per process that ran in
 *                                 the interval, "EPOCH_MS KIND PID TICKS" (TICKS of 1/CLK_TCK s, 100 unless set),
 *                                 and one for the machine, "EPOCH_MS machine busy TICKS idle TICKS steal TICKS"
 * </pre>
 * {@link #byKind} reads such a file back for a window of time; Bench.java's reads print it per phase and around
 * each burst of slow reads when CPU_SAMPLES names the file.
 */
public class MachineCpu {

    static final long INTERVAL_MS = 250;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("sample")) {
            throw new IllegalArgumentException("java MachineCpu sample FILE");
        }
        sample(Path.of(args[1]));
    }

    /** Samples until the process is killed; each line is flushed whole, so a reader never sees half of one. */
    static void sample(Path file) throws IOException, InterruptedException {
        Map<Long, Long> before = ticksByProcess();
        Map<Long, String> kinds = new HashMap<>();
        long[] machineBefore = machineTicks();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            while (true) {
                Thread.sleep(INTERVAL_MS);
                long now = System.currentTimeMillis();
                Map<Long, Long> after = ticksByProcess();
                long[] machineAfter = machineTicks();
                StringBuilder lines = new StringBuilder();
                after.forEach((pid, ticks) -> {
                    // A process born in the interval counts all its ticks.
                    long used = ticks - before.getOrDefault(pid, 0L);
                    if (used > 0) {
                        lines.append(now).append(' ').append(kinds.computeIfAbsent(pid, MachineCpu::kind)).append(' ')
                                .append(pid).append(' ').append(used).append('\n');
                    }
                });
                kinds.keySet().retainAll(after.keySet());
                lines.append(now).append(" machine busy ").append(machineAfter[0] - machineBefore[0])
                        .append(" idle ").append(machineAfter[1] - machineBefore[1])
                        .append(" steal ").append(machineAfter[2] - machineBefore[2]).append('\n');
                out.print(lines);
                out.flush();
                before.clear();
                before.putAll(after);
                machineBefore = machineAfter;
            }
        }
    }

    /** User and system ticks of every process now; a process that ended while read is left out. */
    static Map<Long, Long> ticksByProcess() throws IOException {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // The fields after the command's name, which may hold spaces and parentheses.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(Long.parseLong(p.getFileName().toString()), Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException ended) {
                    // gone meanwhile
                }
            });
        }
        return ticks;
    }

    /** The machine's busy, idle (with I/O wait) and stolen ticks so far, from /proc/stat's first line. */
    static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long user = Long.parseLong(f[1]) + Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
        return new long[] {user + system, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8])};
    }

    /**
     * A process's kind, one word or a few joined by '-': "payara", "load-generator", "sampler", PostgreSQL's by
     * their title ("postgres-backend", "postgres-autovacuum-worker", "postgres-checkpointer" …), otherwise the
     * name of its program ("[kernel]" for a kernel thread).
     */
    static String kind(long pid) {
        String command;
        try {
            command = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException ended) {
            return "ended";
        }
        if (command.isEmpty()) {
            return "[kernel]";
        }
        if (command.contains("payara-micro")) {
            return "payara";
        }
        if (command.contains(" MachineCpu sample ")) {
            return "sampler";
        }
        if (command.contains(" Bench ")) {
            return "load-generator";
        }
        if (command.startsWith("postgres: ")) {
            String title = command.substring("postgres: ".length());
            for (String worker : List.of("autovacuum launcher", "autovacuum worker", "checkpointer", "background writer",
                    "walwriter", "logger", "archiver", "logical replication", "parallel worker", "startup")) {
                if (title.startsWith(worker)) {
                    return "postgres-" + worker.replace(' ', '-');
                }
            }
            return "postgres-backend";
        }
        String program = command.split(" ")[0];
        program = program.substring(program.lastIndexOf('/') + 1);
        return program.equals("postgres") ? "postgres-postmaster" : program;
    }

    /**
     * The CPU seconds each kind of process used from {@code fromMillis} to {@code toMillis} (epoch milliseconds,
     * to the sampling's 250 ms), largest first, the machine's own counts under "machine busy", "machine idle" and
     * "machine steal"; empty when the file holds no sample of that time.
     */
    static Map<String, Double> byKind(Path samples, long fromMillis, long toMillis) throws IOException {
        double tick = 1.0 / Long.parseLong(System.getenv().getOrDefault("CLK_TCK", "100"));
        Map<String, Double> seconds = new HashMap<>();
        try (Stream<String> lines = Files.lines(samples)) {
            lines.map(line -> line.split(" ")).filter(f -> f.length >= 4).forEach(f -> {
                long at = Long.parseLong(f[0]);
                // A sample covers the 250 ms before its time.
                if (at <= fromMillis || at > toMillis + INTERVAL_MS) {
                    return;
                }
                if (f[1].equals("machine")) {
                    for (int i = 2; i + 1 < f.length; i += 2) {
                        seconds.merge("machine " + f[i], Long.parseLong(f[i + 1]) * tick, Double::sum);
                    }
                } else {
                    seconds.merge(f[1], Long.parseLong(f[3]) * tick, Double::sum);
                }
            });
        }
        return seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * {@link #byKind} as one line: the {@code top} kinds of process by CPU seconds, then how busy the machine
     * was (its busy share of all its ticks, so of both cores), or "no samples" when there are none.
     */
    static String describe(Path samples, long fromMillis, long toMillis, int top) throws IOException {
        Map<String, Double> used = byKind(samples, fromMillis, toMillis);
        double busy = used.getOrDefault("machine busy", 0.0);
        double all = busy + used.getOrDefault("machine idle", 0.0) + used.getOrDefault("machine steal", 0.0);
        if (all == 0) {
            return "no samples";
        }
        return used.entrySet().stream().filter(e -> !e.getKey().startsWith("machine ")).limit(top)
                .map(e -> String.format("%s %.2f s", e.getKey(), e.getValue())).collect(Collectors.joining(", "))
                + String.format("; machine %.0f %% busy, %.0f %% stolen", busy * 100 / all,
                        used.getOrDefault("machine steal", 0.0) * 100 / all);
    }
}
