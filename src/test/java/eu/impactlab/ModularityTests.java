package eu.impactlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private static final Path SOURCES = Path.of("src/main/java/eu/impactlab");
    private static final Path DIAGRAMS = Path.of("docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(ImpactLabApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    /** A reader learns what a module owns from its package-info.java, so every module must have one that says it. */
    @Test
    void everyModuleSaysWhatItOwnsInItsPackageInfo() throws IOException {
        List<String> packages;
        try (Stream<Path> children = Files.list(SOURCES)) {
            packages = children.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        }
        assertThat(packages).containsAll(modules.stream().map(ApplicationModule::getIdentifier)
                .map(Object::toString).toList());

        for (String module : packages) {
            Path packageInfo = SOURCES.resolve(module).resolve("package-info.java");
            assertThat(packageInfo).as("every top-level package is a module and needs a package-info.java").exists();
            String text = Files.readString(packageInfo);
            assertThat(text).as(packageInfo + " starts with a Javadoc comment").startsWith("/**");
            assertThat(text.substring(0, text.indexOf("*/"))).as(packageInfo + " says what the module owns")
                    .contains("owns");
        }
    }

    /** The module diagrams in docs/modules/, linked from docs/architecture.md: commit them when they change. */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DIAGRAMS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }
    }

    /** The Documenter lists components and relations in a different order on each run; sorted, a diff means a change. */
    private static List<String> inStableOrder(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.strip().startsWith("Rel(") ? "Rel(" : line.strip().startsWith("Component(") ? "Component(" : null;
            if (!Objects.equals(kind, runKind)) {
                sorted.addAll(run.stream().sorted().toList());
                run.clear();
                runKind = kind;
            }
            if (kind == null) {
                sorted.add(line);
            } else {
                run.add(line);
            }
        }
        sorted.addAll(run.stream().sorted().toList());
        return sorted;
    }
}
