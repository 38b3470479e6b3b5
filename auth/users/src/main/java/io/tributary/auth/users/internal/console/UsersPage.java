package io.tributary.auth.users.internal.console;

import io.tributary.auth.users.internal.Users;
import io.tributary.auth.users.internal.account.StoredUser;
import io.tributary.auth.users.internal.account.UserChanges;
import io.tributary.auth.users.internal.account.UserName;
import io.tributary.auth.users.internal.permit.Permit;
import io.tributary.auth.users.internal.permit.PermitParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.owasp.encoder.Encode;

/**
 * The body of the tab "Users": the outcome of the last change, a table of the users with
 * their permissions and forms to change them, a form to add a user, and the settings shared
 * by all users (read-only here). The console writes the page around it (head, menu, footer).
 *
 * <p>Every value is escaped with {@link #escape(String)}: user files may be edited by hand, so
 * a name or a permission may hold anything. Hashes are never shown, and no form is filled
 * with a password.
 */
final class UsersPage {
    private UsersPage() {
    }

    /**
     * Where the forms post, and the token they carry.
     *
     * @param action the tab's URL
     * @param token  the {@link FormGuard} token
     */
    record Form(String action, String token) {
    }

    /**
     * Renders the page.
     *
     * @param notice   the outcome of the change that redirected here, if any
     * @param listing  the users' files
     * @param server   what the server uses now (realm, anonymous permissions)
     * @param authFile where the shared settings are changed, for the hint
     */
    static String html(Form form, Optional<Notice> notice, UserChanges.Listing listing, Users server,
                       String authFile) {
        StringBuilder out = new StringBuilder(8192);
        int count = listing.users().size();
        String status = count + (count == 1 ? " user." : " users.") + " Changes reach the server within about a"
                + " second. The console lets in users with the permission admin:/**: keep at least one.";
        notice.ifPresentOrElse(shown -> notice(out, shown), () -> statline(out, status, ""));
        for (IOException unreadable : listing.unreadable()) {
            statline(out, "Unreadable user file: " + UserChanges.describe(unreadable), " ui-state-error");
        }

        out.append("<table class=\"nicetable\"><thead>\n<tr><th colspan=\"4\">Users</th></tr>\n")
                .append("<tr><th>Name</th><th>Permissions</th><th>Notes</th><th>Change</th></tr>\n</thead><tbody>\n");
        if (listing.users().isEmpty()) {
            out.append("<tr><td colspan=\"4\">No users.</td></tr>\n");
        }
        for (StoredUser user : listing.users()) {
            out.append("<tr><td>").append(escape(user.name())).append("</td><td>");
            permissions(out, user.permit());
            out.append("</td><td>").append(escape(String.join(" ", notes(user, server.realm())))).append("</td><td>");
            if (validName(user.name())) {
                changeForms(out, form, user);
            } else {
                out.append("Fix or delete its file by hand.");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n<br/>\n");

        addForm(out, form);
        out.append("<br/>\n");
        settings(out, server, authFile);
        return out.toString();
    }

    /** What the tab shows when the users cannot be listed at all. */
    static String unavailable(Optional<Notice> notice, String reason) {
        StringBuilder out = new StringBuilder();
        notice.ifPresent(shown -> notice(out, shown));
        statline(out, "The users cannot be listed: " + reason, " ui-state-error");
        return out.toString();
    }

    private static void notice(StringBuilder out, Notice notice) {
        statline(out, notice.text(), notice.refused() ? " ui-state-error" : " ui-state-highlight");
    }

    /** The entries of a stored permission text as written, one per line, ignored ones marked. */
    private static void permissions(StringBuilder out, String permit) {
        List<String> entries = entries(permit);
        if (entries.isEmpty()) {
            out.append("none");
        }
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            out.append(i == 0 ? "" : "<br/>").append(escape(entry));
            try {
                PermitParser.parse(entry);
            } catch (IllegalArgumentException bad) {
                out.append(" <em>(ignored by the server: ").append(escape(bad.getMessage())).append(")</em>");
            }
        }
    }

    /** What the operator should know about a user's file: what the server ignores or cannot use. */
    private static List<String> notes(StoredUser user, String realm) {
        List<String> notes = new ArrayList<>();
        if (!validName(user.name())) {
            notes.add("Not a valid user name: the server ignores this user.");
        }
        if (user.password().isEmpty()) {
            notes.add("No password: logins are off for this user.");
        } else if (!user.digestRealm().equals(realm)) {
            notes.add("Digest logins need a new password (the Digest hashes are for realm \"" + user.digestRealm()
                    + "\", not \"" + realm + "\").");
        }
        return notes;
    }

    private static boolean validName(String name) {
        try {
            UserName.check(name);
            return true;
        } catch (IllegalArgumentException bad) {
            return false;
        }
    }

    /** Set a password, replace the permissions, remove: folded away until opened. */
    private static void changeForms(StringBuilder out, Form form, StoredUser user) {
        String name = escape(user.name());
        out.append("<details><summary>Change ").append(name).append("</summary>\n");

        open(out, form, "passwd").append(hidden("name", user.name()))
                .append("<p>New password<br/>").append(password("password"))
                .append("<br/>Repeat it<br/>").append(password("repeat"))
                .append("<br/><input type=\"submit\" value=\"Set password\"/></p></div></form>\n");

        open(out, form, "permit").append(hidden("name", user.name()))
                .append("<p>Permissions, one per line (empty: none)<br/>")
                .append("<textarea name=\"permit\" rows=\"4\" cols=\"60\" spellcheck=\"false\">")
                .append(escape(String.join("\n", entries(user.permit())))).append("</textarea>")
                .append("<br/><input type=\"submit\" value=\"Replace permissions\"/></p></div></form>\n");

        open(out, form, "remove").append(hidden("name", user.name()))
                .append("<p>Type the name to confirm: <input type=\"text\" name=\"confirm\" autocomplete=\"off\"")
                .append(" required=\"required\" placeholder=\"").append(name).append("\"/>")
                .append(" <input type=\"submit\" value=\"Remove ").append(name).append("\"/></p></div></form>\n");
        out.append("</details>");
    }

    private static void addForm(StringBuilder out, Form form) {
        out.append("<table class=\"nicetable\"><thead>\n<tr><th colspan=\"2\">Add a user</th></tr>\n</thead><tbody>\n");
        out.append("<tr><td colspan=\"2\">");
        open(out, form, "add").append("<table>")
                .append("<tr><td>Name</td><td><input type=\"text\" name=\"name\" maxlength=\"")
                .append(UserName.MAX_LENGTH).append("\" autocomplete=\"off\" required=\"required\"/>")
                .append(" 1 to ").append(UserName.MAX_LENGTH).append(" characters of A-Z a-z 0-9 . _ @ -</td></tr>")
                .append("<tr><td>Password</td><td>").append(password("password")).append("</td></tr>")
                .append("<tr><td>Repeat it</td><td>").append(password("repeat")).append("</td></tr>")
                .append("<tr><td>Permissions</td><td>")
                .append("<textarea name=\"permit\" rows=\"4\" cols=\"60\" spellcheck=\"false\"></textarea><br/>")
                .append(escape("One per line: <read|publish|admin>:<path pattern>[ tls][ from <address range> ...]; in"
                        + " patterns * is one path segment and ** any number, e.g. read:/cams/** or"
                        + " publish:/cams/alice from 10.0.0.0/8 ::1"))
                .append("</td></tr>")
                .append("<tr><td></td><td><input type=\"submit\" value=\"Add user\"/></td></tr>")
                .append("</table></div></form>");
        out.append("</td></tr>\n</tbody></table>\n");
    }

    private static void settings(StringBuilder out, Users server, String authFile) {
        out.append("<table class=\"nicetable\"><thead>\n<tr><th colspan=\"2\">Settings of all users</th></tr>\n")
                .append("</thead><tbody>\n");
        out.append("<tr><td>Realm</td><td>").append(escape(server.realm())).append("</td></tr>\n");
        out.append("<tr><td>Without login (anonymous)</td><td>");
        if (server.anonymous().isEmpty()) {
            out.append("nothing: clients log in for everything");
        }
        for (int i = 0; i < server.anonymous().size(); i++) {
            Permit permit = server.anonymous().get(i);
            out.append(i == 0 ? "" : "<br/>").append(escape(permit.toString()));
        }
        out.append("</td></tr>\n");
        out.append("<tr><td colspan=\"2\">").append(escape("Read-only here: change them in " + authFile
                        + " (properties realm and anonymous) or on the Configuration tab (\"Tributary authentication\")."
                        + " After changing the realm, set each password again for Digest logins."))
                .append("</td></tr>\n</tbody></table>\n");
    }

    /** A form posting {@code action}, with the token; the caller closes it with {@code </div></form>}. */
    private static StringBuilder open(StringBuilder out, Form form, String action) {
        return out.append("<form method=\"post\" action=\"").append(escape(form.action()))
                .append("\"><div>").append(hidden("action", action)).append(hidden("token", form.token()));
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\"/>";
    }

    private static String password(String name) {
        return "<input type=\"password\" name=\"" + name + "\" autocomplete=\"new-password\" required=\"required\"/>";
    }

    /** The comma-separated entries of a permission text, stripped; none for a blank text. */
    static List<String> entries(String permit) {
        List<String> entries = new ArrayList<>();
        for (String entry : permit.split(",", -1)) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }

    private static void statline(StringBuilder out, String text, String cssClass) {
        out.append("<p class=\"statline").append(cssClass).append("\">").append(escape(text)).append("</p>\n");
    }

    /**
     * Escapes text for HTML element content and quoted attribute values (OWASP's encoder), and
     * also {@code $} and {@code \}: the console passes the page through a filter that replaces
     * {@code ${key}} (and would swallow the rest of the page after an unclosed {@code ${}) and
     * drops the backslash of {@code \$}.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return Encode.forHtml(text).replace("$", "&#36;").replace("\\", "&#92;");
    }
}
