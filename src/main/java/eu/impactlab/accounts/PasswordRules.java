package eu.impactlab.accounts;

import org.springframework.validation.Errors;

/** One rule for every new password: long enough, not absurdly long, typed the same twice. */
final class PasswordRules {

    static final int MAX_LENGTH = 200;

    private PasswordRules() {
    }

    static void check(String password, String repeat, String field, String repeatField, Errors errors) {
        if (password == null || password.length() < AccountService.MIN_PASSWORD_LENGTH) {
            errors.rejectValue(field, "account.error.passwordShort");
        } else if (password.length() > MAX_LENGTH) {
            errors.rejectValue(field, "account.error.passwordLong");
        } else if (!password.equals(repeat)) {
            errors.rejectValue(repeatField, "account.error.passwordRepeat");
        }
    }
}
