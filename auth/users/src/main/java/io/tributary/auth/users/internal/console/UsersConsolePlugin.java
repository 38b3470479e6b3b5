package io.tributary.auth.users.internal.console;

import io.tributary.auth.users.internal.UserDirectory;
import io.tributary.auth.users.internal.Users;
import io.tributary.auth.users.internal.account.AuthFile;
import io.tributary.auth.users.internal.account.Refusal;
import io.tributary.auth.users.internal.account.UserChanges;
import io.tributary.auth.users.internal.account.UserName;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console tab "Users" ({@code /system/console/users}).
 * <p>
 * Felix Web Console 5 takes any {@code jakarta.servlet.Servlet} service with a
 * {@code felix.webconsole.label} as a plugin, reachable only through the console and its login.
 * For a {@code GET} of the tab the console writes its page and lets this servlet write the
 * content; a {@code POST} reaches the servlet undecorated.
 * <ul>
 * <li>{@code GET …/users}: the users and forms to change them ({@link UsersPage})</li>
 * <li>{@code POST …/users} with {@code action} = {@code add} ({@code name}, {@code password},
 *     {@code repeat}, {@code permit}: one or more per line), {@code passwd} ({@code name},
 *     {@code password}, {@code repeat}), {@code permit} ({@code name}, {@code permit}) or
 *     {@code remove} ({@code name}, {@code confirm}: the name again), and the form's
 *     {@code token}: the change through {@link UserChanges}, as {@code tributary user} makes it,
 *     then 303 back to the tab, which shows the outcome once</li>
 * </ul>
 * A POST from another origin or without this start's token is refused with 403
 * ({@link FormGuard}). Each change is logged at INFO with the console user who made it.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + UsersConsolePlugin.LABEL,
        "felix.webconsole.title=Users",
        "felix.webconsole.category=Tributary" })
public final class UsersConsolePlugin extends HttpServlet {
    static final String LABEL = "users";
    /** Framework properties set by the launcher: the configuration folder, and the runtime folder. */
    static final String ETC_PROPERTY = "tributary.etc";
    static final String HOME_PROPERTY = "tributary.home";

    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(UsersConsolePlugin.class);

    private final transient UserChanges changes;
    private final transient Supplier<Users> server;
    private final transient FormGuard guard;
    private final transient Notices notices;
    private final transient Consumer<String> audit;
    /** One change at a time: "add" checks that the name is free, then writes. */
    private final transient Object writing = new Object();

    @Activate
    public UsersConsolePlugin(BundleContext context, @Reference UserDirectory directory) {
        this(configurationFolder(context.getProperty(ETC_PROPERTY), context.getProperty(HOME_PROPERTY)),
                directory::users, new SecureRandom(), LOG::info);
    }

    /**
     * @param etc    the folder of the user files
     * @param server what the server uses now (realm and anonymous permissions, shown read-only)
     * @param random for password salts, the form token and notice ids
     * @param audit  where the line about each change goes
     */
    UsersConsolePlugin(Path etc, Supplier<Users> server, SecureRandom random, Consumer<String> audit) {
        this.changes = new UserChanges(etc, random);
        this.server = server;
        this.guard = new FormGuard(random);
        this.notices = new Notices(random);
        this.audit = audit;
    }

    /** The token of this start's forms (tests post with it when there is no page to read it from). */
    String formToken() {
        return guard.token();
    }

