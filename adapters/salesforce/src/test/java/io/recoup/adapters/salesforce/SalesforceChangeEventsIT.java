package io.recoup.adapters.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.recoup.core.port.ChangeNotifications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Change Data Capture over the Streaming API against a WireMock org: Bayeux handshake, subscribe with the replay
 * extension and long-polling connects, shaped as Salesforce answers them, with dropped connections, a refused replay
 * id, a forgotten client and a refused token.
 */
class SalesforceChangeEventsIT {
    private static final String COMETD = "/cometd/62.0";
    private static final String CHANNEL = "/data/blng__Invoice__ChangeEvent";
    /**
     * A server of its own per test: a closed subscription's last connect may still be on the wire, and a shared server
     * reset for the next test would answer it from that test's first scripted connect, which its own subscriber then
     * never gets.
     */
    private final SalesforceOrg org = new SalesforceOrg();
    private final Replays replays = new Replays();
    private final AtomicInteger changes = new AtomicInteger();
    private final List<ChangeNotifications.Subscription> subscriptions = new ArrayList<>();

    @BeforeEach
    void start() {
        org.tokenIs("token-1");
        org.server.stubFor(bayeux("/meta/handshake").willReturn(replies("""
                {"channel":"/meta/handshake","clientId":"client-1","successful":true,"version":"1.0",
                 "supportedConnectionTypes":["long-polling"],"advice":{"interval":0,"timeout":110000,"reconnect":"retry"},
                 "ext":{"replay":true}}""")));
        org.server.stubFor(bayeux("/meta/subscribe").willReturn(subscribed()));
    }

    @AfterEach
    void closeSubscriptions() {
        subscriptions.forEach(ChangeNotifications.Subscription::close);
        org.close();
    }

