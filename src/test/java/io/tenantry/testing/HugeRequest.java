package io.tenantry.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A request with a body far larger than memory, made up as it is sent (a head, any number of
 * filler bytes, a tail), over a plain socket: it stops sending as soon as the server has answered
 * or closed the connection, as a client of a refused upload would, and gives the answer.
 */
public final class HugeRequest {

    private static final int CHUNK = 64 * 1024;

    /** The body: {@code head}, then {@code fillerBytes} copies of {@code filler}, then {@code tail}. */
    public record Body(byte[] head, long fillerBytes, byte filler, byte[] tail) {

        public static Body of(byte[] bytes) {
            return new Body(bytes, 0, (byte) 0, new byte[0]);
        }

        public long length() {
            return head.length + fillerBytes + tail.length;
        }
    }

    /** The answer, and how many bytes of the body were sent before the server answered or closed. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {
    }

    private final URI server;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public HugeRequest(URI server, String host) {
        this.server = server;
        headers.put("Host", host);
    }

    public HugeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends with a declared {@code Content-Length}. */
    public Answer send(String method, String path, Body body) {
        return send(method, path, body, false);
    }

    /** Sends in chunks, declaring no length. */
    public Answer sendChunked(String method, String path, Body body) {
        return send(method, path, body, true);
    }

    private Answer send(String method, String path, Body body, boolean chunked) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n");
            head.append("Connection: close\r\n\r\n");
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket));
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            long sent = write(out, body, chunked, answer);
            Answer got = answer.get(120, TimeUnit.SECONDS);
            return new Answer(got.status(), got.headers(), got.body(), sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("No answer to " + method + " " + path, e);
        }
    }

    /** Writes until the body is sent, the server answered, or it closed the connection; the bytes sent. */
    private static long write(OutputStream out, Body body, boolean chunked, CompletableFuture<Answer> answer) {
        long sent = 0;
        try {
            sent += piece(out, body.head(), body.head().length, chunked);
            byte[] filler = new byte[CHUNK];
            Arrays.fill(filler, body.filler());
            for (long left = body.fillerBytes(); left > 0 && !answer.isDone(); left -= CHUNK) {
                sent += piece(out, filler, (int) Math.min(CHUNK, left), chunked);
            }
            if (!answer.isDone()) {
                sent += piece(out, body.tail(), body.tail().length, chunked);
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.flush();
            }
        } catch (IOException closedByServer) {
            // The server answered and closed: the rest is not sent, as a browser stops.
        }
        return sent;
    }

    private static int piece(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        return length;
    }

    private static Answer read(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new AssertionError("The server closed the connection without an answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] pair = lines[i].split(":", 2);
                headers.put(pair[0].strip().toLowerCase(Locale.ROOT), pair.length > 1 ? pair[1].strip() : "");
            }
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a whole answer with a declared length has come (otherwise it ends when the server closes). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return text.length() - end - 4 >= Long.parseLong(line.substring(15).strip());
            }
        }
        return false;
    }
}
