package dev.logindoctor.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The first HTTP request of a fresh JVM on each of the JDK's two clients: one JSON POST to a loopback
 * server, timed from building the client to the body read. Run once per JVM (bench/run.sh starts a
 * fresh one per measurement, with Lambda's flags): this is what a cold start pays for the client.
 * Usage: {@code FirstHttpRequestBench httpclient|urlconnection}; prints the milliseconds.
 */
public final class FirstHttpRequestBench {
    private FirstHttpRequestBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        long start = System.nanoTime();
        String answer = args[0].equals("httpclient") ? httpClient(uri) : urlConnection(uri);
        double ms = (System.nanoTime() - start) / 1e6;
        server.stop(0);
        if (!answer.contains("ok")) {
            throw new IllegalStateException("unexpected answer " + answer);
        }
        System.out.printf("%.1f%n", ms);
        System.exit(0);
    }

    private static String httpClient(URI uri) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get().body();
    }

    private static String urlConnection(URI uri) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        connection.getResponseCode();
        return new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
