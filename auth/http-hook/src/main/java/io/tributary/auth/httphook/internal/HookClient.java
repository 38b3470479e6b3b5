package io.tributary.auth.httphook.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs request bodies to the service and reads the status. Blocks the calling thread: the
 * engine calls authorizers off its event loops and bounds them itself. The whole exchange,
 * body included, is bounded by the timeout (the request timeout alone stops at the headers).
 */
final class HookClient implements AutoCloseable {
    private final HookUrl url;
    private final Duration timeout;
    private final HttpClient client;

    HookClient(HookUrl url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Asks the service about one body. */
    HookAnswer post(byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.target())
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (url.authorization() != null) {
            request.header("Authorization", url.authorization());
        }
        CompletableFuture<HttpResponse<Void>> exchange =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
        try {
            return HookAnswer.ofStatus(exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return new HookAnswer.Failed("no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new HookAnswer.Failed("interrupted while waiting for the answer");
        } catch (ExecutionException e) {
            return new HookAnswer.Failed(reason(e.getCause()));
        }
    }

    /** Why an exchange failed, in words for the log. */
    private String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return switch (cause) {
            case HttpConnectTimeoutException e -> "no connection within " + timeout.toMillis() + " ms";
            case HttpTimeoutException e -> "no answer within " + timeout.toMillis() + " ms";
            case ConnectException e -> "cannot connect" + detail(e);
            case IOException e -> "exchange failed: " + e.getClass().getSimpleName() + detail(e);
            default -> "exchange failed: " + cause;
        };
    }

    private static String detail(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")";
    }

    /** Stops the client's threads and open connections. */
    @Override
    public void close() {
        client.shutdownNow();
    }
}
