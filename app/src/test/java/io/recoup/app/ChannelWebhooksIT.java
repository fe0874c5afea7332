package io.recoup.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.recoup.adapters.twilio.TwilioSignature;
import io.recoup.store.TemporaryFolders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Twilio's and WhatsApp's callbacks against the running application: signed reports reach their notice once however
 * often they come, an undelivered one fails the notice for the fallback; forged or unsigned ones are refused with
 * 403 and the database stays as it was; a STOP reply opts the customer out of WhatsApp.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"recoup.watch-folders=false", "recoup.schedule.enabled=false", "recoup.admin.password=s3cret-for-tests",
                "recoup.channels.public-url=https://recoup.example/", "recoup.channels.twilio.account-sid=AC123",
                "recoup.channels.twilio.auth-token=" + ChannelWebhooksIT.TOKEN, "recoup.channels.twilio.from=+15017122661",
                "recoup.channels.twilio.connect-to=+49301234567", "recoup.channels.whatsapp.phone-number-id=1055",
                "recoup.channels.whatsapp.access-token=token-1", "recoup.channels.whatsapp.app-secret=" + ChannelWebhooksIT.APP_SECRET,
                "recoup.channels.whatsapp.verify-token=verify-1"})
class ChannelWebhooksIT {
    static final String TOKEN = "twilio-token-for-tests";
    static final String APP_SECRET = "whatsapp-secret-for-tests";
    private static final Path HOME = TemporaryFolders.create("recoup-channel-webhooks-it");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("recoup.home", HOME::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private long notice;

    /** One SMS notice sent as SM1 and one WhatsApp notice sent as wamid.A, to a customer with a phone number. */
    @BeforeEach
    void sentNotices() {
        jdbc.update("delete from delivery_event");
        jdbc.update("delete from opt_out");
        long customer = jdbc.queryForObject("""
                insert into customer (source, external_id, name, phone, language, time_zone, segment, updated_at)
                values ('test', 'W' || nextval('customer_id_seq'), 'Jane Doe', '+49 151 1234 5678', 'de', 'Europe/Berlin', 'default', now())
                returning id""", Long.class);
        notice = sentNotice(customer, "SMS", "SM1");
        sentNotice(customer, "WHATSAPP", "wamid.A");
    }

    private long sentNotice(long customer, String channel, String providerId) {
        long id = jdbc.queryForObject("""
                insert into notice (customer_id, channel, template, lead_step, planned_on, send_after, policy_id, policy_version,
                    reason, facts, status, created_at)
                values (?, ?, 'reminder-due', 'due-email', current_date, now(), 'default', '2', 'test', '{}', 'SENT', now())
                returning id""", Long.class, customer, channel);
        jdbc.update("insert into delivery_event (notice_id, channel, provider_message_id, kind, occurred_at, received_at) "
                + "values (?, ?, ?, 'SENT', now(), now())", id, channel, providerId);
        return id;
    }

    private ResponseEntity<String> twilio(String path, Map<String, String> form, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            headers.set("X-Twilio-Signature", signature);
        }
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, String> undelivered() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM1");
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "30003");
        form.put("AccountSid", "AC123");
        form.put("To", "+4915112345678");
        return form;
    }

    private List<String> state() {
        return jdbc.queryForList("select n.channel || ' ' || n.status || ' ' || coalesce(n.outcome, '') || ' / ' || "
                + "(select string_agg(e.kind || ' ' || e.provider_message_id, ', ' order by e.id) from delivery_event e where e.notice_id = n.id) "
                + "from notice n where n.id >= ? order by n.id", String.class, notice);
    }

    @Test
    void aSignedUndeliveredSmsReportFailsItsNoticeOnceHoweverOftenItComes() {
        String signature = new TwilioSignature(TOKEN).sign("https://recoup.example/webhooks/twilio", undelivered());

        assertThat(twilio("/webhooks/twilio", undelivered(), signature).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(twilio("/webhooks/twilio", undelivered(), signature).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(state()).containsExactly(
                "SMS FAILED the sms provider reported it failed: undelivered (twilio error 30003) / SENT SM1, FAILED SM1",
                "WHATSAPP SENT  / SENT wamid.A");
    }

    @Test
    void aForgedOrUnsignedTwilioCallbackIsRefusedAndChangesNothing() {
        List<String> before = state();
        Map<String, String> forged = undelivered();
        String signedForOther = new TwilioSignature("not-our-token").sign("https://recoup.example/webhooks/twilio", forged);
        String signedOtherUrl = new TwilioSignature(TOKEN).sign("https://evil.example/webhooks/twilio", forged);

        assertThat(twilio("/webhooks/twilio", forged, signedForOther).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(twilio("/webhooks/twilio", forged, signedOtherUrl).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(twilio("/webhooks/twilio", forged, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(twilio("/webhooks/twilio-connect", Map.of("Digits", "1"), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aPressedOneIsConnectedToTheConfiguredNumber() {
        Map<String, String> form = Map.of("CallSid", "CA1", "Digits", "1");
        String signature = new TwilioSignature(TOKEN).sign("https://recoup.example/webhooks/twilio-connect?lang=de", form);

        ResponseEntity<String> answer = twilio("/webhooks/twilio-connect?lang=de", form, signature);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo("<Response><Dial>+49301234567</Dial></Response>");
    }

    @Test
    void whatsAppAnswersTheHandshakeOnlyWithOurVerifyToken() {
        assertThat(http.getForEntity("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-1&hub.challenge=1158201444",
                String.class).getBody()).isEqualTo("1158201444");
        assertThat(http.getForEntity("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aSignedWhatsAppDeliveryStoresReadAndRecordsAStopAsAnOptOutWhileAForgedOneChangesNothing() {
        String body = """
                {"object": "whatsapp_business_account", "entry": [{"id": "1", "changes": [{"field": "messages", "value": {
                  "messaging_product": "whatsapp", "metadata": {"phone_number_id": "1055"},
                  "statuses": [{"id": "wamid.A", "status": "read", "timestamp": "1773133260", "recipient_id": "4915112345678"}],
                  "messages": [{"from": "4915112345678", "id": "wamid.R", "timestamp": "1773133300", "type": "text", "text": {"body": "STOP"}}]}}]}]}""";
        List<String> before = state();

        assertThat(whatsApp(body, "sha256=" + "0".repeat(64)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(whatsApp(body, null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(state()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from opt_out", Integer.class)).isZero();

        assertThat(whatsApp(body, sign(body)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(whatsApp(body, sign(body)).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(state()).containsExactly("SMS SENT  / SENT SM1", "WHATSAPP SENT  / SENT wamid.A, READ wamid.A");
        assertThat(jdbc.queryForList("select channel from opt_out", String.class)).containsExactly("WHATSAPP");
    }

    private ResponseEntity<String> whatsApp(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set("X-Hub-Signature-256", signature);
        }
        return http.postForEntity("/webhooks/whatsapp", new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
