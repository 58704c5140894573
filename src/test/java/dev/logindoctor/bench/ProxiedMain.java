package dev.logindoctor.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * {@code ProxiedMain <main class> [args…]}: runs another program's main with every plain-HTTP
 * request sent through {@link LatencyProxy} on the port named by {@code -Dbench.proxyPort} (when
 * set), loopback included. The handful of classes this loads are the same for every benchmark case,
 * the trivial handler's included.
 */
public final class ProxiedMain {
    static final String PROXY_PORT = "bench.proxyPort";

    private ProxiedMain() {
    }

    public static void main(String[] args) throws Throwable {
        String port = System.getProperty(PROXY_PORT);
        if (port != null) {
            route(Integer.parseInt(port));
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void route(int port) {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port));
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return "http".equalsIgnoreCase(uri.getScheme()) ? List.of(proxy) : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the proxy is on loopback; a failure shows in the benchmark's checked output
            }
        });
    }
}
