package io.recoup.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The plain Kubernetes manifests: every document parses, the probes ask the actuator groups the app serves, the grace
 * period outlasts the app's own shutdown, secrets stay out of the ConfigMap, and the instances share one post-back
 * folder.
 */
class KubernetesManifestsTest {
    private static final Path MANIFESTS = Path.of("src/main/resources/recoup/kubernetes/recoup.yaml");
    private static final List<Map<String, Object>> DOCUMENTS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        try (Reader in = Files.newBufferedReader(MANIFESTS)) {
            new Yaml().loadAll(in).forEach(d -> DOCUMENTS.add((Map<String, Object>) d));
        }
    }

    @Test
    void everyDocumentParsesAndNamesItsKind() {
        assertThat(DOCUMENTS).extracting(d -> d.get("kind"))
                .containsExactly("ConfigMap", "Secret", "Deployment", "PersistentVolumeClaim", "Service", "PodDisruptionBudget");
    }

    @Test
    void theProbesAskTheActuatorsLivenessAndReadinessGroups() {
        Map<String, Object> container = container();
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((List<?>) container.get("args")).first().isEqualTo("serve");
    }

    @Test
    void thePodIsGivenMoreTimeToStopThanTheAppsGracefulShutdownTakes() {
        Map<String, Object> pod = at(kind("Deployment"), "spec", "template", "spec");
        // server.shutdown graceful waits 30 s for requests, then the routes get 30 s to finish or release their work
        assertThat((Integer) pod.get("terminationGracePeriodSeconds")).isGreaterThan(60);
    }

    @Test
    void noSecretSitsInTheConfigMapAndEverySecretIsAnEnvironmentNameSpringBinds() {
        String config = at(kind("ConfigMap"), "data", "application.yaml");
        assertThat(config.toLowerCase()).doesNotContain("password", "secret", "token");
        Map<String, Object> secrets = at(kind("Secret"), "stringData");
        assertThat(secrets.keySet()).allSatisfy(name -> assertThat(name).matches("RECOUP_[A-Z_]+"));
    }

    @Test
    void everyInstanceWritesItsPostBackIntoTheOneSharedFolder() {
        Map<String, Object> recoup = at(new Yaml().load((String) at(kind("ConfigMap"), "data", "application.yaml")), "recoup");
        assertThat((String) at(recoup, "ledger", "payments")).startsWith("/var/lib/recoup/shared/");
        assertThat((String) at(recoup, "statements", "inbox")).startsWith("/var/lib/recoup/shared/");
        assertThat(container().get("volumeMounts").toString()).contains("mountPath=/var/lib/recoup/shared");
        assertThat((List<Object>) at(kind("PersistentVolumeClaim"), "spec", "accessModes")).containsExactly("ReadWriteMany");
    }

    private static Map<String, Object> container() {
        List<Map<String, Object>> containers = at(kind("Deployment"), "spec", "template", "spec", "containers");
        return containers.get(0);
    }

    private static Map<String, Object> kind(String kind) {
        return DOCUMENTS.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> document, String... path) {
        Object node = document;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (T) node;
    }
}
