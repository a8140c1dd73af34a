package eu.impactlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The compose file and the Kubernetes manifests in deploy/ carry the settings an operator relies on. */
class DeployFilesTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    @Test
    void kubernetesDeploymentRunsSeveralNonRootInstancesWithProbesAndLimits() throws IOException {
        Map<String, Object> deployment = single("Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        assertThat((Integer) spec.get("replicas")).isGreaterThanOrEqualTo(2);

        Map<String, Object> pod = map(map(spec, "template"), "spec");
        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertThat(podSecurity.get("runAsNonRoot")).isEqualTo(true);
        assertThat((Integer) podSecurity.get("runAsUser")).isPositive();

        Map<String, Object> app = list(pod, "containers").get(0);
        assertThat(path(app, "startupProbe")).isEqualTo(LIVENESS);
        assertThat(path(app, "livenessProbe")).isEqualTo(LIVENESS);
        assertThat(path(app, "readinessProbe")).isEqualTo(READINESS);
        assertThat(map(app, "securityContext").get("allowPrivilegeEscalation")).isEqualTo(false);

        Map<String, Object> resources = map(app, "resources");
        assertThat(map(resources, "limits")).containsKeys("cpu", "memory");
        assertThat(map(resources, "requests")).containsKeys("cpu", "memory");

        List<String> secretsUsed = list(app, "envFrom").stream()
                .map(from -> (String) map(from, "secretRef").get("name"))
                .toList();
        assertThat(secretsUsed).contains("impactlab-database", "impactlab-oidc");
    }

    @Test
    void kubernetesSecretsNameTheDatabaseAndSingleSignOnSettings() throws IOException {
        Map<String, Map<String, Object>> secrets = all("Secret").stream()
                .collect(Collectors.toMap(s -> (String) map(s, "metadata").get("name"), s -> s));
        assertThat(map(secrets.get("impactlab-database"), "stringData"))
                .containsKeys("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        assertThat(map(secrets.get("impactlab-oidc"), "stringData").keySet())
                .anyMatch(key -> key.startsWith("IMPACTLAB_OIDC_"));
    }

    @Test
    void kubernetesKeepsInstancesThroughDisruptionsAndScalesFromTwo() throws IOException {
        Map<String, Object> pdb = single("PodDisruptionBudget");
        assertThat((Integer) map(pdb, "spec").get("minAvailable")).isGreaterThanOrEqualTo(1);

        Map<String, Object> hpa = map(single("HorizontalPodAutoscaler"), "spec");
        assertThat((Integer) hpa.get("minReplicas")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) hpa.get("maxReplicas")).isGreaterThan((Integer) hpa.get("minReplicas"));
        assertThat(map(hpa, "scaleTargetRef").get("name")).isEqualTo("impactlab");

        Map<String, Object> service = single("Service");
        String servicePort = (String) list(map(service, "spec"), "ports").get(0).get("name");
        Map<String, Object> backend = map(map(list(map(list(map(single("Ingress"), "spec"), "rules").get(0), "http"),
                "paths").get(0), "backend"), "service");
        assertThat(backend.get("name")).isEqualTo(map(service, "metadata").get("name"));
        assertThat(map(backend, "port").get("name")).isEqualTo(servicePort);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization = load(DEPLOY.resolve("kubernetes/kustomization.yaml")).get(0);
        List<String> listed = ((List<?>) kustomization.get("resources")).stream().map(Object::toString).toList();
        try (var files = Files.list(DEPLOY.resolve("kubernetes"))) {
            List<String> manifests = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void composeRunsTheAppAsNonRootOnAHealthyPostgres17WithSecretsFromTheEnvFile() throws IOException {
        Map<String, Object> compose = load(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> services = map(compose, "services");

        Map<String, Object> db = map(services, "db");
        assertThat((String) db.get("image")).startsWith("postgres:17");
        assertThat(db).containsKeys("healthcheck", "volumes");
        assertThat((String) map(db, "environment").get("POSTGRES_PASSWORD")).startsWith("${");

        Map<String, Object> app = map(services, "app");
        assertThat((String) app.get("user")).doesNotStartWith("0");
        assertThat(app.get("env_file")).isEqualTo("impactlab.env");
        assertThat(String.valueOf(map(app, "healthcheck").get("test"))).contains(READINESS);
        assertThat(map(map(app, "depends_on"), "db").get("condition")).isEqualTo("service_healthy");
        assertThat(app).containsKeys("volumes", "mem_limit");
        Map<String, Object> environment = map(app, "environment");
        assertThat((String) environment.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://db:");
        assertThat((String) environment.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${");
        assertThat(List.copyOf((List<?>) app.get("ports"))).allMatch(port -> port.toString().startsWith("127.0.0.1:"));

        assertThat(map(compose, "volumes")).containsKeys("db-data", "app-data");
        assertThat(DEPLOY.resolve("impactlab.env.example")).exists();
    }

    private static Map<String, Object> single(String kind) throws IOException {
        List<Map<String, Object>> documents = all(kind);
        assertThat(documents).as(kind).hasSize(1);
        return documents.get(0);
    }

    private static List<Map<String, Object>> all(String kind) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (var files = Files.list(DEPLOY.resolve("kubernetes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                load(file).stream().filter(d -> kind.equals(d.get("kind"))).forEach(documents::add);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        }
        return documents;
    }

    private static String path(Map<String, Object> container, String probe) {
        return (String) map(map(container, probe), "httpGet").get("path");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) Objects.requireNonNull(parent.get(key), key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) Objects.requireNonNull(parent.get(key), key);
    }
}
