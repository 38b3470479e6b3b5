package io.tributary.auth.users.internal.account;

/**
 * The rule for user names: 1 to 64 characters of {@code A-Z a-z 0-9 . _ @ -}. Names become
 * file names ({@code io.tributary.user-<name>.cfg}) and Config Admin aliases, so nothing
 * else is allowed: no separators, no spaces, nothing a shell or FileInstall would read.
 */
public final class UserName {
    public static final int MAX_LENGTH = 64;

    private UserName() {
    }

    /**
     * Returns the name when it follows the rule.
     *
     * @throws IllegalArgumentException saying what a name may hold
     */
    public static String check(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || !name.chars().allMatch(UserName::allowed)) {
            throw new IllegalArgumentException("bad user name \"" + printable(name) + "\": use 1 to " + MAX_LENGTH
                    + " characters of A-Z a-z 0-9 . _ @ -");
        }
        return name;
    }

    private static boolean allowed(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '.' || c == '_' || c == '@' || c == '-';
    }

    private static String printable(String name) {
        if (name == null) {
            return "";
        }
        String shown = name.length() > MAX_LENGTH + 16 ? name.substring(0, MAX_LENGTH + 16) + "..." : name;
        return shown.chars().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