    /** The configuration folder: {@code tributary.etc}, else {@code etc} in {@code tributary.home}, else ./etc. */
    static Path configurationFolder(String etc, String home) {
        if (etc != null && !etc.isBlank()) {
            return Path.of(etc);
        }
        return home != null && !home.isBlank() ? Path.of(home, "etc") : Path.of("etc").toAbsolutePath();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The console has set the content type and written the page head through this writer.
        Optional<Notice> notice = notices.take(request.getParameter("notice"));
        String page;
        try {
            changes.checkFolder();
            page = UsersPage.html(new UsersPage.Form(pluginRoot(request), guard.token()), notice, changes.list(),
                    server.get(), changes.etc().resolve(AuthFile.PID + ".cfg").toString());
        } catch (Refusal e) {
            page = UsersPage.unavailable(notice, e.getMessage());
        } catch (IOException e) {
            page = UsersPage.unavailable(notice, UserChanges.describe(e));
        }
        response.getWriter().write(page);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!FormGuard.sameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Cross-origin request refused");
            return;
        }
        if (!guard.validToken(request.getParameter("token"))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN,
                    "The form is out of date (the server has restarted since): reload the Users tab");
            return;
        }
        String action = Objects.requireNonNullElse(request.getParameter("action"), "");
        Change change = switch (action) {
            case "add" -> this::add;
            case "passwd" -> this::passwd;
            case "permit" -> this::permit;
            case "remove" -> this::remove;
            default -> null;
        };
        if (change == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Expected action add, passwd, permit or remove");
            return;
        }
        String name = parameter(request, "name");
        Notice notice;
        synchronized (writing) {
            notice = make(action, name, change, request);
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", pluginRoot(request) + "?notice=" + notices.put(notice));
    }

    /** One change: done, refused (bad input, no such user) or failed (I/O), as a notice. */
    private Notice make(String action, String name, Change change, HttpServletRequest request) {
        try {
            changes.checkFolder();
            UserName.check(name);
            Done done = change.make(name, request);
            String who = Objects.requireNonNullElse(request.getRemoteUser(), "an unknown user");
            audit.accept(done.what() + " from the web console by " + who);
            return Notice.done(capitalized(done.what()) + done.detail() + ".");
        } catch (Refusal | IllegalArgumentException e) {
            return Notice.refused("Refused: " + e.getMessage());
        } catch (IOException e) {
            LOG.warn("{} of user {} from the web console failed: {}", action, name, UserChanges.describe(e));
            return Notice.refused("Failed: " + UserChanges.describe(e));
        }
    }

    /** A change of the user {@code name}. */
    @FunctionalInterface
    private interface Change {
        Done make(String name, HttpServletRequest request) throws IOException, Refusal;
    }

    /**
     * What a change did.
     *
     * @param what   for the log line and the notice, e.g. "user alice added"
     * @param detail for the notice only, e.g. " with no permissions"
     */
    private record Done(String what, String detail) {
    }

    private Done add(String name, HttpServletRequest request) throws IOException, Refusal {
        UserChanges.Pending user = changes.add(name, UserChanges.permits(lines(request)));
        user.write(password(request));
        return new Done("user " + name + " added", user.permit().isBlank() ? " with no permissions"
                : " with permissions " + quoted(user.permit()));
    }

    private Done passwd(String name, HttpServletRequest request) throws IOException, Refusal {
        changes.passwd(name).write(password(request));
        return new Done("user " + name + ": password changed", "");
    }

    private Done permit(String name, HttpServletRequest request) throws IOException, Refusal {
        String permit = changes.permit(name, UserChanges.permits(lines(request)));
        return new Done("user " + name + ": permissions set to " + quoted(permit), "");
    }

    private Done remove(String name, HttpServletRequest request) throws IOException, Refusal {
        if (!name.equals(request.getParameter("confirm"))) {
            throw new Refusal("type the user name " + name + " to confirm the removal");
        }
        changes.remove(name);
        return new Done("user " + name + " removed", "");
    }

    /** The new password, typed twice; the caller hands it to a writer, which wipes it. */
    private static char[] password(HttpServletRequest request) throws Refusal {
        // The container holds the form's strings until they are collected; the copies here are wiped.
        return UserChanges.repeated(parameter(request, "password").toCharArray(),
                parameter(request, "repeat").toCharArray());
    }

    /** The lines of the permissions field, each holding one or more comma-separated permissions. */
    private static List<String> lines(HttpServletRequest request) {
        return parameter(request, "permit").lines().toList();
    }

    private static String parameter(HttpServletRequest request, String name) {
        return Objects.requireNonNullElse(request.getParameter(name), "");
    }

    private static String quoted(String permit) {
        return permit.isBlank() ? "none" : "\"" + permit + "\"";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The tab's URL, {@code /system/console/users} with the default console path. */
    private static String pluginRoot(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath() + "/" + LABEL;
    }
}
