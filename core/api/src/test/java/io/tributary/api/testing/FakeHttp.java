package io.tributary.api.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Just enough of a servlet request and response, as the web console hands them to a plugin,
 * for testing console tabs and logins without a servlet container.
 */
public final class FakeHttp {
    private FakeHttp() {
    }

    /** A request to {@code http://127.0.0.1:8080/system/console/<pathInfo>} by console user admin. */
    public static HttpServletRequest request(String method, String pathInfo, Map<String, String> parameters,
                                      Map<String, String> headers) {
        return request(method, pathInfo, parameters, headers, "http", "127.0.0.1", 8080);
    }

    /** A request that reached the server as {@code scheme://serverName:serverPort}; unknown methods answer null. */
    public static HttpServletRequest request(String method, String pathInfo, Map<String, String> parameters,
                                      Map<String, String> headers, String scheme, String serverName, int serverPort) {
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
                    case "getScheme" -> scheme;
                    case "getServerName" -> serverName;
                    case "getServerPort" -> serverPort;
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getRemotePort" -> 50000;
                    case "isSecure" -> scheme.equals("https");
                    case "toString" -> method + " " + pathInfo;
                    default -> null;
                });
    }

    /** Records what a servlet does to its response. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public String errorMessage;
        public final Map<String, String> headers = new HashMap<>();
        private final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body, true);

        public final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(
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

        public String body() {
            writer.flush();
            return body.toString();
        }
    }
}
