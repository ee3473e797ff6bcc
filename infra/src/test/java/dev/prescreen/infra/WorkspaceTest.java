package dev.prescreen.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prescreen.cloud.LambdaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @Test
    void findsTheRepositoryRootFromInfra() {
        Workspace workspace = Workspace.locate();
        assertThat(workspace.root().resolve("cdk.json")).isRegularFile();
        assertThat(workspace.root().resolve("functions")).isDirectory();
    }

    @Test
    void functionJarsCarryTheProjectVersion() {
        assertThat(Workspace.VERSION).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    }

    @Test
    void everyFunctionsJarIsTheShadedJarOfItsModule() {
        Workspace workspace = Workspace.locate();
        for (LambdaFunction function : LambdaFunction.values()) {
            assertThat(workspace.deploymentJar(function)).isRegularFile()
                    .hasFileName("prescreen-" + function.module() + "-" + Workspace.VERSION + "-lambda.jar");
        }
    }

    @Test
    void aMissingJarStopsTheSynthAndSaysHowToBuildIt(@TempDir Path root) {
        Workspace workspace = new Workspace(root, Optional.empty());
        LambdaFunction function = LambdaFunction.values()[0];
        assertThatThrownBy(() -> workspace.deploymentJar(function))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(function.name())
                .hasMessageContaining("mvn -B -DskipTests package");
    }

    @Test
    void theCandidatePageIsPublishedOnlyWhenItsFolderExists(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("cdk.json"), "{}");
        Files.createDirectories(root.resolve("functions"));
        Workspace workspace = Workspace.locate(root);
        assertThat(workspace.candidatePage()).isEmpty();
        Files.createDirectories(root.resolve("web/candidate"));
        assertThat(Workspace.locate(root).candidatePage()).contains(root.resolve("web/candidate"));
    }
}
