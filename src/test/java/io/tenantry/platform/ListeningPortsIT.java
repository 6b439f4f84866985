package io.tenantry.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.tenantry.testing.PayaraOnly;
import io.tenantry.testing.PayaraProcess;
import io.tenantry.testing.SharedServer;
import io.tenantry.testing.TestServers;

/**
 * Payara Micro started as docs/deploy.md says ({@code --nohazelcast}) listens on its HTTP port and on
 * nothing else: with {@code --nocluster} it still opened Hazelcast's data grid (690x) on every
 * interface, where anyone on the network could join it. Read from Linux's {@code /proc}: the
 * process's sockets, and those of them the kernel lists as listening.
 */
@PayaraOnly("reads the ports of a Payara Micro process the tests started (TestServers.options)")
class ListeningPortsIT {

    @RegisterExtension
    static final SharedServer OPTIONS = TestServers.options();

    @Test
    void theServerListensOnItsHttpPortAlone() throws IOException {
        PayaraProcess server = OPTIONS.process();
        assertEquals(Set.of(server.url().getPort()), listeningPorts(server.pid()));
    }

    /** The TCP ports the process listens on, IPv4 and IPv6. */
    private static Set<Integer> listeningPorts(long pid) throws IOException {
        Set<String> sockets;
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            sockets = descriptors.map(ListeningPortsIT::target).filter(t -> t.startsWith("socket:["))
                    .map(t -> t.substring("socket:[".length(), t.length() - 1)).collect(Collectors.toSet());
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                String[] fields = row.trim().split("\\s+");
                boolean listening = fields[3].equals("0A");
                if (listening && sockets.contains(fields[9])) {
                    String local = fields[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException gone) {
            return ""; // closed meanwhile
        }
    }
}
