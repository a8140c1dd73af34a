/**
 * Accounts: owns the staff accounts (tables {@code account}, {@code account_lab}, {@code password_token}), their roles
 * and the labs each person acts for, login with throttling, and one-time password links. Citizens never have an
 * account. Its one service is {@link eu.impactlab.accounts.AccountService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package eu.impactlab.accounts;
