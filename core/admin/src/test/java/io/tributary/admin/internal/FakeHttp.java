package io.tributary.admin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a servlet request and response, as the web console hands them to a plugin. */
final class FakeHttp {
    private FakeHttp() {
    }

    /** A request to {@code /system/console/<pathInfo>}; unknown methods answer {@code null}. */
    static HttpServletRequest request(String method, String pathInfo, Map<String, String> parameters,
                                      Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/system/console";
                    case "getPathInfo" -> pathInfo;
                    case "getRequestURI" -> "/system/console" + pathInfo;
                    case "getParameter" -> parameters.get((String) args[0]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "getRemoteUser" -> "admin";
                    case "getProtocol" -> "HTTP/1.1";
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getRemotePort" -> 50000;
                    case "isSecure" -> false;
                    case "toString" -> method + " " + pathInfo;
                    default -> null;
                });
    }

    /** Records what a servlet does to its response. */
    static final class Response {
        int status = 200;
        String contentType;
        String errorMessage;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body, true);

        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
                FakeHttp.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status = (Integer) args[0];
                        case "sendError" -> {
                            status = (Integer) args[0];
                            errorMessage = args.length > 1 ? (String) args[1] : null;
                        }
                        case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> contentType = (String) args[0];
                        case "getWriter" -> {
                            return writer;
                        }
                        case "getStatus" -> {
                            return status;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        case "toString" -> {
                            return "response";
                        }
                        default -> {
                        }
                    }
                    return null;
                });

        String body() {
            writer.flush();
            return body.toString();
        }
    }
}
