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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that speaks enough of RFC 5321 for a real client: EHLO/HELO, MAIL FROM, RCPT TO, DATA
 * (dot-unstuffed), RSET, NOOP, QUIT, with real reply codes. Each accepted message is kept; a test may script the
 * replies to the next messages' end of DATA ({@link #answerNext}) to make a try fail temporarily (451) or for good
 * (554). Made with a user name and password, it requires SMTP AUTH (RFC 4954) before MAIL FROM: EHLO advertises
 * {@code AUTH PLAIN LOGIN}, right credentials get 235, wrong ones 535, MAIL without AUTH 530. One connection at a
 * time, on a daemon thread.
 */
public final class FakeSmtp implements AutoCloseable {

    /**
     * A message as the server took it: the envelope, the user the connection authenticated as ("" without AUTH) and
     * the raw data (headers and body, CRLF line ends).
     */
    public record Received(String from, List<String> to, String user, String data) {}

    /** One AUTH exchange: the mechanism, the user name given and whether the server took the credentials. */
    public record Login(String mechanism, String user, boolean accepted) {}

    private static final int MAX_LINES = 100_000;

    private final ServerSocket server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Login> logins = new CopyOnWriteArrayList<>();
    private final Queue<String> scriptedReplies = new ConcurrentLinkedQueue<>();
    private final String user;
    private volatile String password;

    /** A server that takes mail without AUTH (and does not offer it). */
    public FakeSmtp() {
        this("", "");
    }

    /** A server that takes mail only after AUTH PLAIN or LOGIN with this user and password. */
    public FakeSmtp(String user, String password) {
        this.user = user;
        this.password = password;
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

    /** The AUTH exchanges so far, in order (the passwords given are not kept). */
    public List<Login> logins() {
        return logins;
    }

    /** From now on the server takes this password only (as after the password was changed on the server). */
    public void changePassword(String newPassword) {
        password = newPassword;
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
        String authenticated = "";
        boolean authRequired = !user.isEmpty();
        for (int n = 0; n < MAX_LINES; n++) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4)
                    .toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO" -> reply(out, "250-localhost greets you\r\n250-8BITMIME\r\n"
                        + (authRequired ? "250-AUTH PLAIN LOGIN\r\n" : "") + "250 SIZE 10485760");
                case "HELO" -> reply(out, "250 localhost");
                case "AUTH" -> {
                    if (!authRequired) {
                        reply(out, "502 5.5.1 AUTH not offered");
                    } else if (!authenticated.isEmpty()) {
                        reply(out, "503 5.5.1 Already authenticated");
                    } else {
                        authenticated = authenticate(line, in, out);
                    }
                }
                case "MAIL" -> {
                    if (authRequired && authenticated.isEmpty()) {
                        reply(out, "530 5.7.0 Authentication required");
                        continue;
                    }
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
                        received.add(new Received(from, List.copyOf(to), authenticated, data));
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

    /**
     * One AUTH exchange ({@code AUTH PLAIN [initial]} or {@code AUTH LOGIN [initial]}, then 334 challenges); the user
     * it authenticated, or "" when it failed.
     */
    private String authenticate(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] words = line.strip().split(" +");
        String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        String initial = words.length > 2 ? words[2] : null;
        String givenUser;
        String givenPassword;
        try {
            switch (mechanism) {
                case "PLAIN" -> {
                    String[] parts = decode(initial != null ? initial : challenge(in, out, "")).split("\0", -1);
                    if (parts.length != 3) {
                        reply(out, "501 5.5.2 Malformed AUTH PLAIN response");
                        return "";
                    }
                    givenUser = parts[1];
                    givenPassword = parts[2];
                }
                case "LOGIN" -> {
                    givenUser = decode(initial != null ? initial : challenge(in, out, "VXNlcm5hbWU6"));
                    givenPassword = decode(challenge(in, out, "UGFzc3dvcmQ6"));
                }
                default -> {
                    reply(out, "504 5.5.4 Unrecognized authentication type");
                    return "";
                }
            }
        } catch (Cancelled e) {
            reply(out, "501 5.0.0 Authentication cancelled");
            return "";
        } catch (IllegalArgumentException e) {
            reply(out, "501 5.5.2 Cannot decode the response");
            return "";
        }
        boolean accepted = givenUser.equals(user) && givenPassword.equals(password);
        logins.add(new Login(mechanism, givenUser, accepted));
        reply(out, accepted ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
        return accepted ? givenUser : "";
    }

    private static final class Cancelled extends IOException {}

    /** Sends a 334 challenge and reads the client's answer ({@code *} cancels). */
    private static String challenge(BufferedReader in, OutputStream out, String challenge) throws IOException {
        reply(out, "334 " + challenge);
        String answer = in.readLine();
        if (answer == null || answer.strip().equals("*")) {
            throw new Cancelled();
        }
        return answer.strip();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
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
