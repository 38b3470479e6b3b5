package io.tributary.admin.internal;

import io.tributary.api.runtime.TributaryRuntime;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console tab "RTSP" ({@code /system/console/rtsp}).
 * <p>
 * Felix Web Console 5 takes any {@code jakarta.servlet.Servlet} service with a
 * {@code felix.webconsole.label} as a plugin; it is not registered with the HTTP whiteboard, so
 * it is reachable only through the console and its authentication. For a {@code GET} of a URL
 * without an extension the console writes its page (head, menu, footer) and lets this servlet
 * write the content in between; {@code GET …/rtsp.json} and {@code POST} reach the servlet
 * undecorated.
 * <ul>
 * <li>{@code GET …/rtsp}: tables of open paths and sessions, a Kick button per session</li>
 * <li>{@code GET …/rtsp.json}: the same data as JSON</li>
 * <li>{@code POST …/rtsp} with {@code action=kick&id=…}: ends the session, then 303 back to the tab</li>
 * </ul>
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + RtspConsolePlugin.LABEL,
        "felix.webconsole.title=RTSP",
        "felix.webconsole.category=Tributary" })
public final class RtspConsolePlugin extends HttpServlet {
    static final String LABEL = "rtsp";

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RtspConsolePlugin.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile TributaryRuntime runtime;

    public RtspConsolePlugin() {
    }

    RtspConsolePlugin(TributaryRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TributaryRuntime engine = runtime;
        if (request.getRequestURI().endsWith(".json")) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            if (engine == null) {
                response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                response.getWriter().write(RuntimeJson.notRunning());
            } else {
                response.getWriter().write(RuntimeJson.of(RuntimeView.of(engine)));
            }
            return;
        }
        // The console has set the content type and written the page head through this writer.
        if (engine == null) {
            response.getWriter().write(RuntimePage.notRunning());
        } else {
            response.getWriter().write(RuntimePage.html(RuntimeView.of(engine), notice(request), pluginRoot(request)));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-origin request refused");
            return;
        }
        String id = request.getParameter("id");
        if (!"kick".equals(request.getParameter("action")) || id == null || id.isBlank()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Expected action=kick and id");
            return;
        }
        TributaryRuntime engine = runtime;
        if (engine == null) {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Engine not running");
            return;
        }
        boolean ended = engine.kick(id);
        if (ended) {
            LOG.info("Session {}… kicked from the web console by {}", id.substring(0, Math.min(8, id.length())),
                    request.getRemoteUser());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pluginRoot(request) + (ended ? "?kicked=" : "?unknown=")
                + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** The tab's URL, {@code /system/console/rtsp} with the default console path. */
    private static String pluginRoot(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }

    /** The outcome of the Kick that redirected here, for the status line. */
    private static String notice(HttpServletRequest request) {
        String kicked = request.getParameter("kicked");
        if (kicked != null) {
            return "Session " + kicked + " ended.";
        }
        String unknown = request.getParameter("unknown");
        return unknown == null ? null : "No session " + unknown + " (it had already ended).";
    }

    /**
     * Refuses a browser's cross-site form post: the console uses HTTP Basic, which the browser
     * would send along. Browsers always send {@code Origin} with a POST; clients without it
     * (curl, scripts) are not browsers and pass.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
