package eu.impactlab.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.validation.Errors;

/**
 * One rule for every new password (NIST SP 800-63B): at least 12 characters, not absurdly long, not the user name, not
 * a common password (the shipped list, also with digits or signs around it, or repeated), typed the same twice. No
 * forced periodic change and no composition rules: length and rarity are what protect.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;
    static final String COMMON_LIST = "accounts/common-passwords.txt";
    private static final String SEQUENCES = "12345678901234567890 09876543210987654321 qwertzuiopasdfghjklyxcvbnm "
            + "qwertyuiopasdfghjklzxcvbnm abcdefghijklmnopqrstuvwxyz";

    private PasswordRules() {
    }

    static void check(String password, String repeat, String username, String field, String repeatField, Errors errors) {
        if (password == null || password.length() < MIN_LENGTH) {
            errors.rejectValue(field, "account.error.passwordShort");
        } else if (password.length() > MAX_LENGTH) {
            errors.rejectValue(field, "account.error.passwordLong");
        } else if (username != null && Usernames.normalise(password.strip()).equals(Usernames.normalise(username))) {
            errors.rejectValue(field, "password.error.username");
        } else if (common(password)) {
            errors.rejectValue(field, "password.error.common");
        } else if (!password.equals(repeat)) {
            errors.rejectValue(repeatField, "account.error.passwordRepeat");
        }
    }

    /** On the list as it is, with digits or signs before or after it, or as one entry or character repeated. */
    static boolean common(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        String core = lower.replaceAll("^[\\d\\W_]+", "").replaceAll("[\\d\\W_]+$", "");
        if (List.COMMON.contains(lower) || List.COMMON.contains(core) || SEQUENCES.contains(lower)) {
            return true;
        }
        for (int size = 1; size <= lower.length() / 2; size++) {
            String unit = lower.substring(0, size);
            if (lower.length() % size == 0 && unit.repeat(lower.length() / size).equals(lower)
                    && (size < 4 || List.COMMON.contains(unit))) {
                return true;
            }
        }
        return false;
    }

    /** Read once, on first use. */
    private static final class List {
        static final Set<String> COMMON = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>();
            try (var in = PasswordRules.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
                if (in == null) {
                    throw new IllegalStateException(COMMON_LIST + " is missing");
                }
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                        .filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .forEach(line -> words.add(line.strip().toLowerCase(Locale.ROOT)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(words);
        }
    }
}
