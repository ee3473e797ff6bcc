package dev.prescreen.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookUrlPolicyTest {

    /** Names resolved from a table, as DNS would (a name may resolve to a private address: DNS rebinding). */
    private static final Map<String, String> DNS = Map.of(
            "hooks.acme.example", "93.184.216.34",
            "internal.acme.example", "10.0.3.7",
            "metadata.example", "169.254.169.254",
            "cgnat.example", "100.64.0.9",
            "v6.acme.example", "2606:2800:220:1:248:1893:25c8:1946",
            "ula.example", "fd12:3456:789a::1",
            "localhost", "127.0.0.1");

    private static WebhookUrlPolicy policy(boolean local) {
        return new WebhookUrlPolicy(local, host -> {
            String address = DNS.get(host);
            if (address == null && !host.matches("[0-9.:\\[\\]a-f]+")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address != null ? address : host));
        });
    }

    @Test
    void inAwsOnlyHttpsToPublicAddressesIsAllowed() {
        WebhookUrlPolicy aws = policy(false);
        assertThat(aws.problem("https://hooks.acme.example/prescreen")).isEmpty();
        assertThat(aws.problem("https://v6.acme.example/x")).isEmpty();
        assertThat(aws.problem("http://hooks.acme.example/prescreen")).contains("must use https");
        for (String url : List.of("https://internal.acme.example/", "https://metadata.example/latest/meta-data",
                "https://169.254.169.254/", "https://127.0.0.1:8443/", "https://[::1]/", "https://cgnat.example/",
                "https://ula.example/", "https://0.0.0.0/", "https://localhost/")) {
            assertThat(aws.problem(url)).as(url).contains("resolves to a private, loopback or link-local address");
        }
        assertThat(aws.problem("http://localhost:9000/hook")).as("no plain http to loopback in AWS")
                .contains("must use https");
    }

    @Test
    void malformedUrlsNameTheirProblem() {
        WebhookUrlPolicy aws = policy(false);
        assertThat(aws.problem(null)).contains("is required");
        assertThat(aws.problem("not a url")).isPresent();
        assertThat(aws.problem("/relative/path")).contains("must be an absolute URL with a host, without credentials or fragment");
        assertThat(aws.problem("https://user:pw@hooks.acme.example/")).isPresent();
        assertThat(aws.problem("https://nowhere.invalid/")).contains("names a host that does not resolve");
        assertThat(aws.problem("https://hooks.acme.example/" + "a".repeat(WebhookUrlPolicy.MAX_URL_LENGTH))).isPresent();
    }

    @Test
    void locallyPlainHttpToLoopbackMayBeAllowed() {
        WebhookUrlPolicy local = policy(true);
        assertThat(local.problem("http://127.0.0.1:18080/hook")).isEmpty();
        assertThat(local.problem("http://localhost:18080/hook")).isEmpty();
        assertThat(local.problem("http://hooks.acme.example/hook")).as("plain http elsewhere, still not")
                .contains("must use https");
    }
}
