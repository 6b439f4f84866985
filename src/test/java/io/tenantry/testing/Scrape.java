package io.tenantry.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of {@code /metrics}, read as Prometheus text: samples by name and labels. */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
    }

    /** The metrics of {@code server}, read with the tests' METRICS_TOKEN on its public host. */
    public static Scrape of(Tenantry server) {
        return new Scrape(textOf(server));
    }

    /** The Prometheus text of {@code server}'s metrics, comments ({@code # HELP}, {@code # TYPE}) included. */
    public static String textOf(Tenantry server) {
        Tenantry.Reply reply = server.anonymous().bearer(Tenantry.METRICS_TOKEN).get(server.hostOf("public"), "/metrics");
        if (reply.status() != 200) {
            throw new AssertionError("Could not read the metrics: " + reply);
        }
        return reply.body();
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (name, value,
     * name, value…); 0 when there is none.
     */
    public double value(String name, String... labels) {
        return samples.stream().filter(sample -> sample.name().equals(name) && has(sample, labels))
                .mapToDouble(Sample::value).sum();
    }

    /** Whether any sample is named {@code name} with these labels. */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && has(sample, labels));
    }

    /** Every value the label {@code label} takes among the samples named {@code name}. */
    public Set<String> values(String name, String label) {
        Set<String> values = new TreeSet<>();
        samples.stream().filter(sample -> sample.name().equals(name) && sample.labels().containsKey(label))
                .forEach(sample -> values.add(sample.labels().get(label)));
        return values;
    }

    private static boolean has(Sample sample, String... labels) {
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The metrics of {@code server} once {@code wanted} holds, read every 500 ms for at most 60 s
     * (an instance counts some events just after it answers); fails saying {@code what} otherwise.
     */
    public static Scrape await(Tenantry server, Predicate<Scrape> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Scrape scrape = of(server);
        while (!wanted.test(scrape) && System.nanoTime() < deadline) {
            Thread.sleep(500);
            scrape = of(server);
        }
        if (!wanted.test(scrape)) {
            throw new AssertionError(what);
        }
        return scrape;
    }
}
