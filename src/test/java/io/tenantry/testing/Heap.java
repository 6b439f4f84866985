package io.tenantry.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of another Java process, read with the JDK's {@code jcmd} after a full collection: what
 * the process still holds, not what it happened to allocate last.
 */
public final class Heap {

    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private Heap() {
    }

    /** The heap in use after a full collection, in bytes. */
    public static long usedAfterGc(long pid) {
        jcmd(pid, "GC.run");
        Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new AssertionError("jcmd GC.heap_info said nothing of the heap in use");
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(long pid, String command) {
        try {
            Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd", Long.toString(pid), command)
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new AssertionError("jcmd " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("Could not run jcmd", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
