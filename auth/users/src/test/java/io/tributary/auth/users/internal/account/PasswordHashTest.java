package io.tributary.auth.users.internal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void aHashVerifiesItsPasswordAndNoOther() {
        PasswordHash hash = PasswordHash.create("Circle of Life".toCharArray(), RANDOM);

        assertTrue(hash.verify("Circle of Life".toCharArray()));
        assertFalse(hash.verify("circle of life".toCharArray()));
        assertFalse(hash.verify("Circle of Life ".toCharArray()));
        assertFalse(hash.verify(new char[0]));
    }

    @Test
    void theStoredFormCarriesTheParametersAndReadsBack() {
        PasswordHash hash = PasswordHash.create("pässwörd".toCharArray(), RANDOM);
        String stored = hash.toString();

        String[] parts = stored.split(":");
        assertEquals("pbkdf2-sha512", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
        PasswordHash read = PasswordHash.parse(stored);
        assertEquals(hash, read);
        assertTrue(read.verify("pässwörd".toCharArray()));
    }

    @Test
    void saltsDifferSoEqualPasswordsHashDifferently() {
        assertNotEquals(PasswordHash.create("same".toCharArray(), RANDOM),
                PasswordHash.create("same".toCharArray(), RANDOM));
    }

    @Test
    void isTheJdksPbkdf2WithHmacSha512OverUtf8() throws Exception {
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        PBEKeySpec spec = new PBEKeySpec("pässwörd".toCharArray(), salt, 1000, 256);
        byte[] expected = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        PasswordHash stored = PasswordHash.parse("pbkdf2-sha512:1000:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(expected));

        assertTrue(stored.verify("pässwörd".toCharArray()));
        assertFalse(stored.verify("passwort".toCharArray()));
    }

    @Test
    void refusesMalformedHashesWithoutRepeatingThem() {
        String salt = Base64.getEncoder().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().encodeToString(new byte[32]);
        assertEquals("not of the form pbkdf2-sha512:<iterations>:<salt>:<hash>",
                assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("secret")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("bcrypt:1:" + salt + ":" + hash));
        assertEquals("the iteration count is not a number", assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha512:-5:" + salt + ":" + hash)).getMessage());
        assertEquals("iterations must be 1 to 10000000", assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha512:999999999:" + salt + ":" + hash)).getMessage());
        assertEquals("the salt is not base64", assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha512:1000:s@lt!:" + hash)).getMessage());
        assertEquals("the hash must have 16 to 64 bytes", assertThrows(IllegalArgumentException.class,
                () -> PasswordHash.parse("pbkdf2-sha512:1000:" + salt + ":AAAA")).getMessage());
    }

    @FuzzTest(maxDuration = "30s")
    void anyTextReadsAsAHashOrFailsWithIllegalArgument(@NotNull String text) {
        PasswordHash hash;
        try {
            hash = PasswordHash.parse(text);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertEquals(hash, PasswordHash.parse(hash.toString()));
    }
}
