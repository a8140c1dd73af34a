package eu.impactlab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import eu.impactlab.AbstractIntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A user name has one normal form: the throttle and the account lookup cannot be told apart by a Unicode variant. */
class UnicodeUsernameTest extends AbstractIntegrationTest {

    private static final String PASSWORD = "richtiges Passwort";

    @Autowired
    AccountService accounts;

    @Test
    void afterFiveFailuresAVariantWithADottedCapitalIDoesNotGetIn() throws Exception {
        givenAccount("unicode.admin");
        for (int i = 0; i < LoginThrottle.USER_FAILURES; i++) {
            assertThat(login("unicode.admin", "falsch " + i)).endsWith("/login?error");
        }
        assertThat(login("unicode.admin", PASSWORD)).endsWith("/login?throttled");
        // U+0130, LATIN CAPITAL LETTER I WITH DOT ABOVE: PostgreSQL's lower() used to fold it to a plain i.
        // refused (throttled or unknown), wherever a successful login would land
        assertThat(login("unicode.adm\u0130n", PASSWORD)).contains("/login?");
        assertThat(login("UNICODE.ADM\u0130N", PASSWORD)).contains("/login?");
    }

    @Test
    void namesAreStoredAndFoundInTheirNormalForm() throws Exception {
        AccountView account = givenAccount("Norm.Form");
        assertThat(account.username()).isEqualTo("norm.form");
        // Fullwidth letters are the same name under NFKC.
        assertThat(accounts.byUsername("\uFF2E\uFF4F\uFF52\uFF4D.Form")).map(AccountView::id).contains(account.id());
        assertThat(login(" NORM.FORM ", PASSWORD)).as("a funder lands on the dashboard").endsWith("/impact");
        assertThat(Usernames.normalise("adm\u0130n")).isNotEqualTo("admin");
    }

    private AccountView givenAccount(String username) {
        AccountView account = accounts.create(username, "Unicode", null, Role.FUNDER, Set.of());
        String link = accounts.issuePasswordLink(account.id());
        accounts.setPasswordWithToken(link.substring(link.lastIndexOf('/') + 1), PASSWORD);
        return account;
    }

    /** A fresh browser each time, so one login's session does not carry over to the next. */
    private String login(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
