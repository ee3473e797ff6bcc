package dev.prescreen.infra;

import static dev.prescreen.infra.Synthesis.list;
import static dev.prescreen.infra.Synthesis.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The stack under cdk-nag's AwsSolutions and Serverless rule packs, as the app applies them, with a
 * candidate page to publish (so the page's deployment handler is checked too, whether or not the
 * repository has the page yet).
 */
class PrescreenNagTest {

    private static final String NAG_RULE = "(AwsSolutions|Serverless)-.*";

    @TempDir
    static Path page;

    private static Synthesis synthesis;
    private static Annotations annotations;

    @BeforeAll
    static void synthesise() throws IOException {
        Files.writeString(page.resolve("index.html"), "<!doctype html><title>prescreen</title>");
        synthesis = Synthesis.checked(Workspace.locate().withCandidatePage(page));
        annotations = Annotations.fromStack(synthesis.stack);
    }

    @Test
    void noAwsSolutionsError() {
        assertThat(describe(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")))).isEmpty();
    }

    @Test
    void noServerlessError() {
        assertThat(describe(annotations.findError("*", Match.stringLikeRegexp("Serverless-.*")))).isEmpty();
    }

    @Test
    void noWarningLeftUnconsidered() {
        assertThat(describe(annotations.findWarning("*", Match.stringLikeRegexp(NAG_RULE)))).isEmpty();
    }

    @Test
    void everyAcknowledgementIsOnAResourceAndSaysWhy() {
        assertThat(map(synthesis.json.getOrDefault("Metadata", Map.of()))).doesNotContainKey("cdk_nag");
        List<Map<String, Object>> acknowledgements = acknowledgements();
        assertThat(acknowledgements).isNotEmpty().allSatisfy(acknowledgement -> {
            assertThat((String) acknowledgement.get("id")).matches(NAG_RULE);
            assertThat((String) acknowledgement.get("reason")).as((String) acknowledgement.get("id")).hasSizeGreaterThan(40);
        });
        // One reason per kind of finding, not one blanket sentence reused across rules.
        Map<String, Set<String>> rulesByReason = new HashMap<>();
        acknowledgements.forEach(a -> rulesByReason.computeIfAbsent((String) a.get("reason"), r -> new HashSet<>())
                .add((String) a.get("id")));
        assertThat(rulesByReason).allSatisfy((reason, rules) -> assertThat(rules).as(reason).hasSize(1));
    }

    @Test
    void transcribeIsTheOnlyWildcardResourceAcknowledgedOnFunctions() {
        for (Map<String, Object> acknowledgement : acknowledgements()) {
            if ("AwsSolutions-IAM5".equals(acknowledgement.get("id")) && acknowledgement.containsKey("applies_to")) {
                for (Object appliesTo : list(acknowledgement.get("applies_to"))) {
                    String pattern = String.valueOf(map(appliesTo).get("regex"));
                    if (pattern.contains("Resource::\\*")) {
                        assertThat(acknowledgement.get("reason").toString()).contains("transcribe:");
                    }
                }
            }
        }
    }

    @Test
    void thePageIsPublishedUnderItsPathWithItsConfiguration() {
        List<Map<String, Object>> deployments = new ArrayList<>(synthesis.resources("Custom::CDKBucketDeployment")
                .values());
        assertThat(deployments).singleElement().satisfies(deployment -> {
            Map<String, Object> props = map(deployment.get("Properties"));
            assertThat(props.get("DestinationBucketKeyPrefix")).isEqualTo("interview/");
            assertThat(list(props.get("SourceMarkers")).toString()).contains("ApiEndpoint");
            assertThat(props).doesNotContainKey("DistributionPaths");
        });
    }

    private static List<Map<String, Object>> acknowledgements() {
        List<Map<String, Object>> found = new ArrayList<>();
        map(synthesis.json.get("Resources")).values().forEach(resource -> {
            Object nag = map(map(resource).getOrDefault("Metadata", Map.of())).get("cdk_nag");
            if (nag != null) {
                list(map(nag).get("rules_to_suppress")).forEach(rule -> found.add(map(rule)));
            }
        });
        return found;
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList();
    }
}
