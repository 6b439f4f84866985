import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What used this machine's CPU, process by process (Linux, from /proc): the benchmark shares two cores with
 * PostgreSQL's own workers, the load generator and whatever else runs, and a paced phase's slow reads are
 * explained only by what ran beside them (bench/README.md, "What else runs on the two cores").
 * <pre>
 *   java MachineCpu sample FILE   empties FILE, then about every 250 ms writes one sample: a line for each process
 *                                 that used CPU since the last, "START END KIND PID TICKS", and last a line for the
 *                                 whole machine, "START END machine busy TICKS idle TICKS steal TICKS"
 * </pre>
 * START and END are the epoch milliseconds of the previous reading and this one (a reading of /proc takes 15–170 ms
 * on a busy machine, so intervals vary); TICKS are of 1/CLK_TCK s (10 ms). A sample is written in one write and
 * ends with its machine line, so a reader takes only samples whose machine line it has. A process seen for the
 * first time counts all its ticks; the last ticks of one that ended between two readings, and all of one that lived
 * less than an interval, are in the machine's busy ticks but under no kind. Ends when the process that started it
 * does (a killed script leaves no sampler behind) and refuses a FILE another sampler writes. Bench.java reads the file
 * (CPU_SAMPLES).
 */
public class MachineCpu {

    static final long INTERVAL_MS = 250;

    /** Linux's flag of a kernel thread in /proc/PID/stat's flags (PF_KTHREAD). */
    static final long KERNEL_THREAD = 0x00200000;

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("sample")) {
            throw new IllegalArgumentException("java MachineCpu sample FILE");
        }
        sample(Path.of(args[1]));
    }

    /** One process over its life: its PID and its start time (so a PID taken again is another process). */
    record Process(long pid, long startTicks) {
    }

    static void sample(Path file) throws IOException, InterruptedException {
        ProcessHandle starter = ProcessHandle.current().parent()
                .orElseThrow(() -> new IllegalStateException("MachineCpu: no parent process to outlive"));
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = out.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("MachineCpu: another sampler writes " + file);
            }
            out.truncate(0);
            Map<Process, Long> before = ticksByProcess();
            Map<Process, String> kinds = new HashMap<>();
            long[] machineBefore = machineTicks();
            long readAt = System.currentTimeMillis();
            long next = readAt;
            while (starter.isAlive()) {
                next += INTERVAL_MS;
                Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                Map<Process, Long> after = ticksByProcess();
                long[] machineAfter = machineTicks();
                long now = System.currentTimeMillis();
                String interval = readAt + " " + now + " ";
                StringBuilder lines = new StringBuilder();
                after.forEach((process, ticks) -> {
                    long used = ticks - before.getOrDefault(process, 0L);
                    if (used > 0) {
                        lines.append(interval).append(kinds.computeIfAbsent(process, p -> kind(p.pid()))).append(' ')
                                .append(process.pid()).append(' ').append(used).append('\n');
                    }
                });
                kinds.keySet().retainAll(after.keySet());
                lines.append(interval).append("machine busy ").append(machineAfter[0] - machineBefore[0])
                        .append(" idle ").append(machineAfter[1] - machineBefore[1])
                        .append(" steal ").append(machineAfter[2] - machineBefore[2]).append('\n');
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                before.clear();
                before.putAll(after);
                machineBefore = machineAfter;
                readAt = now;
                // Behind by more than an interval (a stalled machine): start counting afresh from now.
                next = Math.max(next, now - INTERVAL_MS);
            }
        }
    }

    /** User and system ticks of every process now; one that ended while read, or cannot be read, is left out. */
    static Map<Process, Long> ticksByProcess() throws IOException {
        Map<Process, Long> ticks = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String[] f = statFields(Long.parseLong(p.getFileName().toString()));
                    ticks.put(new Process(Long.parseLong(p.getFileName().toString()), Long.parseLong(f[19])),
                            Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile, or not ours to read
                }
            });
        }
        return ticks;
    }

    /**
     * /proc/PID/stat's fields after the command's name (which may hold spaces and parentheses): [0] is the state
     * (field 3 of proc(5)), [6] the flags (9), [11] and [12] utime and stime (14, 15), [19] the start time (22).
     */
    static String[] statFields(long pid) throws IOException {
        String stat = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/stat")), StandardCharsets.ISO_8859_1);
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The machine's busy, idle (with I/O wait) and stolen ticks so far, from /proc/stat's first line. */
    static long[] machineTicks() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long user = Long.parseLong(f[1]) + Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
        return new long[] {user + system, Long.parseLong(f[4]) + Long.parseLong(f[5]), Long.parseLong(f[8])};
    }

    /**
     * A process's kind, one word: "payara", "load-generator", "sampler", "maven", PostgreSQL's by their title
     * ("postgres-backend" for a client's connection, psql's included; "postgres-autovacuum-worker",
     * "postgres-checkpointer" …), "[kernel]" for a kernel thread, "[zombie]" for one that ended unreaped, "ended"
     * for one gone before its kind was read, otherwise the name of its program.
     */
    static String kind(long pid) {
        String command;
        try {
            String[] stat = statFields(pid);
            if ((Long.parseLong(stat[6]) & KERNEL_THREAD) != 0) {
                return "[kernel]";
            }
            if (stat[0].equals("Z")) {
                return "[zombie]";
            }
            command = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException | RuntimeException gone) {
            return "ended";
        }
        String kind = kindOf(command).replaceAll("[\\s\\p{Cntrl}]", "_");
        // "machine" names the whole machine's line: a program of that name must not pass for it.
        return kind.equals("machine") ? "machine_" : kind;
    }

    static String kindOf(String command) {
        if (command.contains("payara-micro")) {
            return "payara";
        }
        if (command.contains(" MachineCpu sample ")) {
            return "sampler";
        }
        if (command.contains(" Bench ") || command.contains("bench/Bench.java")) {
            return "load-generator";
        }
        if (command.contains("org.codehaus.plexus.classworlds")) {
            return "maven";
        }
        if (command.startsWith("postgres: ")) {
            String title = command.substring("postgres: ".length());
            // With cluster_name set (Debian's "15/main"), the title starts with it and a colon.
            if (title.indexOf(' ') > 0 && title.substring(0, title.indexOf(' ')).endsWith(":")) {
                title = title.substring(title.indexOf(' ') + 1);
            }
            for (String worker : List.of("autovacuum launcher", "autovacuum worker", "checkpointer", "background writer",
                    "walwriter", "walsender", "walreceiver", "walsummarizer", "logger", "archiver", "stats collector",
                    "logical replication", "parallel worker", "startup", "io worker")) {
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
}