    @Test
    void changeEventsOfOneConnectAskForOneSyncAndTheirLastReplayIdIsSaved() {
        connects(events(11, 12));

        subscribe();

        await(() -> changes.get() == 1 && replays.saved(12));
        List<LoggedRequest> subscribes = requests("/meta/subscribe");
        assertThat(subscribes).hasSize(1);
        assertThat(subscribes.get(0).getBodyAsString()).contains("\"replay\":{\"" + CHANNEL + "\":-1}")
                .contains("\"subscription\":\"" + CHANNEL + "\"");
        assertThat(subscribes.get(0).getHeader("Authorization")).isEqualTo("Bearer token-1");
        assertThat(requests("/meta/connect")).allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"clientId\":\"client-1\""));
        assertThat(changes).hasValue(1);
    }

    @Test
    void aRestartResumesAfterTheLastEventRead() {
        connects(events(41));
        subscribe();
        await(() -> replays.saved(41) && changes.get() == 1);
        subscriptions.remove(0).close();

        subscribe();

        await(() -> requests("/meta/subscribe").size() == 2);
        assertThat(requests("/meta/subscribe").get(1).getBodyAsString()).contains("\"replay\":{\"" + CHANNEL + "\":41}");
    }

    @Test
    void aDroppedConnectionHandshakesAgainFromTheSavedReplayIdAndGoesOn() {
        replays.save("sf-test", CHANNEL, 7);
        connects(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), events(8));

        subscribe();

        await(() -> changes.get() == 1 && replays.saved(8));
        assertThat(requests("/meta/handshake")).hasSize(2);
        assertThat(requests("/meta/subscribe")).allSatisfy(r ->
                assertThat(r.getBodyAsString()).contains("\"replay\":{\"" + CHANNEL + "\":7}"));
    }

    @Test
    void aRefusedReplayIdSubscribesToNewEventsOnlyAndAsksForOneSync() {
        replays.save("sf-test", CHANNEL, 99);
        org.server.stubFor(bayeux("/meta/subscribe").withRequestBody(containing("\"" + CHANNEL + "\":99")).willReturn(replies("""
                {"clientId":"client-1","channel":"/meta/subscribe","subscription":"%s","id":"2","successful":false,
                 "error":"400::The replayId {99} you provided was invalid.  Please provide a valid ID, -2 to replay all events, or -1 to replay only new events."}"""
                .formatted(CHANNEL))));
        connects(events());

        subscribe();

        await(() -> changes.get() == 1 && requests("/meta/connect").size() >= 2);
        assertThat(requests("/meta/subscribe")).extracting(LoggedRequest::getBodyAsString)
                .satisfiesExactly(first -> assertThat(first).contains("\"" + CHANNEL + "\":99"),
                        second -> assertThat(second).contains("\"" + CHANNEL + "\":-1"));
        assertThat(changes).hasValue(1);
    }

    @Test
    void aClientSalesforceForgotStartsOverFromNewEventsAndAsksForOneSync() {
        connects(events(21), replies("""
                {"channel":"/meta/connect","successful":false,"error":"403::Unknown client","advice":{"reconnect":"handshake"}}"""),
                events());

        subscribe();

        await(() -> changes.get() == 2 && requests("/meta/subscribe").size() == 2);
        assertThat(requests("/meta/subscribe").get(1).getBodyAsString()).contains("\"" + CHANNEL + "\":-1");
        assertThat(requests("/meta/handshake")).hasSize(2);
    }

    @Test
    void aRefusedTokenIsReplacedBeforeTheNextHandshake() {
        org.server.stubFor(post(urlEqualTo("/services/oauth2/token")).inScenario("token").whenScenarioStateIs(STARTED)
                .willReturn(okJson(org.token("token-1"))).willSetStateTo("renewed"));
        org.server.stubFor(post(urlEqualTo("/services/oauth2/token")).inScenario("token").whenScenarioStateIs("renewed")
                .willReturn(okJson(org.token("token-2"))));
        org.server.stubFor(bayeux("/meta/handshake").withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(aResponse().withStatus(401).withBody("[{\"error\":\"401::Authentication invalid\"}]")));
        connects(events(5));

        subscribe();

        await(() -> changes.get() == 1);
        assertThat(requests("/meta/handshake")).extracting(r -> r.getHeader("Authorization"))
                .containsExactly("Bearer token-1", "Bearer token-2");
    }

    private void subscribe() {
        ChangeNotifications feed = (ChangeNotifications) new SalesforceConnector().feed(org.settings(Map.of()));
        subscriptions.add(feed.subscribe(replays, changes::incrementAndGet));
    }

    private static MappingBuilder bayeux(String channel) {
        return post(urlEqualTo(COMETD)).withRequestBody(matchingJsonPath("$[0].channel", equalTo(channel)));
    }

    /** The connects answer these in turn, then stay idle (a short hold without events, as a long poll ends). */
    private void connects(ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            org.server.stubFor(bayeux("/meta/connect").inScenario("connects").whenScenarioStateIs(i == 0 ? STARTED : "c" + i)
                    .willReturn(answers[i]).willSetStateTo("c" + (i + 1)));
        }
        org.server.stubFor(bayeux("/meta/connect").inScenario("connects").whenScenarioStateIs("c" + answers.length)
                .willReturn(events().withFixedDelay(50)));
    }

    /** A successful connect bringing change events with these replay ids. */
    private static ResponseDefinitionBuilder events(long... replayIds) {
        String events = LongStream.of(replayIds).mapToObj(id -> """
                {"channel":"%s","data":{"schema":"IeRuaY6cbI_HsV8Rv1Mc5g","event":{"replayId":%d},
                 "payload":{"ChangeEventHeader":{"entityName":"blng__Invoice__c","recordIds":["a0Bxx000000000%dAAA"],
                 "changeType":"UPDATE","changedFields":["blng__Balance__c"],"commitTimestamp":1764600000000,
                 "transactionKey":"0002-%d","sequenceNumber":1},"blng__Balance__c":0.0}}},"""
                .formatted(CHANNEL, id, id, id)).collect(Collectors.joining());
        return replies(events + """
                {"channel":"/meta/connect","clientId":"client-1","successful":true,"advice":{"interval":0,"timeout":110000,"reconnect":"retry"}}""");
    }

    private static ResponseDefinitionBuilder subscribed() {
        return replies("""
                {"clientId":"client-1","channel":"/meta/subscribe","subscription":"%s","successful":true}""".formatted(CHANNEL));
    }

    private static ResponseDefinitionBuilder replies(String messages) {
        return okJson("[" + messages + "]");
    }

    private List<LoggedRequest> requests(String channel) {
        return org.server.findAll(postRequestedFor(urlEqualTo(COMETD))
                .withRequestBody(matchingJsonPath("$[0].channel", equalTo(channel))));
    }

    /** Polls {@code condition} until it holds, for at most 30 s (room for a loaded machine). */
    private static void await(BooleanSupplier condition) {
        long until = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Replay ids in memory, as the application keeps them in PostgreSQL. */
    private static final class Replays implements ChangeNotifications.ReplayStore {
        private final Map<String, Long> ids = new ConcurrentHashMap<>();

        @Override
        public OptionalLong replayId(String source, String channel) {
            Long id = ids.get(source + " " + channel);
            return id == null ? OptionalLong.empty() : OptionalLong.of(id);
        }

        @Override
        public void save(String source, String channel, long replayId) {
            ids.put(source + " " + channel, replayId);
        }

        boolean saved(long replayId) {
            return replayId("sf-test", CHANNEL).orElse(0) == replayId;
        }
    }
}
