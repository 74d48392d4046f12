package dev.docannotator.http;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.NetworkChannel;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;

/**
 * The address the server really listens on, read back from Jetty's socket (not from the settings), and the URLs a
 * person can open: on a wildcard address those use {@code localhost}, since 0.0.0.0 cannot be browsed to.
 */
public record ServerAddress(InetAddress address, int port) {

    /** The first network connector's bound socket address. */
    public static ServerAddress of(Javalin javalin) {
        for (Connector connector : javalin.jettyServer().server().getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                SocketAddress bound = bound(network);
                if (bound instanceof InetSocketAddress inet) {
                    return new ServerAddress(inet.getAddress(), inet.getPort());
                }
            }
        }
        throw new IllegalStateException("The server has no open network connector");
    }

    private static SocketAddress bound(NetworkConnector connector) {
        if (connector.getTransport() instanceof NetworkChannel channel) {
            try {
                return channel.getLocalAddress();
            } catch (IOException e) {
                // fall back to what the connector was told
            }
        }
        String host = connector.getHost();
        return new InetSocketAddress(host == null ? "0.0.0.0" : host, connector.getLocalPort());
    }

    /** Listening on every interface (0.0.0.0 or ::). */
    public boolean everyInterface() {
        return address.isAnyLocalAddress();
    }

    /** "127.0.0.1:7070", "[::1]:7070", "0.0.0.0:7070". */
    public String hostAndPort() {
        return literal(address) + ":" + port;
    }

    /** Where a browser on this machine opens the annotation page. */
    public String pageUrl() {
        return "http://" + (everyInterface() ? "localhost" : literal(address)) + ":" + port + "/";
    }

    /** Where a browser on this machine opens the operator console. */
    public String consoleUrl() {
        return pageUrl() + "admin";
    }

    private static String literal(InetAddress address) {
        if (address instanceof Inet6Address && address.isAnyLocalAddress()) {
            return "[::]"; // Java spells it 0:0:0:0:0:0:0:0
        }
        if (address instanceof Inet6Address && address.isLoopbackAddress()) {
            return "[::1]";
        }
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        if (scope >= 0) {
            text = text.substring(0, scope);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
