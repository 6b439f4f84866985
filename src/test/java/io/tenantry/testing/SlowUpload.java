package io.tenantry.testing;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An upload whose body trickles in, chunk after chunk, so that a test can act while the server
 * is still reading it: {@link #awaitStarted()} returns once the server has taken a few chunks, and
 * {@link #hurry()} sends the rest at once when the test has done what it needed the upload in
 * flight for (so a test waits for its own steps, not for the whole trickle).
 */
public final class SlowUpload {

    private static final int CHUNK = 16 * 1024;

    private final AtomicInteger sent = new AtomicInteger();
    private volatile boolean hurried;
    private final CompletableFuture<Integer> status;
    /** The answer's body once it came; empty when the connection broke. */
    private final CompletableFuture<String> body;

    /**
     * Starts a POST of {@code chunks} chunks of 16 KiB, one every {@code pause}, to the path on the
     * host, as the given client; the future gives the status, or -1 when the connection broke.
     */
    public SlowUpload(Tenantry client, String host, String path, int chunks, Duration pause) {
        this(client, host, "POST", path, "text/plain", "", 'x', "", chunks, pause);
    }

    /** A body of {@code chunks} chunks of filler bytes, sent as {@code contentType}; the future gives the status. */
    public static SlowUpload typed(Tenantry client, String host, String path, String contentType, int chunks,
            Duration pause) {
        return new SlowUpload(client, host, "POST", path, contentType, "", 'x', "", chunks, pause);
    }

    /** As {@link #typed(Tenantry, String, String, String, int, Duration)}, with another method (PUT). */
    public static SlowUpload typed(Tenantry client, String host, String method, String path, String contentType,
            int chunks, Duration pause) {
        return new SlowUpload(client, host, method, path, contentType, "", 'x', "", chunks, pause);
    }

    /**
     * A JSON body that trickles in: {@code json} without its last character, then {@code chunks}
     * chunks of spaces (which JSON allows), then that character; the future gives the status.
     */
    public static SlowUpload json(Tenantry client, String host, String path, String json, int chunks, Duration pause) {
        return json(client, host, "POST", path, json, chunks, pause);
    }

    /** As {@link #json(Tenantry, String, String, String, int, Duration)}, with another method (PUT). */
    public static SlowUpload json(Tenantry client, String host, String method, String path, String json, int chunks,
            Duration pause) {
        return new SlowUpload(client, host, method, path, "application/json", json.substring(0, json.length() - 1), ' ',
                json.substring(json.length() - 1), chunks, pause);
    }

    private SlowUpload(Tenantry client, String host, String method, String path, String contentType, String head, char filler,
            String tail, int chunks, Duration pause) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.server() + path)).header("Host", host)
                .header("Authorization", client.authorizationHeader()).header("Content-Type", contentType)
                .header("Accept", "application/json").timeout(Duration.ofMinutes(2))
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections
                        .enumeration(java.util.List.of(new java.io.ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                                new Trickle(chunks, pause, (byte) filler),
                                new java.io.ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))))))
                .build();
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        status = answer.thenApply(HttpResponse::statusCode).exceptionally(broken -> -1);
        body = answer.thenApply(HttpResponse::body).exceptionally(broken -> "");
    }

    /** Waits until three chunks are sent, so the server is inside the upload. */
    public SlowUpload awaitStarted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent.get() < 3 && System.nanoTime() < deadline && !status.isDone()) {
            Thread.sleep(50);
        }
        if (sent.get() < 3) {
            throw new AssertionError("The upload did not start: " + status.getNow(0));
        }
        return this;
    }

    public CompletableFuture<Integer> status() {
        return status;
    }

    /** The answer's body, once it came (empty when the connection broke). */
    public CompletableFuture<String> body() {
        return body;
    }

    /** Sends the chunks still to come without pauses; gives the status, as {@link #status()}. */
    public CompletableFuture<Integer> hurry() {
        hurried = true;
        return status;
    }

    private final class Trickle extends InputStream {

        private final int chunks;
        private final Duration pause;
        private int left = CHUNK;
        private int chunk;

        private final byte filler;

        Trickle(int chunks, Duration pause, byte filler) {
            this.chunks = chunks;
            this.pause = pause;
            this.filler = filler;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                if (++chunk >= chunks) {
                    return -1;
                }
                sleep();
                left = CHUNK;
            }
            int n = Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, filler);
            left -= n;
            if (left == 0) {
                sent.incrementAndGet();
            }
            return n;
        }

        private void sleep() {
            if (hurried) {
                return;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
