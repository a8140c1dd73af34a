/**
 * Accounts: owns the staff accounts (tables {@code account}, {@code account_lab}, {@code password_token},
 * {@code account_sso}), their roles and the labs each person acts for, login with throttling, staff single sign-on
 * through an OpenID Connect provider ({@link eu.impactlab.accounts.SingleSignOn}, which the web module's security
 * configuration applies), and one-time password links. Citizens never have an account. Its one service is
 * {@link eu.impactlab.accounts.AccountService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package eu.impactlab.accounts;
