package dev.tubebatch.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Lets the PostgreSQL JDBC driver connect over a Unix-domain socket, which it cannot do by itself: its
 * {@code socketFactory} setting names this class and {@code socketFactoryArg} the socket's folder; the port in the
 * JDBC URL picks the socket file there ({@code .s.PGSQL.<port>}), as libpq does with a folder as host. Used only while an older database learns
 * its password: the socket then lies in a folder no other user may enter. Public because the driver creates it by
 * reflection.
 */
public final class UnixSocketFactory extends SocketFactory {

    private final Path folder;

    public UnixSocketFactory(String folder) {
        this.folder = Path.of(folder);
    }

    static Path socketFile(Path folder, int port) {
        return folder.resolve(".s.PGSQL." + port);
    }

    @Override
    public Socket createSocket() {
        return new UnixSocket(folder);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(port);
    }

    private Socket connected(int port) throws IOException {
        UnixSocket socket = new UnixSocket(folder);
        socket.connect(InetSocketAddress.createUnresolved("localhost", port), 0);
        return socket;
    }

    /**
     * A {@link Socket} over a Unix-domain channel: of the driver's address only the port counts, and the TCP options it
     * sets (no delay, keep-alive, buffer sizes) have no meaning here. Reads block without a timeout, which is
     * enough for the few statements sent this way.
     */
    private static final class UnixSocket extends Socket {

        private final Path folder;
        private @Nullable SocketChannel channel;
        private int soTimeout;

        UnixSocket(Path folder) {
            this.folder = folder;
        }

        @Override
        public void connect(SocketAddress address, int timeout) throws IOException {
            if (!(address instanceof InetSocketAddress inet)) {
                throw new IOException("expected a host and port, got " + address);
            }
            SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                opened.connect(UnixDomainSocketAddress.of(socketFile(folder, inet.getPort())));
            } catch (IOException e) {
                opened.close();
                throw e;
            }
            channel = opened;
        }

        @Override
        public void connect(SocketAddress address) throws IOException {
            connect(address, 0);
        }

        @Override
        public void bind(@Nullable SocketAddress ignored) {}

        @Override
        public InputStream getInputStream() throws IOException {
            return Channels.newInputStream(open());
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            return Channels.newOutputStream(open());
        }

        private SocketChannel open() throws IOException {
            SocketChannel current = channel;
            if (current == null || !current.isOpen()) {
                throw new IOException("not connected to a socket in " + folder);
            }
            return current;
        }

        @Override
        public boolean isConnected() {
            SocketChannel current = channel;
            return current != null && current.isConnected();
        }

        @Override
        public boolean isClosed() {
            SocketChannel current = channel;
            return current != null && !current.isOpen();
        }

        @Override
        public synchronized void close() throws IOException {
            SocketChannel current = channel;
            if (current != null) {
                current.close();
            }
        }

        @Override
        public synchronized void setSoTimeout(int timeout) {
            soTimeout = timeout;
        }

        @Override
        public synchronized int getSoTimeout() {
            return soTimeout;
        }

        @Override
        public void setTcpNoDelay(boolean on) {}

        @Override
        public boolean getTcpNoDelay() {
            return true;
        }

        @Override
        public void setKeepAlive(boolean on) {}

        @Override
        public boolean getKeepAlive() {
            return false;
        }

        @Override
        public synchronized void setSendBufferSize(int size) {}

        @Override
        public synchronized int getSendBufferSize() {
            return 8192;
        }

        @Override
        public synchronized void setReceiveBufferSize(int size) {}

        @Override
        public synchronized int getReceiveBufferSize() {
            return 8192;
        }
    }
}
