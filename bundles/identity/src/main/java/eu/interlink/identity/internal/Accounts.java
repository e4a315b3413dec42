package eu.interlink.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import eu.interlink.identity.IdentityException;
import eu.interlink.kernel.service.SettingException;

/** The rules for names, e-mail addresses and passwords, shared by sign-up and configuration. */
final class Accounts {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    /** Pseudonyms of erased accounts start so; no account may, so that a pseudonym never names a person. */
    static final String ERASED = "erased-";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private Accounts() {
    }

    static String nameProblem(String name) {
        if (name == null || !NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
            return "A name is 2 to 32 letters a-z, digits, '.', '_' or '-', starting with a letter or digit";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("anonymous") || lower.startsWith(ERASED)) return "The name '" + lower + "' is reserved";
        return null;
    }

    static String emailProblem(String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) return "An e-mail address such as ana@example.org is required";
        return null;
    }

    static void checkName(String key, String name) {
        String p = nameProblem(name);
        if (p != null) throw new SettingException(key, key + ": " + p);
    }

    static void checkEmail(String key, String email) {
        String p = emailProblem(email);
        if (p != null) throw new SettingException(key, key + ": " + p);
    }

    static String name(String field, String name) {
        String p = nameProblem(name);
        if (p != null) throw IdentityException.invalid(field, p);
        return name.toLowerCase(Locale.ROOT);
    }

    static String email(String field, String email) {
        String p = emailProblem(email == null ? null : email.trim());
        if (p != null) throw IdentityException.invalid(field, p);
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** The password policy: a minimum length, a maximum (Argon2 input stays bounded), and not the name itself. */
    static void password(String field, String password, String name, int minLength) {
        if (password == null || password.length() < minLength) {
            throw IdentityException.invalid(field, "A password has at least " + minLength + " characters");
        }
        if (password.length() > 256) throw IdentityException.invalid(field, "A password has at most 256 characters");
        if (name != null && password.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            throw IdentityException.invalid(field, "A password must not contain the account's name");
        }
    }
}
