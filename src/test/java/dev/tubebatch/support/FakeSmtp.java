package dev.tubebatch.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that speaks enough of RFC 5321 for a real client: EHLO/HELO, MAIL FROM, RCPT TO, DATA
 * (dot-unstuffed), RSET, NOOP, QUIT, with real reply codes. Each accepted message is kept; a test may script the
 * replies to the next messages' end of DATA ({@link #answerNext}) to make a try fail temporarily (451) or for good
 * (554). One connection at a time, on a daemon thread.
 */
public final class FakeSmtp implements AutoCloseable {

    /** A message as the server took it: the envelope and the raw data (headers and body, CRLF line ends). */
    public record Received(String from, List<String> to, String data) {}

    private static final int MAX_LINES = 100_000;

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<String> scriptedReplies = new ConcurrentLinkedQueue<>();

    public FakeSmtp() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("fake-smtp").start(this::serve);
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Received> received() {
        return received;
    }

    /** The messages received for this address. */
    public List<Received> receivedFor(String address) {
        return received.stream().filter(r -> r.to().contains(address)).toList();
    }

    /** The reply (such as {@code 451 4.3.0 Try again later}) to the end of DATA of the next message not answered. */
    public void answerNext(String reply) {
        scriptedReplies.add(reply);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(30_000);
                converse(socket);
            } catch (SocketException e) {
                // closed: the loop ends
            } catch (IOException e) {
                // one broken connection; the next is served
            }
        }
    }

    private void converse(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        reply(out, "220 localhost fake SMTP ready");
        String from = "";
        List<String> to = new ArrayList<>();
        for (int n = 0; n < MAX_LINES; n++) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4)
                    .toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-localhost greets you\r\n250-8BITMIME\r\n250 SIZE 10485760");
                case "HELO" -> reply(out, "250 localhost");
                case "MAIL" -> {
                    from = address(line);
                    to = new ArrayList<>();
                    reply(out, "250 2.1.0 OK");
                }
                case "RCPT" -> {
                    to.add(address(line));
                    reply(out, "250 2.1.5 OK");
                }
                case "DATA" -> {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    String data = data(in);
                    String scripted = scriptedReplies.poll();
                    if (scripted == null) {
                        received.add(new Received(from, List.copyOf(to), data));
                        reply(out, "250 2.0.0 OK queued");
                    } else {
                        reply(out, scripted);
                    }
                }
                case "RSET" -> {
                    from = "";
                    to = new ArrayList<>();
                    reply(out, "250 2.0.0 OK");
                }
                case "NOOP" -> reply(out, "250 2.0.0 OK");
                case "QUIT" -> {
                    reply(out, "221 2.0.0 Bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 Command not recognized");
            }
        }
    }

    private static String data(BufferedReader in) throws IOException {
        StringBuilder data = new StringBuilder();
        for (int n = 0; n < MAX_LINES; n++) {
            String line = in.readLine();
            if (line == null || line.equals(".")) {
                break;
            }
            data.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
        }
        return data.toString();
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : "";
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
