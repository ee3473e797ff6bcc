package dev.prescreen.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/**
 * cdk-nag findings the stack accepts on purpose. Each is acknowledged where the decision is made, on the
 * resources it concerns (never the whole stack), with the reason.
 */
final class Nag {

    private Nag() {
    }

    /** Accepts a rule's finding on the construct and everything under it. */
    static void acknowledge(IConstruct construct, String ruleId, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id(ruleId).reason(reason).build()), true);
    }

    /** Accepts AwsSolutions-IAM5 for the wildcard resources matching {@code findingPattern} only. */
    static void acknowledgeWildcard(IConstruct construct, String findingPattern, String reason) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason(reason)
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/^" + findingPattern + "$/").build()))
                .build()), true);
    }
}
