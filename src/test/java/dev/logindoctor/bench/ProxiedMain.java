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
    /** Comma-separated ports whose loopback servers are reached through the proxy (the sim, moto); others go direct. */
    static final String PROXIED_PORTS = "bench.proxiedPorts";

    private ProxiedMain() {
    }

    public static void main(String[] args) throws Throwable {
        String port = System.getProperty(PROXY_PORT);
        if (port != null) {
            route(Integer.parseInt(port), System.getProperty(PROXIED_PORTS, ""));
        }
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        try {
            Class.forName(args[0]).getMethod("main", String[].class).invoke(null, (Object) rest);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static void route(int port) {
        route(port, "");
    }

    /**
     * @param proxiedPorts when not empty, only these ports go through the proxy: a handler's own
     *                     loopback stand-in during init priming is not the network being measured
     */
    static void route(int port, String proxiedPorts) {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port));
        java.util.Set<Integer> only = new java.util.HashSet<>();
        for (String p : proxiedPorts.split(",")) {
            if (!p.isBlank()) {
                only.add(Integer.parseInt(p.strip()));
            }
        }
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                boolean measured = only.isEmpty() || only.contains(uri.getPort());
                return "http".equalsIgnoreCase(uri.getScheme()) && measured ? List.of(proxy) : List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException e) {
                // the proxy is on loopback; a failure shows in the benchmark's checked output
            }
        });
    }
}
